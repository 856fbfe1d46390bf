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


def test_project_sheet_prints_on_one_a4_page(page, registry, viewport_name):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from projects.models import Project, ProjectImage

    buffer = BytesIO()
    Image.new("RGB", (1600, 1000), "#557799").save(buffer, format="JPEG")
    ProjectImage.objects.create(
        project=Project.objects.get(slug="rings"),
        image=SimpleUploadedFile("line.jpg", buffer.getvalue(), content_type="image/jpeg"),
        alt_text_en="The forging line",
    )
    page.goto("/en/projects/rings/sheet/")
    assert page.get_by_role("img", name="The forging line").is_visible()
    assert page.evaluate("document.querySelector('.sheet-photo img').naturalWidth") == 1600
    pdf = page.pdf(prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1, "one sheet of paper"
