"""The map page: the site's own sketch map and the list work without JavaScript or tiles; Leaflet
and a tile server only when one is configured."""

import json
import re

import pytest

from projects.models import Park
from projects.tools.county_map import (
    COUNTY_SEAT,
    TOWNS,
    Labels,
    Projection,
    sketch_map,
    text_width,
)
from projects.tools.maps import tile_origin
from tests.factories import make_park, make_project

pytestmark = pytest.mark.django_db

TILES = "https://{s}.tiles.example.cn/{z}/{x}/{y}.png"


def main_of(html):
    return html.split('<main id="main"')[1].split("</main>")[0]


def map_data(html):
    raw = re.search(r'<script id="tools-map-data" type="application/json">(.*?)</script>', html)
    return json.loads(raw.group(1))


def svg_of(html):
    return re.search(r'<svg class="map-sketch".*?</svg>', html, re.S).group(0)


def test_the_list_and_the_sketch_map_are_in_the_html(client, registry):
    response = client.get("/en/projects/map/")
    assert response.status_code == 200
    html = response.content.decode()
    main = main_of(html)
    assert '<a href="/en/projects/parks/north-park/">North Park</a>' in main
    assert '<a href="/en/projects/parks/south-park/">South Park</a>' in main
    assert '<li><a href="/en/projects/ring-forging/">Ring Forging Line</a></li>' in main
    assert '<li><a href="/en/projects/cage-works/">Cage Stamping Works</a></li>' in main
    assert "Secret Draft" not in html
    svg = svg_of(main)
    assert 'role="img" aria-labelledby="map-sketch-title map-sketch-desc"' in svg
    assert "Point 1: North Park. Point 2: South Park." in svg
    assert ">Guanxian</text>" in svg
    assert ">Qingshui Town</text>" in svg
    assert svg.count('class="sketch-road sketch-expressway"') == 1
    assert svg.count('<g class="sketch-pin">') == 2
    assert svg.count('<g class="sketch-town') == len(TOWNS)
    assert "Liaocheng, about 50 km" in svg
    assert "<img" not in main, "no picture to break: the map is page markup"


def test_without_a_tile_server_no_leaflet_and_no_foreign_image_source(client, registry):
    html = client.get("/en/projects/map/").content.decode()
    assert "leaflet" not in html
    assert "tools-map-data" not in html
    assert "tools-map.js" not in html
    policy = client.get("/en/projects/map/")["Content-Security-Policy"]
    assert re.search(r"img-src ([^;]+)", policy).group(1).split() == ["'self'", "data:"]


def test_with_a_tile_server_leaflet_gets_the_pins_from_the_static_files(client, registry, settings):
    settings.MAP_TILE_URL = TILES
    settings.MAP_TILE_ATTRIBUTION = "&copy; Example Maps"
    html = client.get("/en/projects/map/").content.decode()
    assert "<script>" not in main_of(html), "no inline script: the data travels in json_script"
    assert '<script src="/static/vendor/leaflet/leaflet.js" defer></script>' in html
    assert '<script src="/static/js/tools-map.js" defer></script>' in html
    assert '<link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css">' in html
    data = map_data(html)
    assert data["tileUrl"] == TILES
    assert data["subdomains"] == "abc"
    assert data["attribution"] == "&copy; Example Maps"
    assert data["icon"] == {
        "iconUrl": "/static/vendor/leaflet/images/marker-icon.png",
        "iconRetinaUrl": "/static/vendor/leaflet/images/marker-icon-2x.png",
        "shadowUrl": "/static/vendor/leaflet/images/marker-shadow.png",
    }
    # The sketch stays in the page under Leaflet, for when tiles fail.
    assert svg_of(html)


def test_marker_numbers_match_the_list_and_the_sketch(client, registry, settings):
    settings.MAP_TILE_URL = TILES
    html = client.get("/en/projects/map/").content.decode()
    north, south = map_data(html)["markers"]
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
    pins = re.findall(
        r'<g class="sketch-pin"><circle cx="([\d.]+)" cy="([\d.]+)".*?>(\d)</text>', html
    )
    (x1, y1, n1), (x2, y2, n2) = pins
    assert (n1, n2) == ("1", "2")
    # North Park lies north-west of South Park: up and to the left.
    assert float(x1) < float(x2) and float(y1) < float(y2)


