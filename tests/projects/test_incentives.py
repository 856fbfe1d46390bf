"""Incentives: valid by the county's calendar, listed on their parks' pages and in the park
comparison, never left on a cached page after they expire; edited by content editors."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains
from reversion.models import Version

from portal.core.content_version import current
from portal.core.models import ContentVersion
from projects.models import Incentive, WorkforceFigure
from tests.factories import make_park, make_sector
from tests.projects.helpers import make_full_projects

pytestmark = pytest.mark.django_db

BEIJING = zoneinfo.ZoneInfo("Asia/Shanghai")


def at_county_time(*args):
    return datetime.datetime(*args, tzinfo=BEIJING)


def make_incentive(parks=(), **fields):
    defaults = {
        "title_en": "Land price refund",
        "title_zh_hans": "土地出让金返还",
        "issuer_en": "People's Government of Guanxian County",
        "issuer_zh_hans": "冠县人民政府",
        "document_number": "冠政发〔2025〕12号",
        "valid_from": datetime.date(2025, 1, 1),
        "valid_until": datetime.date(2027, 12, 31),
        "eligibility_en": "Bearing forging projects of 100 million yuan or more.",
        "eligibility_zh_hans": "固定资产投资1亿元以上的轴承锻造项目。",
        "benefit_en": "50% of the land price refunded",
        "benefit_zh_hans": "返还土地出让金的50%",
        "source_url": "https://www.guanxian.gov.cn/doc/12",
    }
    incentive = Incentive.objects.create(**{**defaults, **fields})
    incentive.parks.set(parks)
    return incentive


# --- Validity by the county's calendar --------------------------------------------------------


def test_current_follows_the_county_calendar_not_utc():
    last_day = make_incentive(title_en="Ends", valid_until=datetime.date(2026, 12, 31))
    first_day = make_incentive(title_en="Starts", valid_from=datetime.date(2027, 1, 1))
    open_ended = make_incentive(title_en="Open", valid_until=None)
    # 23:59 on 31 December in Guanxian is 15:59 UTC: the last day still.
    with time_machine.travel(at_county_time(2026, 12, 31, 23, 59), tick=False):
        assert set(Incentive.objects.current()) == {last_day, open_ended}
    # Midnight in Guanxian is 16:00 UTC on 31 December, whatever zone is active.
    with (
        time_machine.travel(at_county_time(2027, 1, 1, 0, 0), tick=False),
        timezone.override("UTC"),
    ):
        assert set(Incentive.objects.current()) == {first_day, open_ended}


def test_withdrawn_incentives_are_never_current():
    make_incentive(is_published=False)
    assert not Incentive.objects.current().exists()


def test_an_incentive_cannot_end_before_it_starts():
    incentive = Incentive(
        title_en="Backwards",
        issuer_en="County",
        document_number="冠政字〔2025〕1号",
        valid_from=datetime.date(2025, 5, 1),
        valid_until=datetime.date(2025, 4, 30),
        eligibility_en="Anyone",
        benefit_en="Nothing",
    )
    with pytest.raises(ValidationError) as error:
        incentive.full_clean()
    assert error.value.message_dict["valid_until"] == ["An incentive cannot end before it starts."]
    with pytest.raises(IntegrityError), transaction.atomic():
        incentive.save()


def test_a_wage_range_cannot_run_backwards():
    figure = WorkforceFigure(
        role_en="Forging press operator",
        wage_from_yuan=6000,
        wage_to_yuan=5000,
        availability_en="Hired within two weeks",
        source_en="County human resources bureau",
        as_of=datetime.date(2026, 6, 30),
    )
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert error.value.message_dict["wage_to_yuan"] == ["The high end cannot be below the low end."]
    with pytest.raises(IntegrityError), transaction.atomic():
        figure.save()


# --- The park page ------------------------------------------------------------------------


def test_a_park_lists_its_own_current_incentives_with_issuer_number_and_validity(client):
    park, other = make_park(slug="north"), make_park(slug="south")
    make_incentive(parks=[park])
    make_incentive(parks=[other], title_en="Elsewhere", title_zh_hans="别处")
    make_incentive(
        parks=[park],
        title_en="Expired",
        valid_from=datetime.date(2023, 1, 1),
        valid_until=datetime.date(2024, 12, 31),
    )
    make_incentive(parks=[park], title_en="Draft", is_published=False)

    english = client.get("/en/projects/parks/north/")
    assertContains(english, '<h3 class="card-title">Land price refund</h3>', html=True)
    assertContains(
        english,
        "<dt>Issued by</dt><dd>People's Government of Guanxian County</dd>"
        '<dt>Document number</dt><dd><span lang="zh-hans">冠政发〔2025〕12号</span></dd>'
        '<dt>Valid</dt><dd>From <time datetime="2025-01-01">1 January 2025</time> to '
        '<time datetime="2027-12-31">31 December 2027</time></dd>'
        "<dt>Who is eligible</dt><dd>Bearing forging projects of 100 million yuan or more.</dd>"
        "<dt>Sectors</dt><dd>Every sector</dd>",
        html=True,
    )
    assertContains(english, "<strong>50% of the land price refunded</strong>", html=True)
    assertContains(english, 'href="https://www.guanxian.gov.cn/doc/12"')
    for absent in ("Elsewhere", "Expired", "Draft"):
        assertNotContains(english, absent)

    chinese = client.get("/zh-hans/projects/parks/north/").content.decode()
    assert '<h3 class="card-title">土地出让金返还</h3>' in chinese
    assert "<dt>发布机关</dt><dd>冠县人民政府</dd>" in chinese
    assert (
        '<dt>有效期</dt><dd><time datetime="2025-01-01">2025年1月1日</time>至'
        '<time datetime="2027-12-31">2027年12月31日</time></dd>'
    ) in chinese
    assert "<dt>适用行业</dt><dd>所有行业</dd>" in chinese


def test_an_incentive_without_an_end_says_so_and_names_its_sectors(client):
    park = make_park(slug="north")
    rings = make_sector(name_en="Bearing rings", name_zh_hans="轴承套圈")
    incentive = make_incentive(parks=[park], valid_until=None)
    incentive.sectors.set([rings])
    english = client.get("/en/projects/parks/north/")
    assertContains(
        english,
        '<dd>From <time datetime="2025-01-01">1 January 2025</time>, with no end date set</dd>',
        html=True,
    )
    assertContains(english, "<dt>Sectors</dt><dd>Bearing rings</dd>", html=True)
    chinese = client.get("/zh-hans/projects/parks/north/").content.decode()
    assert '<dd><time datetime="2025-01-01">2025年1月1日</time>起，未设截止日期</dd>' in chinese


@pytest.mark.parametrize("count", [2, 12])
def test_the_park_page_pays_two_queries_for_its_incentives_however_many(
    client, django_assert_num_queries, count
):
    park = make_park()
    make_full_projects(3, park=park)
    for n in range(count):
        make_incentive(parks=[park], document_number=f"冠政发〔2025〕{n}号").sectors.set(
            [make_sector()]
        )
    # park (with its count of published projects), sectors, costs, images, documents,
    # incentives, their sectors, the newest projects, their images, its enterprises
    with django_assert_num_queries(10):
        response = client.get(park.get_absolute_url())
    assert len(response.context["park"].current_incentives) == count


# --- The page cache -----------------------------------------------------------------------


def test_an_expired_incentive_leaves_the_cached_park_page_at_midnight(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    park = make_park(slug="north")
    with time_machine.travel(at_county_time(2026, 12, 31, 23, 55), tick=False):
        make_incentive(parks=[park], valid_until=datetime.date(2026, 12, 31))
        client.get("/en/projects/parks/north/")
        hit = client.get("/en/projects/parks/north/")
        assert hit["X-Cache"] == "hit"
        assertContains(hit, "Land price refund")
    # Five minutes later, well inside the cache's ten minutes, the day has ended.
    with time_machine.travel(at_county_time(2027, 1, 1, 0, 0, 1), tick=False):
        response = client.get("/en/projects/parks/north/")
        assert response["X-Cache"] == "miss"
        assertNotContains(response, "Land price refund")


def test_an_incentive_appears_on_its_first_day_on_a_cached_page(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    with time_machine.travel(at_county_time(2026, 6, 30, 23, 58), tick=False):
        park = make_park(slug="north")
        make_incentive(parks=[park], valid_from=datetime.date(2026, 7, 1))
        client.get("/en/projects/parks/north/")
        assertNotContains(client.get("/en/projects/parks/north/"), "Land price refund")
    with time_machine.travel(at_county_time(2026, 7, 1, 0, 0, 1), tick=False):
        assertContains(client.get("/en/projects/parks/north/"), "Land price refund")


def test_the_content_version_knows_the_next_start_or_end_of_an_incentive():
    with time_machine.travel(at_county_time(2026, 3, 10, 9, 0), tick=False):
        make_incentive(valid_until=datetime.date(2026, 3, 20))
        assert ContentVersion.objects.get().next_publication == at_county_time(2026, 3, 21)
        make_incentive(valid_from=datetime.date(2026, 3, 15), valid_until=None)
        assert ContentVersion.objects.get().next_publication == at_county_time(2026, 3, 15)
        # A renewal from scratch (after a bulk change) finds the same moment.
        ContentVersion.objects.all().delete()
        token, seconds = current()
        assert seconds == 5 * 24 * 3600 - 9 * 3600
    assert Incentive.next_scheduled_change(at_county_time(2026, 3, 15, 0, 0)) == at_county_time(
        2026, 3, 21
    )
    assert Incentive.next_scheduled_change(at_county_time(2026, 3, 21, 0, 0)) is None


# --- The park comparison ------------------------------------------------------------------


def test_the_park_comparison_has_a_row_of_current_incentives(client):
    north, south = make_park(slug="north"), make_park(slug="south")
    make_incentive(parks=[north, south])
    make_incentive(parks=[north], title_en="Power subsidy", document_number="冠发改〔2026〕3号")
    make_incentive(
        parks=[south],
        title_en="Expired",
        valid_from=datetime.date(2023, 1, 1),
        valid_until=datetime.date(2024, 1, 1),
    )
    response = client.get("/en/projects/compare/parks/?park=north&park=south")
    rows = [r for group in response.context["groups"] for r in group["rows"]]
    row = next(r for r in rows if r["label"] == "Incentives valid today")
    assert row["values"] == [
        "Land price refund (冠政发〔2025〕12号), Power subsidy (冠发改〔2026〕3号)",
        "Land price refund (冠政发〔2025〕12号)",
    ]
    assert row["differs"]
    chinese = client.get("/zh-hans/projects/compare/parks/?park=north&park=south")
    rows = [r for group in chinese.context["groups"] for r in group["rows"]]
    row = next(r for r in rows if r["label"] == "当前有效的优惠政策")
    assert row["values"][1] == "土地出让金返还（冠政发〔2025〕12号）"


# --- The admin, as a content editor uses it -------------------------------------------------


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_user(
        "clerk", password="a long enough password", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Content editors"))
    client.force_login(user)
    return user


def test_a_content_editor_adds_and_changes_an_incentive_with_versions(client, editor):
    park = make_park()
    data = {
        "title_en": "Equipment subsidy",
        "title_zh_hans": "设备补贴",
        "issuer_en": "Guanxian Bureau of Industry and Information Technology",
        "issuer_zh_hans": "冠县工业和信息化局",
        "document_number": "冠工信发〔2026〕5号",
        "source_url": "www.guanxian.gov.cn/doc/5",
        "valid_from": "2026-01-01",
        "valid_until": "2028-12-31",
        "eligibility_en": "Forges buying new presses.",
        "eligibility_zh_hans": "购置新压力机的锻造企业。",
        "benefit_en": "10% of the equipment price",
        "benefit_zh_hans": "设备价款的10%",
        "parks": [park.pk],
        "is_published": "on",
        "order": "0",
    }
    response = client.post("/admin/projects/incentive/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    incentive = Incentive.objects.get()
    assert incentive.source_url == "https://www.guanxian.gov.cn/doc/5"
    assert list(incentive.parks.all()) == [park]
    response = client.post(
        f"/admin/projects/incentive/{incentive.pk}/change/",
        {**data, "benefit_en": "15% of the equipment price"},
    )
    assert response.status_code == 302
    incentive.refresh_from_db()
    assert incentive.benefit_en == "15% of the equipment price"
    assert Version.objects.get_for_object(incentive).count() == 2

    listing = client.get("/admin/projects/incentive/?validity=current")
    assertContains(listing, "Equipment subsidy")
    # The document number is on the form and found by the search, not a column of the list.
    found = client.get("/admin/projects/incentive/", {"q": "冠工信发〔2026〕5号"})
    assert [i.pk for i in found.context["cl"].result_list] == [incentive.pk]
    assert client.get("/admin/projects/incentive/?validity=expired").context["cl"].result_count == 0


def test_the_admin_names_the_field_of_a_backwards_validity(client, editor):
    response = client.post(
        "/admin/projects/incentive/add/",
        {
            "title_en": "Backwards",
            "issuer_en": "County",
            "document_number": "冠政字〔2025〕1号",
            "valid_from": "2025-05-01",
            "valid_until": "2025-04-30",
            "eligibility_en": "Anyone",
            "benefit_en": "Nothing",
            "order": "0",
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["valid_until"] == [
        "An incentive cannot end before it starts."
    ]
    assert not Incentive.objects.exists()


def test_a_content_editor_adds_a_workforce_figure(client, editor):
    response = client.post(
        "/admin/projects/workforcefigure/add/",
        {
            "role_en": "Forging press operator",
            "role_zh_hans": "锻压操作工",
            "wage_from_yuan": "5200",
            "wage_to_yuan": "6800",
            "workers": "6000",
            "availability_en": "Hired within two weeks",
            "availability_zh_hans": "两周内可招到",
            "source_en": "County human resources bureau",
            "source_zh_hans": "冠县人力资源和社会保障局",
            "as_of": "2026-06-30",
            "is_published": "on",
            "order": "0",
        },
    )
    assert response.status_code == 302
    figure = WorkforceFigure.objects.get()
    assert (figure.wage_from_yuan, figure.wage_to_yuan, figure.workers) == (5200, 6800, 6000)
    assert Version.objects.get_for_object(figure).count() == 1
