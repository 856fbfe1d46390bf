"""A content editor, in the Chinese admin, sees what changed in a project and undoes it."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from reversion.models import Version

from projects.models import ParkCost, Project
from tests.browser.conftest import axe_violations, screenshot
from tests.factories import make_park, make_project, make_sector

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


def test_an_editor_compares_and_restores_a_parks_cost_row_in_chinese(editor_page):
    """The land price typed as 0.62 instead of 150000 is seen in the history and put back."""
    page = editor_page
    park = make_park()
    cost = ParkCost.objects.create(
        park=park,
        label_en="Industrial land",
        label_zh_hans="工业用地",
        amount=150_000,
        unit_en="yuan per mu",
        unit_zh_hans="元/亩",
    )
    change = f"/admin/projects/park/{park.pk}/change/"
    for amount in ("150000", "0.62"):
        page.goto(change)
        page.fill("input[name=costs-0-amount]", amount)
        page.click("input[name=_save]")
        page.wait_for_url("**/admin/projects/park/")
    cost.refresh_from_db()
    assert cost.amount == Decimal("0.62")
    assert Version.objects.get_for_object(park).count() == 2

    page.goto(f"/admin/projects/park/{park.pk}/history/")
    page.locator("a[href*='/history/compare/?new=']").first.click()
    group = page.locator("th[scope=rowgroup]")
    assert group.inner_text() == "成本“工业用地”"
    row = page.locator("tr", has=page.locator("th[scope=row]", has_text="金额"))
    assert row.locator(".old-value").inner_text() == "150000.0000"
    assert row.locator(".new-value").inner_text() == "0.6200"
    screenshot(page, "revisions-compare-cost-zh")

    page.get_by_role("link", name="恢复改动前的版本").click()
    assert page.locator("input[name=costs-0-amount]").input_value() == "150,000"
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/projects/park/")
    cost.refresh_from_db()
    assert cost.amount == Decimal("150000")

    # The restore is a version of its own, so it can be undone in turn.
    versions = list(Version.objects.get_for_object(park).order_by("pk"))
    assert len(versions) == 3
    assert versions[-1].revision.user.username == "editor.li"
    page.goto(f"/admin/projects/park/{park.pk}/history/")
    page.locator("a[href*='/history/compare/?new=']").first.click()
    row = page.locator("tr", has=page.locator("th[scope=row]", has_text="金额"))
    assert row.locator(".old-value").inner_text() == "0.6200"
    assert row.locator(".new-value").inner_text() == "150000.0000"


def _signed_in(browser, live_server, name, group, locale):
    user = User.objects.create_user(name, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    context = browser.new_context(
        base_url=live_server.url, locale=locale, viewport={"width": 1366, "height": 900}
    )
    context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", name)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    return context, page


@pytest.mark.parametrize(
    ("locale", "heading"), [("en-GB", "You may not open this page"), ("zh-CN", "您无权打开此页面")]
)
def test_a_refused_page_is_the_admins_own(browser, live_server, locale, heading):
    context, page = _signed_in(browser, live_server, "editor.li", "Content editors", locale)
    response = page.goto("/admin/enquiries/enquiry/")
    assert response.status == 403
    assert page.locator("h1").inner_text() == heading
    assert page.locator("#header").is_visible()
    assert page.locator("#content-main a[href='/admin/']").is_visible()
    assert axe_violations(page) == []
    screenshot(page, f"admin-403-{locale}")
    context.close()


def test_with_review_an_editor_submits_and_a_reviewer_approves(browser, live_server, settings):
    settings.CONTENT_REVIEW_REQUIRED = True
    project = make_project(name_en="Ring forging line", investment_yuan=Decimal(300_000_000))
    editor_context, editor = _signed_in(
        browser, live_server, "editor.li", "Content editors", "zh-CN"
    )
    editor.goto(f"/admin/projects/project/{project.pk}/change/")
    editor.fill("#id_investment_yuan", "450000000")
    editor.click("input[name=_save]")
    editor.wait_for_url(f"**/admin/projects/project/{project.pk}/change/")
    assert "已提交审核" in editor.locator(".messagelist").inner_text()
    screenshot(editor, "review-submitted-zh")
    project.refresh_from_db()
    assert project.investment_yuan == Decimal(300_000_000)
    editor_context.close()

    reviewer_context, reviewer = _signed_in(
        browser, live_server, "reviewer.zhao", "Reviewers", "en-GB"
    )
    reviewer.goto("/admin/review/pendingchange/")
    reviewer.get_by_role("link", name="Ring forging line").click()
    row = reviewer.locator("tr", has=reviewer.locator("th", has_text="Investment (yuan)"))
    assert row.locator(".old-value").inner_text() == "300,000,000.00"
    assert row.locator(".new-value").inner_text() == "450,000,000.00"
    assert axe_violations(reviewer) == []
    screenshot(reviewer, "review-compare-en")
    reviewer.click("input[name=_approve]")
    reviewer.wait_for_url("**/admin/review/pendingchange/**")
    assert "is now what visitors see" in reviewer.locator(".messagelist").inner_text()
    project.refresh_from_db()
    assert project.investment_yuan == Decimal(450_000_000)
    reviewer_context.close()


def test_an_import_with_a_bad_row_is_refused_row_by_row_in_chinese(browser, live_server, tmp_path):
    from tests.projects.test_import_export import PROJECT_COLUMNS, project_row, workbook

    make_sector(slug="forging")
    path = tmp_path / "projects.xlsx"
    path.write_bytes(
        workbook(
            PROJECT_COLUMNS,
            [project_row(slug="first-line"), project_row(slug="second-line", signing_date=None)],
        )
    )
    context, page = _signed_in(browser, live_server, "editor.li", "Content editors", "zh-CN")
    page.goto("/admin/projects/project/")
    page.locator("a.import_link").click()
    page.set_input_files("#id_import_file", str(path))
    page.select_option("#id_format", label="xlsx")
    page.locator("form input[type=submit].default").click()
    errors = page.locator("ul.import-row-errors > li")
    errors.first.wait_for()  # the preview page comes back with the row's error
    assert errors.count() == 1
    assert errors.inner_text() == "表格第 3 行\nsigning_date 列：签约项目必须填写签约日期。"
    screenshot(page, "import-bad-row-zh")
    assert not Project.objects.exists()
    context.close()
