"""axe-core finds no violation on the admin pages a county clerk uses: the project and park
lists, their change forms (the park's with its cost table), a history and the compare view of
two versions, in both languages on a 1366x768 office screen."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from projects.models import ParkCost
from tests.browser.conftest import axe_violations
from tests.factories import make_park, make_project

pytestmark = pytest.mark.django_db(transaction=True)

OFFICE_SCREEN = {"width": 1366, "height": 768}
LANGUAGES = {"en": "en-GB", "zh-hans": "zh-CN"}
PASSWORD = "a long enough password"
SHOTS = Path("/tmp/shots")
# The names a screen reader reads for inputs that show no label of their own.
NAMES = {
    "en": {"date": "Date", "time": "Time", "amount": "Amount", "original": "Saved row"},
    "zh-hans": {"date": "日期", "time": "时间", "amount": "金额", "original": "已保存的行"},
}


@pytest.fixture
def clerk(browser, live_server):
    User.objects.create_superuser("clerk", "clerk@example.cn", PASSWORD)
    contexts = []

    def open_as(language):
        context = browser.new_context(
            base_url=live_server.url, viewport=OFFICE_SCREEN, locale=LANGUAGES[language]
        )
        context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
        contexts.append(context)
        page = context.new_page()
        page.goto("/admin/login/")
        page.fill("#id_username", "clerk")
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url("**/admin/")
        return page

    yield open_as
    for context in contexts:
        context.close()


def _registry():
    park = make_park(
        name_en="Qingshui Bearing Forging Industrial Park", name_zh_hans="清水镇轴承锻造产业园"
    )
    ParkCost.objects.create(
        park=park,
        label_en="Industrial electricity",
        label_zh_hans="工业用电",
        amount=Decimal("0.6523"),
        unit_en="yuan per kWh",
        unit_zh_hans="元/千瓦时",
    )
    project = make_project(
        name_en="Precision ring forging line", name_zh_hans="精密套圈锻造生产线", park=park
    )
    make_project(name_en="Heat treatment centre", summary_zh_hans="", is_published=False)
    return park, project


def _violations(page, name, language):
    page.wait_for_load_state("load")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"admin-axe-{name}-{language}.png"), full_page=True)
    return axe_violations(page)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_clerks_admin_pages_have_no_axe_violations(clerk, language):
    park, project = _registry()
    page = clerk(language)
    assert page.locator("html").get_attribute("lang") == language

    # Two saves of the park through its form keep two versions to compare.
    for amount in ("0.6600", "0.6523"):
        page.goto(f"/admin/projects/park/{park.pk}/change/")
        page.fill("input[name=costs-0-amount]", amount)
        page.click("input[name=_save]")
        page.wait_for_url("**/admin/projects/park/")

    pages = [
        ("project-list", "/admin/projects/project/"),
        ("park-list", "/admin/projects/park/"),
        ("project-form", f"/admin/projects/project/{project.pk}/change/"),
        ("park-form", f"/admin/projects/park/{park.pk}/change/"),
        ("park-history", f"/admin/projects/park/{park.pk}/history/"),
    ]
    found = {}
    for name, url in pages:
        response = page.goto(url)
        assert response.status == 200, name
        found[name] = _violations(page, name, language)
        if name == "project-form":
            date, time = NAMES[language]["date"], NAMES[language]["time"]
            assert page.locator("#id_published_at_0").get_attribute("aria-label") == date
            assert page.locator("#id_published_at_1").get_attribute("aria-label") == time
        if name == "park-form":
            label = page.locator("label[for=id_costs-0-amount]")
            assert label.text_content() == NAMES[language]["amount"]
            assert (
                page.locator("#costs-group th.original").text_content().strip()
                == NAMES[language]["original"]
            )
            # A row added in the browser is labelled like the saved ones.
            page.locator("#costs-group .add-row a").click()
            added = page.locator("label[for=id_costs-1-amount]")
            assert added.text_content() == NAMES[language]["amount"]
            assert page.locator("#id_costs-1-amount").is_visible()

    page.locator(".submit-row input[type=submit]").click()
    page.wait_for_url("**/history/compare/**")
    assert page.locator(".revision-compare .old-value").count() >= 1
    found["park-compare"] = _violations(page, "park-compare", language)

    # Every page is checked before the assertion, so a failure lists all that axe found.
    report = "\n".join(f"{name}: {v}" for name, vs in found.items() for v in vs)
    assert found == {name: [] for name in found}, report


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_admin_index_with_the_review_queue_has_no_axe_violations(clerk, language, settings):
    settings.CONTENT_REVIEW_REQUIRED = True
    page = clerk(language)
    heading = page.locator(".review-queue-link h2 a")
    assert heading.text_content() == {"en": "Waiting for review", "zh-hans": "待审核"}[language]
    assert _violations(page, "index-review-queue", language) == []
