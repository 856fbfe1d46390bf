"""The site shell in a real browser: the header on a phone (one row, a menu that opens with and
without JavaScript) and on a desktop, the elderly-friendly mode, and axe in each state."""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.browser.conftest import SCREENSHOTS, axe_violations, screenshot

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migration_data")]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
NAV = {"en": ("Main", "Projects", "Menu"), "zh-hans": ("主导航", "项目", "菜单")}
CARE = {"en": ("Larger text", "Standard text"), "zh-hans": ("关怀版", "退出关怀版")}
# Screenshots are also copied here, to look at after a run.
LOOK_AT = Path("/tmp/shots")


@pytest.fixture
def open_context(browser, live_server):
    contexts = []

    def make(viewport, javascript=True):
        context = browser.new_context(
            viewport=viewport,
            is_mobile=viewport is PHONE,
            has_touch=viewport is PHONE,
            base_url=live_server.url,
            java_script_enabled=javascript,
        )
        context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def keep(page, name):
    screenshot(page, name)
    LOOK_AT.mkdir(exist_ok=True)
    shutil.copy(SCREENSHOTS / f"{name}.png", LOOK_AT / f"{name}.png")


def header_height(page):
    return page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_phone_header_is_one_row_with_a_menu_that_opens(open_context, lang):
    call_command("seed_demo", verbosity=0)
    page = open_context(PHONE)
    page.goto(f"/{lang}/")
    label, link, button = NAV[lang]
    assert header_height(page) <= 64
    menu = page.get_by_text(button, exact=True)
    assert menu.is_visible()
    nav = page.get_by_role("navigation", name=label)
    # The desktop bar's copy is hidden on a phone, the menu's until it opens.
    assert nav.count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_violations(page) == []
    keep(page, f"shell-home-{lang}-phone")
    menu.click()
    assert nav.count() == 1
    assert nav.get_by_role("link", name=link).is_visible()
    assert page.get_by_role("searchbox").is_visible()
    assert page.get_by_role("button", name=CARE[lang][0]).is_visible()
    # The menu lies over the page: the header row keeps its height.
    assert header_height(page) <= 64
    assert axe_violations(page) == []
    page.screenshot(path=str(SCREENSHOTS / f"shell-menu-{lang}-phone.png"))
    nav.get_by_role("link", name=link).click()
    page.wait_for_url(f"**/{lang}/projects/")
    assert header_height(page) <= 64


def test_the_phone_menu_opens_without_javascript(open_context):
    page = open_context(PHONE, javascript=False)
    page.goto("/zh-hans/")
    page.get_by_text("菜单", exact=True).click()
    nav = page.get_by_role("navigation", name="主导航")
    assert nav.get_by_role("link", name="项目").is_visible()


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_desktop_header_shows_the_main_navigation_and_no_menu_button(open_context, lang):
    call_command("seed_demo", verbosity=0)
    page = open_context(DESKTOP)
    page.goto(f"/{lang}/")
    label, link, button = NAV[lang]
    nav = page.get_by_role("navigation", name=label)
    assert nav.count() == 1
    assert nav.get_by_role("link", name=link).is_visible()
    assert not page.get_by_text(button, exact=True).is_visible()
    assert page.get_by_role("button", name=CARE[lang][0]).is_visible()
    # Key facts beside the value proposition, in the first screen.
    facts = page.locator(".key-facts").bounding_box()
    text = page.locator(".hero-text").bounding_box()
    assert facts["x"] > text["x"] + text["width"] - 1 or facts["y"] < DESKTOP["height"]
    assert facts["y"] < DESKTOP["height"]
    assert axe_violations(page) == []
    keep(page, f"shell-home-{lang}-desktop")


@pytest.mark.parametrize(("lang", "viewport"), [("en", PHONE), ("zh-hans", DESKTOP)])
def test_the_elderly_friendly_mode_switches_on_and_off_from_the_header(
    open_context, lang, viewport
):
    call_command("seed_demo", verbosity=0)
    page = open_context(viewport)
    page.goto(f"/{lang}/projects/")
    on, off = CARE[lang]
    if viewport is PHONE:
        page.get_by_text(NAV[lang][2], exact=True).click()
    page.get_by_role("button", name=on).click()
    page.wait_for_url(f"**/{lang}/projects/")
    assert page.evaluate("document.documentElement.classList.contains('care')")
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "20px"
    # The mode lasts across pages.
    page.goto(f"/{lang}/accessibility/")
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "20px"
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_violations(page) == []
    name = "phone" if viewport is PHONE else "desktop"
    keep(page, f"shell-care-accessibility-{lang}-{name}")
    if viewport is PHONE:
        page.get_by_text(NAV[lang][2], exact=True).click()
    page.get_by_role("button", name=off).click()
    page.wait_for_url(f"**/{lang}/accessibility/")
    assert not page.evaluate("document.documentElement.classList.contains('care')")
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "16px"


def test_the_elderly_friendly_mode_works_without_javascript(open_context, live_server):
    call_command("seed_demo", verbosity=0)
    page = open_context(DESKTOP, javascript=False)
    page.goto("/zh-hans/")
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "16px"
    page.get_by_role("button", name="关怀版").click()
    page.wait_for_url("**/zh-hans/")
    # No class (no script ran): the per-visitor stylesheet in <noscript> brings the rules.
    assert not page.evaluate("document.documentElement.classList.contains('care')")
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "20px"
    assert page.get_by_role("button", name="退出关怀版").is_visible()
    keep(page, "shell-care-nojs-home-zh-hans-desktop")
    page.get_by_role("button", name="退出关怀版").click()
    page.wait_for_url("**/zh-hans/")
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "16px"


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page):
    page.goto("/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
