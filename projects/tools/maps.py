"""A map of the parks and their projects: Leaflet over a configurable tile server, on top of a
plain list and a server-drawn image that work without JavaScript or tiles.

Projects have no coordinates of their own; each is shown at its park.
"""

import io
import math
from urllib.parse import urlsplit

from csp.decorators import csp_update
from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from PIL import Image, ImageDraw, ImageFont

from projects.models import Park, Project

IMAGE_SIZE = (960, 600)
IMAGE_PADDING = 70
MIN_SPAN_DEGREES = 0.08
IMAGE_CACHE_SECONDS = 60 * 60


def tile_origin():
    """The tile server's origin for the CSP; `{s}` subdomains become a wildcard."""
    parts = urlsplit(settings.MAP_TILE_URL.replace("{s}.", "*."))
    return f"{parts.scheme}://{parts.netloc}"


def _located_parks():
    return Park.objects.published().filter(latitude__isnull=False, longitude__isnull=False)


@require_GET
def map_page(request):
    # Tiles are the only images the site loads from elsewhere, and only on this page.
    return csp_update({"img-src": [tile_origin()]})(_render_map_page)(request)


def _render_map_page(request):
    parks = list(Park.objects.published())
    projects = list(Project.objects.published().select_related("park").order_by("park", "slug"))
    by_park = {}
    unplaced = []
    for project in projects:
        if project.park_id and project.park.is_visible:
            by_park.setdefault(project.park_id, []).append(project)
        else:
            unplaced.append(project)
    entries = []
    markers = []
    for park in parks:
        located = park.latitude is not None and park.longitude is not None
        park_projects = by_park.get(park.pk, [])
        entry = {"park": park, "projects": park_projects, "number": None}
        if located:
            entry["number"] = len(markers) + 1
            markers.append(
                {
                    "number": entry["number"],
                    "name": park.name,
                    "url": park.get_absolute_url(),
                    "lat": float(park.latitude),
                    "lng": float(park.longitude),
                    "projects": [
                        {"name": p.name, "url": p.get_absolute_url()} for p in park_projects
                    ],
                }
            )
        entries.append(entry)
    context = {
        "entries": entries,
        "unplaced": unplaced,
        "map_data": {
            "markers": markers,
            "tileUrl": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
        },
        "has_markers": bool(markers),
    }
    return render(request, "projects/tools/map.html", context)


def _project(points, size, padding):
    """Pixel positions for (lat, lng) points: equirectangular, scaled to fit, north up."""
    width, height = size
    lats = [lat for lat, _lng in points]
    lngs = [lng for _lat, lng in points]
    mid_lat = (max(lats) + min(lats)) / 2
    x_scale = math.cos(math.radians(mid_lat))
    span_x = max((max(lngs) - min(lngs)) * x_scale, MIN_SPAN_DEGREES)
    span_y = max(max(lats) - min(lats), MIN_SPAN_DEGREES)
    scale = min((width - 2 * padding) / span_x, (height - 2 * padding) / span_y)
    centre_x = (max(lngs) + min(lngs)) / 2 * x_scale
    centre_y = (max(lats) + min(lats)) / 2
    return [
        (
            width / 2 + (lng * x_scale - centre_x) * scale,
            height / 2 - (lat - centre_y) * scale,
        )
        for lat, lng in points
    ]


def draw_map(points):
    """A PNG of numbered markers for (lat, lng) points; the numbers match the page's list."""
    image = Image.new("RGB", IMAGE_SIZE, "#eef3f6")
    draw = ImageDraw.Draw(image)
    width, height = IMAGE_SIZE
    for step in range(1, 8):
        x = width * step / 8
        y = height * step / 8
        draw.line([(x, 0), (x, height)], fill="#dde6ec", width=1)
        draw.line([(0, y), (width, y)], fill="#dde6ec", width=1)
    draw.rectangle([(0, 0), (width - 1, height - 1)], outline="#0b3d5c", width=3)
    font = ImageFont.load_default(size=22)
    small = ImageFont.load_default(size=18)
    # A north arrow, so the drawing reads as a map.
    draw.polygon([(width - 40, 20), (width - 50, 50), (width - 30, 50)], fill="#16212b")
    draw.text((width - 40, 68), "N", fill="#16212b", font=small, anchor="mm")
    if points:
        for number, (x, y) in enumerate(_project(points, IMAGE_SIZE, IMAGE_PADDING), start=1):
            radius = 18
            draw.ellipse(
                [(x - radius, y - radius), (x + radius, y + radius)],
                fill="#b34700",
                outline="#ffffff",
                width=3,
            )
            draw.text((x, y), str(number), fill="#ffffff", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


@require_GET
@cache_control(public=True, max_age=IMAGE_CACHE_SECONDS)
def map_image(request):
    """The fallback map as a PNG, cached until a park is added, moved or published."""
    parks = _located_parks()
    state = parks.aggregate(count=Count("pk"), changed=Max("updated_at"))
    changed = state["changed"].timestamp() if state["changed"] else 0
    key = f"tools:map-png:{state['count']}:{changed}"
    png = cache.get(key)
    if png is None:
        points = [(float(p.latitude), float(p.longitude)) for p in parks.order_by("order", "slug")]
        png = draw_map(points)
        cache.set(key, png, IMAGE_CACHE_SECONDS)
    return HttpResponse(png, content_type="image/png")
