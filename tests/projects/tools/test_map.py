"""The map works without JavaScript: a plain list, and a server-drawn image as the fallback."""

import io
import json
import re

import pytest
from PIL import Image

from projects.models import Park
from projects.tools.maps import draw_map, tile_origin
from tests.factories import make_park, make_project

pytestmark = pytest.mark.django_db


def test_the_list_is_in_the_html(client, registry):
    response = client.get("/en/projects/map/")
    assert response.status_code == 200
    html = response.content.decode()
    main = html.split('<main id="main"')[1].split("</main>")[0]
    assert '<a href="/en/projects/parks/north-park/">North Park</a>' in main
    assert '<a href="/en/projects/parks/south-park/">South Park</a>' in main
    assert '<li><a href="/en/projects/ring-forging/">Ring Forging Line</a></li>' in main
    assert '<li><a href="/en/projects/cage-works/">Cage Stamping Works</a></li>' in main
    assert "Secret Draft" not in html
    assert '<img class="map-fallback" src="/en/projects/map/fallback.png"' in main
    assert "<script>" not in html, "no inline script: the data travels in json_script"
    assert '<script src="/static/vendor/leaflet/leaflet.js" defer></script>' in html
    assert '<script src="/static/js/tools-map.js" defer></script>' in html
    assert '<link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css">' in html


def test_marker_data_and_numbers_match_the_list(client, registry):
    html = client.get("/en/projects/map/").content.decode()
    raw = re.search(r'<script id="tools-map-data" type="application/json">(.*?)</script>', html)
    data = json.loads(raw.group(1))
    assert data["tileUrl"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert "OpenStreetMap" in data["attribution"]
    north, south = data["markers"]
    assert (north["number"], north["name"], north["lat"], north["lng"]) == (
        1,
        "North Park",
        36.484,
        115.442,
    )
    assert {p["url"] for p in north["projects"]} == {
        "/en/projects/ring-forging/",
        "/en/projects/cage-works/",
    }
    assert south["number"] == 2
    assert (
        '<span class="visually-hidden">Map point </span>2</span> <a href="/en/projects/parks/south-park/">'
        in html
    )


def test_tile_host_is_allowed_on_the_map_page_only(client, registry, settings):
    policy = client.get("/en/projects/map/")["Content-Security-Policy"]
    img_src = re.search(r"img-src ([^;]+)", policy).group(1).split()
    assert img_src == ["'self'", "data:", "https://tile.openstreetmap.org"]
    other = client.get("/en/projects/compare/")["Content-Security-Policy"]
    assert "tile.openstreetmap.org" not in other
    settings.MAP_TILE_URL = "https://{s}.tiles.example.cn/{z}/{x}/{y}.png"
    assert tile_origin() == "https://*.tiles.example.cn"


def test_parks_without_location_and_projects_without_park(client, registry):
    make_park(name_en="Planned Park", slug="planned-park")
    make_project(name_en="Floating Project", slug="floating", sector=registry["forging"])
    html = client.get("/en/projects/map/").content.decode()
    assert 'Planned Park</a> <span class="badge">location not on record</span>' in html
    assert "Projects not yet placed in a park" in html
    assert '<a href="/en/projects/floating/">Floating Project</a>' in html


def test_without_any_location_the_page_is_a_list(client, registry):
    Park.objects.update(latitude=None, longitude=None)
    html = client.get("/en/projects/map/").content.decode()
    assert "No park has its location on record yet" in html
    assert "leaflet.js" not in html
    assert "North Park" in html


def test_fallback_png_is_a_valid_cached_image(client, registry, django_assert_num_queries):
    response = client.get("/en/projects/map/fallback.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "max-age=3600" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    image = Image.open(io.BytesIO(response.content))
    image.verify()
    assert (image.format, image.size) == ("PNG", (960, 600))
    # Drawn once, then served from the cache after one small query.
    with django_assert_num_queries(1):
        again = client.get("/en/projects/map/fallback.png")
    assert again.content == response.content


def test_fallback_png_changes_when_a_park_moves(client, registry):
    before = client.get("/en/projects/map/fallback.png").content
    registry["south"].latitude = 36.40
    registry["south"].save()
    after = client.get("/en/projects/map/fallback.png").content
    assert before != after


def test_markers_are_drawn_where_the_parks_are():
    png = draw_map([(36.48, 115.44), (36.43, 115.47)])
    image = Image.open(io.BytesIO(png)).convert("RGB")
    orange = (0xB3, 0x47, 0x00)
    marked = [
        (x, y)
        for x in range(0, 960, 4)
        for y in range(0, 600, 4)
        if image.getpixel((x, y)) == orange
    ]
    assert marked, "markers are drawn"
    # North-west park in the upper left, south-east park lower right.
    assert min(x for x, _y in marked) < 480 < max(x for x, _y in marked)
    assert min(y for _x, y in marked) < 300 < max(y for _x, y in marked)
    empty = Image.open(io.BytesIO(draw_map([]))).convert("RGB")
    assert empty.size == (960, 600)


def test_in_chinese(client, registry):
    html = client.get("/zh-hans/projects/map/").content.decode()
    assert "<h1>产业园和项目地图</h1>" in html
    assert '<a href="/zh-hans/projects/parks/north-park/">北产业园</a>' in html


def test_query_count_does_not_grow(client, registry, django_assert_num_queries):
    with django_assert_num_queries(2):
        client.get("/en/projects/map/")
    for n in range(8):
        park = make_park(slug=f"more-park-{n}", latitude=36 + n / 100, longitude=115)
        make_project(slug=f"more-project-{n}", sector=registry["forging"], park=park)
    with django_assert_num_queries(2):
        client.get("/en/projects/map/")
