"""The overdue-for-review page and the incentive list with its review-by column fit a 1366 px
office screen in both languages, reached from the admin index."""

import datetime

import pytest
from django.utils import timezone

from projects.models import Incentive
from tests.factories import make_park

from .conftest import screenshot
from .test_admin_lists import LANGUAGES, SIDEWAYS, clerk  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_a_clerk_finds_what_is_overdue_from_the_index(clerk, language):  # noqa: F811
    today = timezone.localdate()
    make_park(
        name_en="Qingshui Bearing Forging Industrial Park (phase two)",
        name_zh_hans="清水镇轴承锻造产业园（二期）",
        review_by=today - datetime.timedelta(days=3),
    )
    Incentive.objects.create(
        title_en="Half of the land price refunded for bearing forging projects",
        title_zh_hans="轴承锻造项目土地出让金返还一半",
        issuer_en="People's Government of Guanxian County",
        issuer_zh_hans="冠县人民政府",
        document_number="冠政发〔2025〕12号",
        valid_from=datetime.date(2025, 1, 1),
        valid_until=datetime.date(2027, 12, 31),
        eligibility_en="Bearing forging projects of 50 million yuan or more.",
        benefit_en="Half of the land price refunded, up to 2 million yuan.",
    )
    page, errors = clerk(language)
    screenshot(page, f"admin-index-review-due-{language}-1366")
    page.click(".review-due-link h2 a")
    page.wait_for_url("**/admin/review-due/")
    assert page.locator("#content-main tbody tr").count() == 2
    screenshot(page, f"admin-review-due-{language}-1366")
    assert page.evaluate("document.documentElement.scrollWidth > innerWidth") is False
    page.locator("#content-main tbody tr a").first.click()
    page.wait_for_url("**/change/")
    page.goto("/admin/projects/incentive/")
    seen = page.evaluate(SIDEWAYS)
    screenshot(page, f"admin-list-incentive-{language}-1366")
    key = ["title", "validity", "review_by_column", "is_published", "languages_complete"]
    assert {name: seen["columns"].get(name) for name in key} == dict.fromkeys(key, True), seen
    assert not seen["listScrolls"]
    assert not seen["pageScrolls"]
    assert errors == []
