"""The project list as an investor sees it: on a phone the results come first, the filters
wait behind a "Filters (n)" control with a chip for each one in use; on a desktop (1366 px)
the filters stand above the results; the card grids leave no card alone on its row; a page
number past the end lands on the last page. Screenshots go to /tmp/shots/ as well."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation
from playwright.sync_api import expect

from projects.models import Park, Project
from tests.browser.conftest import SCREENSHOTS, axe_violations

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migration_data")]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
SHOTS = Path("/tmp/shots")
FILTERS = {"en": "Filters", "zh-hans": "筛选"}


@pytest.fixture
def open_page(browser, live_server):
    contexts = []

    def open_page(size):
        phone = size == PHONE
        context = browser.new_context(
            viewport=size, is_mobile=phone, has_touch=phone, base_url=live_server.url
        )
        context.route(lambda url: not url.startswith(live_server.url), lambda r: r.abort())
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def shoot(page, name):
    for folder in (SHOTS, SCREENSHOTS):
        folder.mkdir(exist_ok=True)
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def top(locator):
    return locator.evaluate("e => e.getBoundingClientRect().top + window.scrollY")


def rows_are_full(page, grid_selector):
    """Whether every row of the grid reaches its right edge (no card left alone on a row)."""
    return page.evaluate(
        """(selector) => {
      const grid = document.querySelector(selector);
      const right = grid.getBoundingClientRect().right;
      const rows = new Map();
      for (const card of grid.children) {
        const box = card.getBoundingClientRect();
        const row = Math.round(box.top);
        rows.set(row, Math.max(rows.get(row) || 0, box.right));
      }
      return [...rows.values()].map((edge) => Math.abs(edge - right) < 2);
    }""",
        grid_selector,
    )


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_on_a_phone_the_first_project_is_within_one_screen(open_page, lang):
    call_command("seed_demo", verbosity=0)
    page = open_page(PHONE)
    page.goto(f"/{lang}/projects/")
    first_card = page.locator("main .project-card").first
    distance = top(first_card) - top(page.locator(".project-list"))
    assert distance < PHONE["height"], f"the first project starts {distance} px down"
    assert top(first_card) < 2 * PHONE["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The filters wait behind their control; the figures and charts follow the results.
    toggle = page.locator("summary.filter-toggle")
    expect(toggle).to_have_text(FILTERS[lang])
    expect(page.locator("#filter-park")).to_be_hidden()
    assert top(page.locator("#headline-figures-title")) > top(page.locator(".pagination"))
    assert rows_are_full(page, ".project-grid") == [True] * 12
    shoot(page, f"project-list-phone-{lang}")

    toggle.click()
    park = Park.objects.get(slug="qingshui-bearing-forging-park")
    page.locator("#filter-park").select_option(park.slug)
    page.locator("#filter-stage").select_option("production")
    page.locator(".project-filters button[type=submit]").click()
    page.wait_for_url(f"**/{lang}/projects/?park={park.slug}&stage=production&sort=newest")
    expected = Project.objects.published().filter(park=park, stage="production").count()
    expect(page.locator("main .project-card")).to_have_count(expected)
    chips = page.locator(".filter-chips .chip")
    expect(chips).to_have_count(2)
    count = "Filters (2)" if lang == "en" else "筛选（2）"
    expect(page.locator("summary.filter-toggle")).to_have_text(count)
    assert (
        top(page.locator("main .project-card").first) - top(page.locator(".project-list"))
        < PHONE["height"]
    )
    assert axe_violations(page) == []
    shoot(page, f"project-list-phone-filtered-{lang}")

    chips.first.click()
    page.wait_for_url(f"**/{lang}/projects/?stage=production&sort=newest")
    expect(page.locator(".filter-chips .chip")).to_have_count(1)


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_on_a_desktop_the_filters_stand_above_full_rows_of_cards(open_page, lang):
    call_command("seed_demo", verbosity=0)
    page = open_page(DESKTOP)
    page.goto(f"/{lang}/projects/")
    expect(page.locator("#filter-park")).to_be_visible()
    assert page.locator("#filter-panel").evaluate("d => d.open") is True
    first_card = page.locator("main .project-card").first
    assert top(first_card) < DESKTOP["height"]
    rows = rows_are_full(page, ".project-grid")
    assert rows == [True] * len(rows) and len(rows) == 4
    assert axe_violations(page) == []
    shoot(page, f"project-list-desktop-{lang}")

    # A last row of one card or two fills the row all the same.
    for query in ("?page=2", "?park=guanxian-bearing-industrial-park", "?band=100m-500m"):
        page.goto(f"/{lang}/projects/{query}")
        rows = rows_are_full(page, ".project-grid")
        assert rows and all(rows), (query, rows)
    shoot(page, f"project-list-desktop-last-row-{lang}")

    page.goto(f"/{lang}/projects/parks/")
    assert rows_are_full(page, ".park-grid") == [True]
    expect(page.locator(".park-card img")).to_have_count(Park.objects.published().count())
    shoot(page, f"park-list-desktop-{lang}")


def test_park_cards_on_a_phone_show_their_picture(open_page):
    call_command("seed_demo", verbosity=0)
    page = open_page(PHONE)
    page.goto("/zh-hans/projects/parks/")
    pictures = page.locator(".park-card img")
    expect(pictures).to_have_count(2)
    for index in range(2):
        picture = pictures.nth(index)
        picture.scroll_into_view_if_needed()
        assert picture.evaluate("i => i.complete && i.naturalWidth > 0")
        assert picture.get_attribute("alt").startswith("绘图：俯瞰产业园")
    shoot(page, "park-list-phone-zh-hans")


def test_a_page_past_the_end_lands_on_the_last_page(open_page):
    call_command("seed_demo", verbosity=0)
    page = open_page(PHONE)
    response = page.goto("/en/projects/?page=99")
    assert response.status == 200
    assert page.url.endswith("/en/projects/?page=2")
    expect(page.locator(".pagination [aria-current=page]")).to_have_text("Page 2 of 2")
    response = page.goto("/en/projects/?page=abc")
    assert response.status == 200 and page.url.endswith("/en/projects/")


@pytest.mark.parametrize("javascript", [False])
def test_without_javascript_the_filters_open_from_their_control(browser, live_server, javascript):
    call_command("seed_demo", verbosity=0)
    context = browser.new_context(
        viewport=PHONE, java_script_enabled=javascript, base_url=live_server.url
    )
    try:
        page = context.new_page()
        page.goto("/en/projects/")
        expect(page.locator("#filter-stage")).to_be_hidden()
        page.locator("summary.filter-toggle").click()
        page.locator("#filter-stage").select_option("trial")
        page.locator(".project-filters button[type=submit]").click()
        page.wait_for_url("**/en/projects/?q=&sector=&park=&stage=trial&kind=&band=&sort=newest")
        expected = Project.objects.published().filter(stage="trial").count()
        expect(page.locator("main .project-card")).to_have_count(expected)
        expect(page.locator(".filter-chips .chip")).to_have_count(1)
    finally:
        context.close()


def _every_grid_is_full(page):
    """{grid's selector index: rows} for every grid of cards on the page with a row not full."""
    grids = page.locator("main .card-grid, main ul.grid-fit")
    found = {}
    for index in range(grids.count()):
        grids.nth(index).evaluate("g => g.setAttribute('data-grid-under-test', '')")
        rows = rows_are_full(page, "[data-grid-under-test]")
        grids.nth(index).evaluate("g => g.removeAttribute('data-grid-under-test')")
        if not all(rows):
            found[index] = rows
    return grids.count(), found


@pytest.mark.parametrize("width", [1366, 800])
def test_no_grid_of_cards_leaves_a_card_alone_on_its_row(open_page, width):
    """The home page, both parks, a project's related projects, Why Guanxian and the news."""
    call_command("seed_demo", verbosity=0)
    page = open_page({"width": width, "height": 900})
    project = Project.objects.published().signed().order_by("slug").first()
    with translation.override("en"):
        paths = ["/en/", project.get_absolute_url(), "/en/invest/", "/en/news/"]
    with translation.override("zh-hans"):
        paths += ["/zh-hans/", *(park.get_absolute_url() for park in Park.objects.published())]
    for path in paths:
        page.goto(path)
        count, not_full = _every_grid_is_full(page)
        assert count >= 1, path
        assert not_full == {}, (path, not_full)
    shoot(page, f"park-detail-grid-{width}")
