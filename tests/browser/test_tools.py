"""The investor tools in a real browser: the shortlist button enhanced with fetch, and every
page free of axe violations in both languages (the map has its own tests in test_map.py)."""

import re
from decimal import Decimal

import pytest

from tests.browser.conftest import axe_violations, screenshot
from tests.factories import make_park, make_project, make_sector

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def registry():
    sector = make_sector(name_en="Forging", name_zh_hans="锻造", slug="forging")
    north = make_park(
        name_en="North Park",
        name_zh_hans="北产业园",
        slug="north-park",
        latitude=Decimal("36.484"),
        longitude=Decimal("115.442"),
        contact_name_en="Li Wei",
        contact_email="li.wei@example.cn",
    )
    south = make_park(
        name_en="South Park",
        name_zh_hans="南产业园",
        slug="south-park",
        latitude=Decimal("36.430"),
        longitude=Decimal("115.470"),
    )
    make_project(
        name_en="Ring Forging Line",
        name_zh_hans="锻环生产线",
        slug="rings",
        sector=sector,
        park=north,
    )
    make_project(
        name_en="Ball Plant",
        name_zh_hans="钢球厂",
        slug="balls",
        sector=sector,
        park=south,
        jobs=120,
    )
    return {"north": north, "south": south}


def test_shortlist_button_with_javascript(page, registry):
    page.goto("/en/projects/compare/?p=rings&p=balls")
    button = page.get_by_role("button", name="Save Ring Forging Line to your shortlist")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    page.wait_for_selector("button[aria-pressed='true']")
    assert page.url.endswith("/en/projects/compare/?p=rings&p=balls"), "no reload"
    assert page.get_by_role("status").last.inner_text() == "Ring Forging Line is on your shortlist."
    page.goto("/en/projects/shortlist/")
    assert page.get_by_role("link", name="Ring Forging Line", exact=True).is_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_pages_are_accessible(page, registry, lang, viewport_name):
    for path in (
        "projects/compare/",
        "projects/compare/?p=rings&p=balls",
        "projects/compare/?p=rings",
        "projects/compare/parks/?park=north-park&park=south-park",
        "projects/shortlist/",
        "projects/rings/sheet/",
        "projects/parks/north-park/sheet/",
        "projects/map/",
    ):
        page.goto(f"/{lang}/{path}")
        assert page.locator("h1").count() == 1, path
        # Wide tables scroll inside their box; the page itself never scrolls sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
        assert axe_violations(page) == [], path
    screenshot(page, f"tools-map-{lang}-{viewport_name}")
    page.goto(f"/{lang}/projects/rings/sheet/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    screenshot(page, f"tools-sheet-{lang}-{viewport_name}")


def pdf_pages(pdf):
    """The number of pages of a PDF: pypdf's count when it is installed, else the page objects."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    from io import BytesIO

    return len(PdfReader(BytesIO(pdf)).pages)


def test_every_demo_sheet_prints_on_one_a4_page(browser, live_server, migration_data):
    """The demo's projects and parks, with their pictures, costs and incentives, each printed
    to A4 by Chromium in both languages: one sheet of paper each."""
    from django.core.management import call_command

    from projects.models import Park, Project

    call_command("seed_demo", verbosity=0)
    sheets = [f"projects/{slug}/sheet/" for slug in Project.objects.values_list("slug", flat=True)]
    parks = list(Park.objects.prefetch_related("costs"))
    assert parks and all(park.costs.all() for park in parks), "the demo parks list their costs"
    sheets += [f"projects/parks/{park.slug}/sheet/" for park in parks]
    context = browser.new_context(base_url=live_server.url)
    context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
    page = context.new_page()
    for lang in ("en", "zh-hans"):
        for path in sheets:
            page.goto(f"/{lang}/{path}")
            assert page.evaluate("[...document.images].every((i) => i.complete && i.naturalWidth)")
            pdf = page.pdf(format="A4", prefer_css_page_size=True)
            assert pdf_pages(pdf) == 1, f"/{lang}/{path} prints on {pdf_pages(pdf)} pages"
        page.emulate_media(media="print")
        page.goto(f"/{lang}/projects/parks/{parks[0].slug}/sheet/")
        assert page.locator(".sheet-costs tbody tr").count() == len(parks[0].costs.all())
        screenshot(page, f"tools-park-sheet-print-{lang}")
        page.emulate_media(media=None)
    context.close()


@pytest.fixture
def park_costs(registry):
    from projects.models import ParkCost

    for park, land in ((registry["north"], "150000"), (registry["south"], "120000")):
        for label, label_zh, amount, unit, unit_zh, note in (
            ("Industrial land", "工业用地", land, "yuan per mu", "元/亩", "50-year use right"),
            ("Industrial electricity", "工业用电", "0.66", "yuan per kWh", "元/千瓦时", ""),
            ("Average monthly wage", "月平均工资", "4500", "yuan", "元", "skilled forging worker"),
        ):
            ParkCost.objects.create(
                park=park,
                label_en=label,
                label_zh_hans=label_zh,
                amount=Decimal(amount),
                unit_en=unit,
                unit_zh_hans=unit_zh,
                note_en=note,
            )


CELLS_FIT = """() => [...document.querySelectorAll(".compare-table th, .compare-table td")]
  .filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent)"""


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_comparisons_scroll_with_the_labels_in_view(page, park_costs, lang, viewport_name):
    for name, path in (
        ("projects", "projects/compare/?p=rings&p=balls"),
        ("parks", "projects/compare/parks/?park=north-park&park=south-park"),
    ):
        page.goto(f"/{lang}/{path}")
        assert page.evaluate(CELLS_FIT) == [], "no cell clips its text"
        wrap = page.locator(".compare-scroll")
        label = page.locator(".compare-table tbody th[scope=row]").first
        label_x = label.bounding_box()["x"]
        if viewport_name == "phone":
            # One item beside the labels, the next a swipe away; the labels stay put.
            assert (
                page.evaluate("document.querySelector('.compare-scroll').scrollWidth")
                > (wrap.bounding_box()["width"])
            )
            assert page.locator(".compare-scroll-hint").is_visible()
            wrap.evaluate("(el) => el.scrollTo({ left: el.scrollWidth })")
            page.wait_for_timeout(300)
            assert label.bounding_box()["x"] == pytest.approx(label_x, abs=1)
            last = page.locator(".compare-table thead th").last.bounding_box()
            box = wrap.bounding_box()
            assert (
                box["x"] - 1 <= last["x"]
                and last["x"] + last["width"] <= box["x"] + box["width"] + 1
            )
        else:
            assert not page.locator(".compare-scroll-hint").is_visible()
        assert axe_violations(page) == []
        screenshot(page, f"tools-compare-{name}-{lang}-{viewport_name}")
