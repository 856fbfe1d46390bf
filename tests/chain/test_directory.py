"""The enterprise directory and an enterprise's page: published records only, filters with
counts as shareable addresses, bad filters named and left out, both languages, a fixed number
of queries."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from portal.chain.models import CapacityUnit
from tests.factories import make_park, make_project, make_sector

from .helpers import make_certification, make_enterprise, make_stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    forging = make_stage(slug="forging", name_en="Forging", name_zh_hans="锻造")
    grinding = make_stage(slug="grinding", name_en="Grinding", name_zh_hans="磨削")
    iatf = make_certification(code="IATF 16949", slug="iatf-16949")
    park = make_park(slug="qingshui", name_en="Qingshui Park", name_zh_hans="清水园区")
    make_enterprise(name_en="Alpha Forge", slug="alpha", stages=[forging], certifications=[iatf])
    make_enterprise(name_en="Beta Forge", slug="beta", stages=[forging], park=park)
    make_enterprise(
        name_en="Gamma Grinding",
        slug="gamma",
        stages=[grinding, forging],
        main_products_en="Superfinished raceways",
        main_products_zh_hans="超精滚道",
        certifications=[iatf],
        park=park,
    )
    make_enterprise(name_en="Hidden Draft", slug="draft", stages=[forging], is_published=False)
    make_enterprise(
        name_en="Future Works",
        slug="future",
        stages=[forging],
        published_at=timezone.now() + datetime.timedelta(days=3),
    )
    return {"forging": forging, "grinding": grinding, "iatf": iatf, "park": park}


def names(response):
    return [e.name for e in response.context["enterprises"]]


def facet(response, name):
    for _label, facet_name, options in response.context["facets"]:
        if facet_name == name:
            return {o["slug"]: o["count"] for o in options}
    raise AssertionError(name)


def test_lists_published_enterprises_by_name(client, directory):
    response = client.get("/en/enterprises/")
    assert response.status_code == 200
    assert names(response) == ["Alpha Forge", "Beta Forge", "Gamma Grinding"]
    assertContains(response, "3 enterprises")
    assertNotContains(response, "Hidden Draft")
    assertNotContains(response, "Future Works")


def test_counts_beside_each_filter_keep_the_other_filters(client, directory):
    response = client.get("/en/enterprises/?cert=iatf-16949")
    assert names(response) == ["Alpha Forge", "Gamma Grinding"]
    # Each stage counts the certified enterprises it would leave; the certification facet
    # counts as if it were not chosen.
    assert facet(response, "stage") == {"forging": 2, "grinding": 1}
    assert facet(response, "cert") == {"iatf-16949": 2}
    assert facet(response, "park") == {"qingshui": 1}
    assertContains(response, "Forging (2)")


def test_filters_combine_and_search_reads_both_languages(client, directory):
    assert names(client.get("/en/enterprises/?stage=forging&park=qingshui")) == [
        "Beta Forge",
        "Gamma Grinding",
    ]
    assert names(client.get("/en/enterprises/?q=raceways")) == ["Gamma Grinding"]
    assert names(client.get("/en/enterprises/?q=锻造套圈")) == ["Alpha Forge", "Beta Forge"]


def test_a_chosen_filter_links_to_its_removal(client, directory):
    response = client.get("/en/enterprises/?stage=grinding")
    assertContains(response, 'href="/en/enterprises/?" aria-current="true"', html=False)


def test_unknown_filter_values_are_named_and_left_out(client, settings, directory):
    settings.PAGE_CACHE_SECONDS = 60
    response = client.get("/en/enterprises/?stage=nothing&cert=iatf-16949")
    assert response.status_code == 200
    assert names(response) == ["Alpha Forge", "Gamma Grinding"]
    assertContains(response, "There is no chain stage “nothing”; it was left out.")
    assert response["X-Cache"] == "bypass"
    response = client.get("/zh-hans/enterprises/?park=nowhere")
    assertContains(response, "没有名为“nowhere”的园区，已略去这一条件。")


@pytest.mark.parametrize(
    "query", ["?page=999", "?page=-1", "?page=abc", "?q=" + "x" * 500, "?stage=%00", "?cert="]
)
def test_hostile_queries_get_a_page(client, directory, query):
    response = client.get("/en/enterprises/" + query)
    assert response.status_code == 200
    assert response.context["count"] >= 1


def test_the_directory_in_chinese(client, directory):
    response = client.get("/zh-hans/enterprises/?stage=forging")
    assertContains(response, "<h1>企业名录</h1>", html=True)
    assertContains(response, "锻造（3）")
    assertContains(response, "3家企业")
    assertContains(response, "1,000吨/年")


def test_the_chinese_directory_is_in_pinyin_order(client):
    stage = make_stage()
    for slug, english, chinese in [
        ("zhong", "A Heavy Forge", "中型锻造厂"),
        ("chong", "B Chongqing Rings", "重庆套圈厂"),
        ("da", "C Large Rings", "大型套圈厂"),
        ("gong", "D Shared Works", "共享热处理厂"),
    ]:
        make_enterprise(slug=slug, name_en=english, name_zh_hans=chinese, stages=[stage])
    chinese = client.get("/zh-hans/enterprises/")
    # 重 reads chong here: code-point order would put 中 (U+4E2D) first and 重 last.
    assert names(chinese) == ["重庆套圈厂", "大型套圈厂", "共享热处理厂", "中型锻造厂"]
    english = client.get("/en/enterprises/")
    assert names(english) == [
        "A Heavy Forge",
        "B Chongqing Rings",
        "C Large Rings",
        "D Shared Works",
    ]
    # The same order, filtered by a stage, on a page of its own.
    assert names(client.get(f"/zh-hans/enterprises/?stage={stage.slug}"))[0] == "重庆套圈厂"


def test_a_renamed_enterprise_moves_in_the_chinese_order(client):
    first = make_enterprise(slug="first", name_zh_hans="阿胶轴承厂")
    make_enterprise(slug="second", name_zh_hans="保定轴承厂")
    first.name_zh_hans = "张家轴承厂"
    first.save(update_fields=["name_zh_hans"])
    assert names(client.get("/zh-hans/enterprises/")) == ["保定轴承厂", "张家轴承厂"]


def test_only_a_many_to_many_filter_makes_the_list_distinct(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    stage = make_stage()
    make_enterprise(stages=[stage])
    with CaptureQueriesContext(connection) as plain:
        client.get("/en/enterprises/")
    with CaptureQueriesContext(connection) as filtered:
        client.get(f"/en/enterprises/?stage={stage.slug}")

    def page_query(captured):
        (sql,) = [
            q["sql"]
            for q in captured
            if " LIMIT " in q["sql"] and q["sql"].split(" FROM ")[0].count("chain_enterprise") > 3
        ]
        return sql

    assert page_query(plain.captured_queries).startswith('SELECT "chain_enterprise"."id"')
    assert page_query(filtered.captured_queries).startswith('SELECT DISTINCT "chain_enterprise"')


@pytest.mark.parametrize("count", [3, 40])
def test_directory_queries_are_fixed(client, django_assert_num_queries, count):
    stage, cert = make_stage(), make_certification()
    park = make_park()
    for _ in range(count):
        make_enterprise(stages=[stage], certifications=[cert], park=park)
    # stages, certifications and parks with their counts, the count, the page, its stages
    # and its certifications
    with django_assert_num_queries(7):
        assert client.get("/en/enterprises/?stage=" + stage.slug).status_code == 200


def test_an_enterprise_page(client, directory):
    sector = make_sector()
    directory["forging"].sectors.set([sector])
    make_project(name_en="Ring line", sector=sector)
    make_project(name_en="Opportunity", sector=sector, kind="opportunity", signing_date=None)
    response = client.get("/en/enterprises/gamma/")
    assert response.status_code == 200
    assertContains(response, "<h1>Gamma Grinding</h1>", html=True)
    assertContains(response, "1,000 tonnes a year")
    assertContains(response, '<a href="/en/enterprises/?stage=forging">Forging</a>', html=True)
    assertContains(response, "Qingshui Park")
    assertContains(response, "Ring line")
    assertNotContains(response, "Opportunity</a>")


def test_pieces_and_chinese_units(client):
    make_enterprise(
        slug="balls", capacity=120_000_000, capacity_unit=CapacityUnit.PIECES, stages=[make_stage()]
    )
    assertContains(client.get("/zh-hans/enterprises/balls/"), "1.2亿件/年")
    assertContains(client.get("/en/enterprises/balls/"), "120,000,000 pieces a year")


@pytest.mark.parametrize("slug", ["draft", "future", "nothing"])
def test_unpublished_or_unknown_enterprises_are_404(client, directory, slug):
    assert client.get(f"/en/enterprises/{slug}/").status_code == 404


def test_site_search_finds_enterprises_in_both_languages(client, directory):
    response = client.get("/en/search/?q=raceways")
    assertContains(response, 'href="/en/enterprises/gamma/"')
    response = client.get("/zh-hans/search/?q=超精滚道")
    assertContains(response, 'href="/zh-hans/enterprises/gamma/"')
    assertNotContains(client.get("/en/search/?q=Hidden+Draft"), "/en/enterprises/draft/")


def test_project_and_park_pages_link_the_chain(client, directory, django_assert_num_queries):
    sector = make_sector()
    directory["forging"].sectors.set([sector])
    project = make_project(slug="line", sector=sector, park=directory["park"])
    page = client.get("/en/projects/line/")
    assertContains(page, '<a href="/en/enterprises/?stage=forging">Forging</a>', html=True)
    assertContains(page, '<a href="/en/enterprises/alpha/">Alpha Forge</a>', html=True)
    assertNotContains(page, "Hidden Draft")
    park_page = client.get(directory["park"].get_absolute_url())
    assertContains(park_page, "Enterprises in this park")
    assertContains(park_page, '<a href="/en/enterprises/gamma/">Gamma Grinding</a>', html=True)
    assertNotContains(park_page, "Alpha Forge")
    assertContains(park_page, 'href="/en/enterprises/?park=qingshui"')
    assert project.park == directory["park"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the plan of SQLite's planner")
@pytest.mark.parametrize(
    ("language", "index"),
    [("en", "enterprise_name_en_idx"), ("zh-hans", "chain_enterprise_name_pinyin")],
)
def test_a_page_of_the_directory_is_read_in_index_order_not_sorted(language, index):
    from django.http import QueryDict
    from django.utils import translation

    from portal.chain.views import DirectoryFilters

    with translation.override(language):
        page = DirectoryFilters(QueryDict("")).queryset().in_reading_order()[:20]
        sql, params = page.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " / ".join(row[-1] for row in cursor.fetchall())
    assert f"USING INDEX {index}" in plan, plan
    assert "TEMP B-TREE" not in plan, plan
