"""Review-by dates: the incentive list shows and filters them, and one admin page lists
everything overdue for review across the models that carry the date, to those who may
change it, in both languages, for a fixed number of queries."""

import datetime

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils import timezone

from portal.core.models import ReviewDated
from portal.core.review_dates import review_dated_models
from projects.models import ClusterFigure, Incentive, Park
from tests.factories import make_park

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
PAGE = reverse("admin:review_due")


def today():
    return timezone.localdate()


def make_incentive(**fields):
    defaults = {
        "title_en": "Land price refund",
        "title_zh_hans": "土地价格返还",
        "issuer_en": "People's Government of Guanxian County",
        "document_number": "冠政发〔2025〕12号",
        "valid_from": datetime.date(2025, 1, 1),
        "eligibility_en": "Bearing forging projects.",
        "benefit_en": "Half of the land price refunded.",
    }
    return Incentive.objects.create(**{**defaults, **fields})


def make_figure(**fields):
    defaults = {
        "label_en": "Bearing enterprises",
        "label_zh_hans": "轴承企业",
        "value": 528,
        "source_en": "County statistics",
        "as_of": datetime.date(2023, 11, 14),
    }
    return ClusterFigure.objects.create(**{**defaults, **fields})


def one_of_each_state(make, name_field):
    """A stale, an undated, a due-today and a future record; only the first two are overdue."""
    return {
        "stale": make(**{name_field: "Stale one", "review_by": today() - 40 * DAY}),
        "undated": make(**{name_field: "Undated one"}),
        "today": make(**{name_field: "Due today", "review_by": today()}),
        "current": make(**{name_field: "Current one", "review_by": today() + 90 * DAY}),
    }


@pytest.fixture
def admin_client_(client):
    client.force_login(User.objects.create_superuser("admin", "admin@example.com", "pw"))
    return client


def rows(response):
    return [(str(row.record), row.kind, row.review_by) for row in response.context["records"]]


def test_the_models_with_a_review_date_are_found_generically():
    found = set(review_dated_models())
    assert {Park, ClusterFigure, Incentive} <= found
    assert all(issubclass(model, ReviewDated) for model in found)


def test_the_incentive_list_shows_the_review_date_and_filters_what_is_overdue(admin_client_):
    made = one_of_each_state(make_incentive, "title_en")
    url = reverse("admin:projects_incentive_changelist")
    page = admin_client_.get(url)
    body = page.content.decode()
    assert '<th scope="col" class="sortable column-review_by_column' in body
    assert body.count("status-overdue") == 2
    assert "Not set" in body
    assert ">Overdue<br>" in body

    def listed(choice):
        result = admin_client_.get(url, {"review": choice})
        assert result.status_code == 200
        return {obj.pk for obj in result.context["cl"].result_list}

    assert listed("overdue") == {made["stale"].pk, made["undated"].pk}
    assert listed("soon") == {made["today"].pk}
    assert listed("current") == {made["current"].pk}


def test_the_incentive_form_saves_a_review_date(admin_client_):
    incentive = make_incentive()
    url = reverse("admin:projects_incentive_change", args=[incentive.pk])
    form = admin_client_.get(url)
    assert 'name="review_by"' in form.content.decode()


def test_the_overdue_page_lists_exactly_the_overdue_and_undated_records_of_each_model(
    admin_client_,
):
    parks = one_of_each_state(make_park, "name_en")
    figures = one_of_each_state(make_figure, "label_en")
    incentives = one_of_each_state(make_incentive, "title_en")
    page = admin_client_.get(PAGE)
    assert page.status_code == 200
    stale = today() - 40 * DAY
    # Undated first (by kind), then the oldest date.
    assert rows(page) == [
        ("Undated one", "Cluster figure", None),
        ("Undated one", "Incentive", None),
        ("Undated one", "Industrial park", None),
        ("Stale one", "Cluster figure", stale),
        ("Stale one", "Incentive", stale),
        ("Stale one", "Industrial park", stale),
    ]
    body = page.content.decode()
    for made, name in ((parks, "park"), (figures, "clusterfigure"), (incentives, "incentive")):
        for state in ("stale", "undated"):
            change = reverse(f"admin:projects_{name}_change", args=[made[state].pk])
            assert f'<a href="{change}">' in body
        for state in ("today", "current"):
            change = reverse(f"admin:projects_{name}_change", args=[made[state].pk])
            assert change not in body
        changelist = reverse(f"admin:projects_{name}_changelist")
        assert f'href="{changelist}?review=overdue"' in body
    assert body.count("No date set") == 3
    assert "6 records overdue for review" in body
    assert "<h1>Overdue for review</h1>" in body


