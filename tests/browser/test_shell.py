import pytest

from tests.browser.conftest import axe_violations, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(("lang", "nav"), [("en", "Projects"), ("zh-hans", "项目")])
def test_shell_renders_and_is_accessible(page, viewport_name, lang, nav):
    page.goto(f"/{lang}/")
    assert page.locator("html").get_attribute("lang") == lang
    menu = page.get_by_role("navigation", name="Main" if lang == "en" else "主导航")
    assert menu.get_by_role("link", name=nav).is_visible()
    assert axe_violations(page) == []
    screenshot(page, f"home-{lang}-{viewport_name}")


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page):
    page.goto("/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