def test_tile_host_is_allowed_on_the_map_page_only(client, registry, settings):
    settings.MAP_TILE_URL = "https://tile.example.org/{z}/{x}/{y}.png"
    policy = client.get("/en/projects/map/")["Content-Security-Policy"]
    img_src = re.search(r"img-src ([^;]+)", policy).group(1).split()
    assert img_src == ["'self'", "data:", "https://tile.example.org"]
    other = client.get("/en/projects/compare/")["Content-Security-Policy"]
    assert "tile.example.org" not in other


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://{s}.tiles.example.cn/{z}/{x}/{y}.png", "https://*.tiles.example.cn"),
        (
            "https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=k",
            "https://*.tianditu.gov.cn",
        ),
        ("http://127.0.0.1:8123/{z}/{x}/{y}.png", "http://127.0.0.1:8123"),
    ],
)
def test_tile_origin(settings, url, origin):
    settings.MAP_TILE_URL = url
    assert tile_origin() == origin


def test_parks_without_location_and_projects_without_park(client, registry):
    make_park(name_en="Planned Park", slug="planned-park")
    make_project(name_en="Floating Project", slug="floating", sector=registry["forging"])
    html = client.get("/en/projects/map/").content.decode()
    assert 'Planned Park</a> <span class="badge">location not on record</span>' in html
    assert "Projects not yet placed in a park" in html
    assert '<a href="/en/projects/floating/">Floating Project</a>' in html
    assert svg_of(html).count('<g class="sketch-pin">') == 2


def test_without_any_location_the_sketch_has_no_pins(client, registry, settings):
    settings.MAP_TILE_URL = TILES
    Park.objects.update(latitude=None, longitude=None)
    html = client.get("/en/projects/map/").content.decode()
    assert "No park has its location on record yet" in html
    assert "leaflet.js" not in html
    assert "North Park" in html
    assert '<g class="sketch-pin">' not in svg_of(html)


def test_a_park_outside_the_county_widens_the_drawing():
    inside = sketch_map([(1, "A", 36.48, 115.44)])
    outside = sketch_map([(1, "A", 36.48, 115.44), (2, "Far", 36.95, 116.10)])
    assert outside["width"] == inside["width"] == 560
    far = outside["pins"][1]
    assert 0 < far["x"] < outside["width"] and 0 < far["y"] < outside["height"]
    assert far["y"] < outside["pins"][0]["y"], "north is up"


def test_town_labels_overlap_no_pin_and_stay_inside():
    seat = Projection([])(COUNTY_SEAT)
    # A pin right of the county seat, where its name would go first.
    sketch = sketch_map([(1, "A", COUNTY_SEAT[0], COUNTY_SEAT[1] + 0.02)])
    town = next(t for t in sketch["towns"] if t["seat"])
    assert (town["x"], town["y"]) == seat
    assert town["anchor"] != "start"
    labels = Labels(sketch["width"], sketch["height"], [(p["x"], p["y"]) for p in sketch["pins"]])
    for town in sketch["towns"]:
        size = 22 if town["seat"] else 20
        box = Labels.box(
            town["label_x"], town["label_y"], text_width(town["name"], size), size, town["anchor"]
        )
        assert labels.free(box), town["name"]
        labels.taken.append(box)


def test_scale_bar_is_ten_kilometres():
    sketch = sketch_map([])
    projection = Projection([])
    # 10 km north-south is 0.09 degrees of latitude.
    expected = projection((36.5, 115.5))[1] - projection((36.5 + 10 / 111.2, 115.5))[1]
    assert sketch["scale"]["length"] == pytest.approx(expected, abs=0.2)


def test_in_chinese(client, registry):
    html = client.get("/zh-hans/projects/map/").content.decode()
    assert "<h1>产业园和项目地图</h1>" in html
    assert '<a href="/zh-hans/projects/parks/north-park/">北产业园</a>' in html
    svg = svg_of(html)
    assert ">冠县</text>" in svg
    assert "清水镇" in svg
    assert "聊城，约50公里" in svg
    assert "点位1：北产业园。" in svg


def test_query_count_does_not_grow(client, registry):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/en/projects/map/")  # the site-wide rows the shell caches
    with CaptureQueriesContext(connection) as small:
        client.get("/en/projects/map/")
    for n in range(8):
        park = make_park(slug=f"more-park-{n}", latitude=36 + n / 100, longitude=115)
        make_project(slug=f"more-project-{n}", sector=registry["forging"], park=park)
    with CaptureQueriesContext(connection) as large:
        client.get("/en/projects/map/")
    map_queries = [q for q in large.captured_queries if "projects_" in q["sql"]]
    assert len(large) == len(small)
    assert len(map_queries) == 2, "the parks, then the projects with their parks"