def test_the_admin_index_links_to_the_page_with_the_count(admin_client_):
    one_of_each_state(make_park, "name_en")
    make_incentive()
    body = admin_client_.get(reverse("admin:index")).content.decode()
    assert f'<a href="{PAGE}">Overdue for review</a>' in body
    assert "3 records have passed their review-by date or have none." in body


def test_nothing_overdue_says_so(admin_client_):
    make_park(review_by=today() + 90 * DAY)
    body = admin_client_.get(PAGE).content.decode()
    assert "Nothing you may change is overdue for review." in body
    assert "overdue for review</caption>" not in body


def test_a_person_sees_only_the_rows_of_models_they_may_change(client):
    one_of_each_state(make_park, "name_en")
    one_of_each_state(make_figure, "label_en")
    one_of_each_state(make_incentive, "title_en")
    clerk = User.objects.create_user("clerk", password="pw", is_staff=True)
    # Viewing parks is not changing them: the park rows stay hidden.
    clerk.user_permissions.add(
        Permission.objects.get(codename="change_incentive"),
        Permission.objects.get(codename="view_park"),
    )
    client.force_login(clerk)
    page = client.get(PAGE)
    assert page.status_code == 200
    assert [kind for _name, kind, _date in rows(page)] == ["Incentive", "Incentive"]
    index = client.get(reverse("admin:index")).content.decode()
    assert "2 records have passed their review-by date or have none." in index


def test_a_person_who_may_change_none_of_them_sees_no_rows_and_no_box(client):
    one_of_each_state(make_park, "name_en")
    officer = User.objects.create_user("officer", password="pw", is_staff=True)
    officer.user_permissions.add(Permission.objects.get(codename="view_park"))
    client.force_login(officer)
    assert rows(client.get(PAGE)) == []
    assert PAGE not in client.get(reverse("admin:index")).content.decode()


def test_the_page_is_for_signed_in_staff_only(client):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("count", [3, 30])
def test_the_page_costs_one_query_per_model_however_many_records(
    client, django_assert_num_queries, count
):
    for n in range(count):
        make_park(name_en=f"Park {n}")
        make_figure(label_en=f"Figure {n}", review_by=today() - DAY)
        make_incentive(title_en=f"Incentive {n}")
    client.force_login(User.objects.create_superuser("admin", "admin@example.com", "pw"))
    assert len(review_dated_models()) == 3
    # The session and the user, one query per model, and the admin's navigation sidebar
    # asking whether the three one-row pages exist yet.
    with django_assert_num_queries(2 + 3 + 3):
        page = client.get(PAGE)
    assert len(page.context["records"]) == 3 * count


def test_the_page_and_the_box_in_chinese(admin_client_):
    make_park(name_en="Qingshui park", name_zh_hans="清水镇产业园")
    make_incentive(review_by=today() - DAY)
    page = admin_client_.get(PAGE, HTTP_ACCEPT_LANGUAGE="zh-hans")
    body = page.content.decode()
    assert "<h1>逾期待复核</h1>" in body
    assert "2条记录逾期待复核" in body
    assert ">清水镇产业园</a>" in body
    assert ">土地价格返还</a>" in body
    assert "未设复核期限" in body
    assert "已逾期" in body
    assert '<th scope="col">记录类型</th>' in body
    assert '<th scope="col">复核期限</th>' in body
    assert "复核期限已过或从未设置的数据、产业园和优惠政策" in body
    index = admin_client_.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "2条记录已过复核期限或未设复核期限。" in index.content.decode()


def test_the_incentive_list_shows_its_validity_in_one_column(admin_client_):
    make_incentive(title_en="Current", valid_from=today() - DAY)
    make_incentive(title_en="Ended", valid_from=today() - 90 * DAY, valid_until=today() - DAY)
    make_incentive(title_en="Coming", valid_from=today() + DAY, valid_until=today() + 9 * DAY)
    url = reverse("admin:projects_incentive_changelist")
    english = admin_client_.get(url, {"o": "3"}).content.decode()
    assert english.count('class="status-badge status-published">Valid today<') == 1
    assert english.count('class="status-badge status-draft">Expired<') == 1
    assert english.count('class="status-badge status-scheduled">Not yet valid<') == 1
    assert "– no end date" in english
    chinese = admin_client_.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "– 无截止日期" in chinese
