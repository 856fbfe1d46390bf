"""A map of the parks and their projects: the site's own sketch map of the county, drawn by the
server, with the plain list beside it; Leaflet over a tile server on top when one is configured
(`MAP_TILE_URL`) and its tiles load.

Projects have no coordinates of their own; each is shown at its park.
"""

from urllib.parse import urlsplit

from csp.decorators import csp_update
from django.conf import settings
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.http import require_GET

from projects.models import Park, Project

from .county_map import sketch_map

# Leaflet's own pin, named through the static files storage: after collectstatic the names are
# hashed, and Leaflet's guess from its stylesheet's path then points at the page's own path.
MARKER_IMAGES = {
    "iconUrl": "vendor/leaflet/images/marker-icon.png",
    "iconRetinaUrl": "vendor/leaflet/images/marker-icon-2x.png",
    "shadowUrl": "vendor/leaflet/images/marker-shadow.png",
}


def tile_origin():
    """The tile server's origin for the CSP; a host label with `{s}` becomes a wildcard."""
    parts = urlsplit(settings.MAP_TILE_URL.replace("{s}", "subdomain"))
    labels = parts.netloc.split(".")
    if "subdomain" in labels[0]:
        labels[0] = "*"
    return f"{parts.scheme}://{'.'.join(labels)}"


@require_GET
def map_page(request):
    if not settings.MAP_TILE_URL:
        return _render_map_page(request)
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
    pins = [(m["number"], m["name"], m["lat"], m["lng"]) for m in markers]
    context = {
        "entries": entries,
        "unplaced": unplaced,
        "sketch": sketch_map(pins),
        "has_markers": bool(markers),
        "has_tiles": bool(markers and settings.MAP_TILE_URL),
        "map_data": {
            "markers": markers,
            "tileUrl": settings.MAP_TILE_URL,
            "subdomains": settings.MAP_TILE_SUBDOMAINS,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
            "icon": {key: static(name) for key, name in MARKER_IMAGES.items()},
        },
    }
    return render(request, "projects/tools/map.html", context)
