"""A content editor, in the Chinese admin, sees what changed in a project and undoes it."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User

from tests.browser.conftest import screenshot
from tests.factories import make_project

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a long enough password"


@pytest.fixture
def editor_page(browser, live_server):
    editor = User.objects.create_user("editor.li", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    context = browser.new_context(
        base_url=live_server.url, locale="zh-CN", viewport={"width": 1366, "height": 900}
    )
    context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", "editor.li")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    yield page
    context.close()


def test_an_editor_compares_and_restores_a_project_in_chinese(editor_page):
    page = editor_page
    project = make_project(investment_yuan=Decimal(300_000_000))
    change = f"/admin/projects/project/{project.pk}/change/"
    for amount in ("300000000", "450000000"):
        page.goto(change)
        page.fill("#id_investment_yuan", amount)
        page.click("input[name=_save]")
        page.wait_for_url("**/admin/projects/project/")

    page.goto(f"/admin/projects/project/{project.pk}/history/")
    page.locator("a[href*='/history/compare/?new=']").first.click()
    row = page.locator("tr", has=page.locator("th", has_text="投资额（元）"))
    assert row.locator(".old-value").inner_text() == "300000000.00"
    assert row.locator(".new-value").inner_text() == "450000000.00"
    screenshot(page, "revisions-compare-zh")

    page.locator(".submit-row a.button").first.click()
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/projects/project/")
    project.refresh_from_db()
    assert project.investment_yuan == Decimal(300_000_000)
