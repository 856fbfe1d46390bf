"""The map in a real browser, as deployed: with every other host blocked (a visitor in mainland
China reaching a foreign tile server), and with tiles from a local stub over static files
collected with the production storage (hashed names), where Leaflet's own icon guess fails."""

import io
import re
import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.test.testcases import LiveServerThread, _StaticFilesHandler
from PIL import Image

from tests.browser.conftest import VIEWPORTS, axe_violations, screenshot
from tests.factories import make_park, make_project, make_sector

pytestmark = pytest.mark.django_db(transaction=True)

# Every <img> the visitor can see has loaded; Leaflet's hidden layer does not count.
BROKEN_IMAGES = """() => [...document.images]
  .filter((img) => img.checkVisibility({ visibilityProperty: true }))
  .filter((img) => !img.complete || img.naturalWidth === 0)
  .map((img) => img.currentSrc || img.src)"""
SKETCH_SHOWN = """() => {
  const svg = document.querySelector("svg.map-sketch");
  const box = svg.getBoundingClientRect();
  return svg.checkVisibility({ visibilityProperty: true }) && box.width > 300 && box.height > 300;
}"""


@pytest.fixture
def parks():
    sector = make_sector(name_en="Forging", name_zh_hans="锻造", slug="forging")
    seat = make_park(
        name_en="Guanxian Bearing Industrial Park",
        name_zh_hans="冠县轴承产业园",
        slug="guanxian-park",
        latitude=Decimal("36.490"),
        longitude=Decimal("115.460"),
    )
    qingshui = make_park(
        name_en="Qingshui Bearing Forging Industrial Park",
        name_zh_hans="清水镇轴承锻造产业园",
        slug="qingshui-park",
        latitude=Decimal("36.470"),
        longitude=Decimal("115.560"),
    )
    make_project(name_en="Ring Forging Line", name_zh_hans="锻环生产线", sector=sector, park=seat)
    make_project(name_en="Ball Plant", name_zh_hans="钢球厂", sector=sector, park=qingshui)


class TileStub(BaseHTTPRequestHandler):
    """A tile server on 127.0.0.1 answering every tile with the same small PNG, or 404."""

    failing = False
    png = b""

    def do_GET(self):  # noqa: N802 - the name http.server calls
        if type(self).failing:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(self.png)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(self.png)

    def log_message(self, *args):
        pass


@pytest.fixture
def tile_stub():
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), "#cfe3c8").save(buffer, format="PNG")
    handler = type("Stub", (TileStub,), {"png": buffer.getvalue(), "failing": False})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield handler, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def production_static(settings, tmp_path):
    """The static files collected with the production storage, and a server that serves them."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    call_command("collectstatic", interactive=False, verbosity=0)
    server = LiveServerThread("127.0.0.1", _StaticFilesHandler, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    yield f"http://127.0.0.1:{server.port}"
    server.terminate()


def context_for(browser, viewport_name, allowed):
    context = browser.new_context(
        viewport=VIEWPORTS[viewport_name],
        is_mobile=viewport_name == "phone",
        has_touch=viewport_name == "phone",
    )
    context.route(
        lambda url: not any(url.startswith(origin) for origin in allowed),
        lambda route: route.abort(),
    )
    return context


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_foreign_tiles_blocked_the_sketch_map_stays(
    browser, live_server, parks, settings, lang, viewport_name
):
    settings.MAP_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    context = context_for(browser, viewport_name, [live_server.url])
    page = context.new_page()
    page.goto(f"{live_server.url}/{lang}/projects/map/")
    page.wait_for_selector("#tools-map[data-map-ready='true']")
    page.wait_for_selector("#tools-map[data-map-state='sketch']", state="attached")
    assert page.evaluate(SKETCH_SHOWN)
    assert not page.locator(".map-tiles").is_visible()
    assert page.evaluate(BROKEN_IMAGES) == []
    pins = page.locator("svg.map-sketch .sketch-pin text")
    assert pins.all_text_contents() == ["1", "2"]
    list_numbers = page.locator(".map-list .map-number").all_inner_texts()
    assert [re.sub(r"\D", "", n) for n in list_numbers] == ["1", "2"]
    assert axe_violations(page) == []
    screenshot(page, f"map-blocked-{lang}-{viewport_name}")
    context.close()


def test_without_a_tile_server_or_javascript_the_sketch_map_is_the_map(browser, live_server, parks):
    for javascript in (True, False):
        context = browser.new_context(java_script_enabled=javascript)
        page = context.new_page()
        page.goto(f"{live_server.url}/en/projects/map/")
        assert page.evaluate(SKETCH_SHOWN)
        assert page.locator("img").count() == 0 or page.evaluate(BROKEN_IMAGES) == []
        assert page.locator("script[src*=leaflet]").count() == 0
        assert page.get_by_role("img", name="Sketch map of Guanxian County").is_visible()
        context.close()


def test_tiles_from_a_stub_pins_from_the_collected_static_files(
    browser, parks, settings, tile_stub, production_static, viewport_name
):
    stub, stub_url = tile_stub
    settings.MAP_TILE_URL = f"{stub_url}/{{z}}/{{x}}/{{y}}.png"
    settings.MAP_TILE_ATTRIBUTION = "Test tiles"
    context = context_for(browser, viewport_name, [production_static, stub_url])
    page = context.new_page()
    answers = {}
    page.on("response", lambda response: answers.__setitem__(response.url, response.status))
    page.goto(f"{production_static}/en/projects/map/")
    page.wait_for_selector("#tools-map[data-map-state='tiles']")

    markers = page.locator("img.leaflet-marker-icon")
    assert markers.count() == 2
    hashed = re.compile(r"/static/vendor/leaflet/images/marker-icon(-2x)?\.[0-9a-f]{12}\.png$")
    for n in range(2):
        assert hashed.search(markers.nth(n).get_attribute("src"))
    icons = [url for url in answers if "/vendor/leaflet/images/" in url]
    assert icons and all(answers[url] == 200 for url in icons), answers
    assert not [url for url, status in answers.items() if status >= 400]
    assert page.evaluate(BROKEN_IMAGES) == []
    assert page.locator(".map-pin-number").all_inner_texts() == ["1", "2"]
    assert markers.first.get_attribute("alt") == "1. Guanxian Bearing Industrial Park"
    assert not page.evaluate(SKETCH_SHOWN), "the detailed map replaces the sketch"
    assert page.locator(".leaflet-tile-loaded").count() > 0
    assert "Test tiles" in page.locator(".leaflet-control-attribution").inner_text()
    assert axe_violations(page) == []
    screenshot(page, f"map-tiles-en-{viewport_name}")

    # The tile server goes away: the next tiles fail and the sketch comes back.
    stub.failing = True
    page.locator(".leaflet-control-zoom-in").click()
    page.wait_for_selector("#tools-map[data-map-state='sketch']", state="attached")
    assert page.evaluate(SKETCH_SHOWN)
    assert not page.locator(".map-tiles").is_visible()
    assert page.evaluate(BROKEN_IMAGES) == []
    context.close()
