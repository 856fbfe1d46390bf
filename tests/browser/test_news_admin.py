"""The prose editor loads and works in the admin under our strict CSP, in a real Chromium."""

import pytest
from django.contrib.auth.models import User

from portal.news.models import Article
from tests.factories import make_category

pytestmark = pytest.mark.django_db(transaction=True)

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""


@pytest.fixture
def admin_page(browser, live_server):
    User.objects.create_superuser("chief", "chief@example.cn", "a long enough password")
    context = browser.new_context(base_url=live_server.url)
    context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
    page = context.new_page()
    page.add_init_script(COLLECT_VIOLATIONS)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto("/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "a long enough password")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    yield page, errors
    context.close()


def test_prose_editor_loads_without_csp_violations_and_saves_clean_html(admin_page):
    page, errors = admin_page
    category = make_category(name_en="Policy")
    page.goto("/admin/news/article/add/")
    editors = page.locator(".prose-editor [contenteditable=true]")
    editors.first.wait_for()
    assert editors.count() == 2  # English and Chinese side by side
    assert page.locator(".prose-menubar").first.is_visible()

    page.fill("#id_title_en", "Typed in the editor")
    page.fill("#id_summary_en", "A summary.")
    page.select_option("#id_category", str(category.pk))
    page.select_option("#id_status", "published")
    editors.first.click()
    page.keyboard.type("Fifteen key projects")
    page.keyboard.press("Control+a")
    page.keyboard.press("Control+b")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/news/article/")

    article = Article.objects.get(slug="typed-in-the-editor")
    assert article.body_en == "<p><strong>Fifteen key projects</strong></p>"
    assert page.evaluate("window.__cspViolations") == []
    assert errors == []
