"""The news pages in a real browser: accessible, no CSP violation, both viewports."""

import io

import pytest
from django.core.management import call_command

from tests.browser.conftest import axe_violations, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_news_list_and_article_are_accessible(page, viewport_name, lang):
    call_command("seed_demo", stdout=io.StringIO())
    violations = []
    page.on("console", lambda m: violations.append(m.text) if m.type == "error" else None)
    page.goto(f"/{lang}/news/")
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
    screenshot(page, f"news-list-{lang}-{viewport_name}")
    page.locator(".news-card h2 a").last.click()
    page.wait_for_load_state()
    assert page.locator("h1").count() == 1
    assert page.locator(".news-cover img").get_attribute("fetchpriority") == "high"
    assert axe_violations(page) == []
    screenshot(page, f"news-article-{lang}-{viewport_name}")
    assert violations == []
