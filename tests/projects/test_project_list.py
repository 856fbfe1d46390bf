from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from projects.models import Project
from tests.factories import make_park, make_project, make_sector

from .helpers import make_full_projects

pytestmark = pytest.mark.django_db

URL = "/en/projects/"


def names(response):
    return [p.name for p in response.context["projects"]]


def option(response, facet, value):
    for item in response.context["facets"]:
        if item["name"] == facet:
            return next(o for o in item["options"] if o["value"] == value)
    raise AssertionError(facet)


def test_url_names_and_paths():
    with translation.override("en"):
        assert reverse("projects:project_list") == "/en/projects/"
    with translation.override("zh-hans"):
        assert reverse("projects:project_list") == "/zh-hans/projects/"


def test_the_demo_list_shows_its_twenty_projects_over_two_pages(client, demo):
    # fifteen signed projects and five open opportunities
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["paginator"].count == 20
    assert len(response.context["projects"]) == 12
    assert "20 projects" in response.content.decode()
    assert 'rel="next" href="?page=2"' in response.content.decode()
    second = client.get(URL + "?page=2")
    assert len(second.context["projects"]) == 8


def test_demo_filtered_by_park_gives_the_subset_and_counts(client, demo):
    response = client.get(URL + "?park=guanxian-bearing-industrial-park")
    expected = Project.objects.filter(park__slug="guanxian-bearing-industrial-park").count()
    # seven signed projects and three open opportunities
    assert expected == 10
    assert response.context["paginator"].count == 10
    assert option(response, "park", "qingshui-bearing-forging-park")["count"] == 10
    assert option(response, "park", "guanxian-bearing-industrial-park")["count"] == 10
    assert option(response, "stage", "land")["count"] == 3
    assert "Guanxian Bearing Industrial Park (10)" in response.content.decode()


def test_demo_filtered_by_stage_and_band(client, demo):
    response = client.get(URL + "?stage=production")
    assert sorted(names(response)) == [
        "CNC ring machining",
        "Forging automation retrofit",
        "Precision steel balls",
        "Shared heat-treatment centre",
    ]
    response = client.get(URL + "?band=over-1b")
    assert names(response) == [
        "Large wind-power bearing rings",
        "Precision automotive bearings",
        "Intelligent forging centre",
    ]
    # the open opportunities included
    assert option(response, "band", "under-100m")["count"] == 3
    assert option(response, "band", "100m-500m")["count"] == 5
    assert option(response, "band", "500m-1b")["count"] == 9
    assert option(response, "band", "over-1b")["count"] == 3
    # Counts of other facets follow the chosen band.
    assert option(response, "stage", "construction")["count"] == 1


def test_demo_headline_total(demo):
    headline = Project.objects.headline()
    assert headline["count"] == 15
    assert headline["total"] == Decimal(10_220_000_000)
    from projects.formatting import format_money

    assert format_money(headline["total"], "en") == "CNY 10.22 billion"
    assert format_money(headline["total"], "zh-hans") == "102.2亿元"


def test_filters_combine_and_counts_ignore_their_own_facet(client):
    forging, bearings = make_sector(slug="forging"), make_sector(slug="bearings")
    park = make_park(slug="east")
    make_project(name_en="A", sector=forging, park=park, stage="signed")
    make_project(name_en="B", sector=forging, stage="production")
    make_project(name_en="C", sector=bearings, park=park, stage="signed")
    response = client.get(URL + "?sector=forging&stage=signed")
    assert names(response) == ["A"]
    assert option(response, "sector", "forging")["count"] == 1
    assert option(response, "sector", "bearings")["count"] == 1
    assert option(response, "stage", "production")["count"] == 1
    assert option(response, "sector", "forging")["selected"] is True


def test_search_finds_name_summary_and_investor_in_both_languages(client):
    make_project(name_en="Ring forging", name_zh_hans="套圈锻造")
    make_project(name_en="Balls", summary_en="Balls for bearings", summary_zh_hans="钢球")
    make_project(name_en="Luoyang", investor_en="Luoyang Works", investor_zh_hans="洛阳工厂")
    make_project(name_en="Other")
    assert names(client.get(URL + "?q=forging")) == ["Ring forging"]
    assert names(client.get(URL + "?q=锻造")) == ["Ring forging"]
    assert names(client.get(URL + "?q=钢球")) == ["Balls"]
    assert names(client.get(URL + "?q=洛阳")) == ["Luoyang"]
    assert names(client.get(URL + "?q=works")) == ["Luoyang"]
    assert names(client.get(URL + "?q=ring+forging")) == ["Ring forging"]
    assert names(client.get(URL + "?q=forging+balls")) == []


def test_sorting(client):
    make_project(name_en="Beta", investment_yuan=Decimal(5), signing_date="2023-01-01")
    make_project(name_en="Alpha", investment_yuan=Decimal(1), signing_date="2024-01-01")
    make_project(name_en="Gamma", investment_yuan=Decimal(9), signing_date="2022-01-01")
    assert names(client.get(URL)) == ["Alpha", "Beta", "Gamma"]
    assert names(client.get(URL + "?sort=largest")) == ["Gamma", "Beta", "Alpha"]
    assert names(client.get(URL + "?sort=name")) == ["Alpha", "Beta", "Gamma"]


def test_drafts_are_not_listed_or_counted(client):
    sector = make_sector(slug="s")
    make_project(sector=sector)
    make_project(sector=sector, is_published=False)
    response = client.get(URL)
    assert response.context["paginator"].count == 1
    assert option(response, "sector", "s")["count"] == 1


@pytest.mark.parametrize(
    "query",
    ["?stage=bogus", "?band=huge", "?sector=nope", "?park=%00", "?sort=random", "?kind=x"],
)
def test_malformed_filters_are_ignored_with_a_notice(client, query):
    make_project()
    make_project()
    response = client.get(URL + query)
    assert response.status_code == 200
    assert response.context["paginator"].count == 2
    content = response.content.decode()
    assert "Part of this address was not understood and has been ignored" in content


def test_the_valid_filters_still_apply_beside_a_malformed_one(client):
    make_project(name_en="Kept", stage="production")
    make_project(name_en="Dropped", stage="signed")
    response = client.get(URL + "?stage=production&band=huge")
    assert names(response) == ["Kept"]
    assert response.context["ignored"] == ["Investment"]


def test_unknown_parameters_are_left_to_the_page_cache_and_make_no_notice(client, settings):
    make_project()
    response = client.get(URL + "?band[]=x&stage=bogus")
    assert response.status_code == 200
    assert "has been ignored: Stage." in response.content.decode()
    # With the page cache on, the address without them is where a visitor lands.
    settings.PAGE_CACHE_SECONDS = 600
    redirect = client.get(URL + "?band[]=x&stage=bogus")
    assert redirect.status_code == 301
    assert redirect["Location"] == URL + "?stage=bogus"


def test_a_very_long_search_is_ignored(client):
    make_project()
    response = client.get(URL + "?q=" + "x" * 5000)
    assert response.status_code == 200
    assert response.context["paginator"].count == 1
    assert response.context["ignored"] == ["Search"]
    assert 'name="q" value=""' in response.content.decode()


def test_clean_list_has_no_notice(client):
    make_project()
    assert "not understood" not in client.get(URL).content.decode()


@pytest.mark.parametrize(
    ("page", "landing"),
    [
        ("999", "?sector=forging&page=2"),
        ("3", "?sector=forging&page=2"),
        ("0", "?sector=forging"),
        ("-1", "?sector=forging"),
        ("abc", "?sector=forging"),
        ("1.5", "?sector=forging"),
        ("%00", "?sector=forging"),
    ],
)
def test_a_page_that_does_not_exist_leads_to_the_nearest_one(client, page, landing):
    sector = make_sector(slug="forging")
    for _ in range(13):
        make_project(sector=sector)
    response = client.get(URL + f"?sector=forging&page={page}")
    assert response.status_code == 302
    assert response["Location"] == URL + landing
    assert len(client.get(response["Location"]).context["projects"]) in (12, 1)


def test_past_the_last_page_of_a_short_list_is_its_only_page(client):
    make_project()
    response = client.get(URL + "?page=2")
    assert (response.status_code, response["Location"]) == (302, URL)
    # an empty result has one (empty) page too
    response = client.get(URL + "?stage=production&page=5")
    assert (response.status_code, response["Location"]) == (302, URL + "?stage=production")


def test_a_redirected_page_is_never_kept_by_the_page_cache(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    for _ in range(13):
        make_project()
    assert client.get(URL + "?page=9")["Location"] == URL + "?page=2"
    for _ in range(12):
        make_project()
    assert client.get(URL + "?page=9")["Location"] == URL + "?page=3"


def test_last_page_keyword_works(client):
    make_project()
    assert client.get(URL + "?page=last").status_code == 200


def test_empty_state_helps(client):
    make_project(stage="signed")
    response = client.get(URL + "?stage=production")
    content = response.content.decode()
    assert "No project matches these filters" in content
    assert 'href="/en/projects/">See all projects' in content
    assert 'href="/en/enquire/">Tell the investment office' in content


def test_filter_state_is_kept_in_pagination_links(client):
    sector = make_sector(slug="forging")
    for _ in range(13):
        make_project(sector=sector)
    content = client.get(URL + "?sector=forging&sort=name").content.decode()
    assert 'href="?sector=forging&amp;sort=name&amp;page=2"' in content


def test_the_page_in_chinese(client):
    make_project(name_zh_hans="精密轴承项目")
    content = client.get("/zh-hans/projects/").content.decode()
    assert "精密轴承项目" in content
    assert content.count("<h1") == 1


def test_titles_differ_between_pages(client):
    for _ in range(13):
        make_project()
    first = client.get(URL).content.decode()
    second = client.get(URL + "?page=2").content.decode()
    assert "<title>Projects · " in first
    assert "<title>Projects, page 2 · " in second


@pytest.mark.parametrize("count", [3, 40])
def test_queries_do_not_grow_with_the_registry(client, django_assert_num_queries, count):
    make_full_projects(count, park=make_park())
    with django_assert_num_queries(6):
        response = client.get(URL + "?sort=largest")
    assert response.status_code == 200
    # a filtered list has no overview: neither headline figures nor charts
    with django_assert_num_queries(5):
        client.get(URL + "?q=project&stage=signed")


def test_chinese_list_counts_and_notice(client, demo):
    content = client.get("/zh-hans/projects/?stage=bogus").content.decode()
    assert "20 个项目" in content
    assert "网址中有部分内容无法识别，已忽略：阶段。" in content
    content = client.get("/zh-hans/projects/?stage=bogus&band=x").content.decode()
    assert "已忽略：阶段、投资额。" in content
    assert "清水镇轴承锻造产业园（10）" in content


def test_headline_figures_from_the_registry_with_sources(client, demo):
    content = client.get(URL).content.decode()
    assert '<span class="figure-value">CNY 10.22 billion</span>' in content
    assert '<span class="figure-value">15</span>' in content
    assert '<span class="figure-value">528 companies</span>' in content
    assert '<span class="figure-value">over 25%</span>' in content
    assert '<span class="figure-value">CNY 8 billion</span>' in content
    assert (
        "Source: News Office of People&#x27;s Government of Guanxian County, 14 November 2023"
        in content
    )
    content = client.get("/zh-hans/projects/").content.decode()
    assert '<span class="figure-value">102.2亿元</span>' in content
    assert '<span class="figure-value">80亿元</span>' in content
    assert "来源：冠县人民政府新闻办公室，2023年11月14日" in content
    assert '<span class="figure-value">528家</span>' in content


def test_opportunities_without_a_signing_date_follow_the_signed_projects(client):
    make_project(name_en="Open", kind=Project.Kind.OPPORTUNITY, signing_date=None)
    make_project(name_en="Signed", signing_date="2023-11-14")
    assert names(client.get(URL)) == ["Signed", "Open"]
    assert names(client.get(URL + "?kind=opportunity")) == ["Open"]


def test_sorting_by_name_follows_the_readers_language(client):
    make_project(name_en="Alpha", name_zh_hans="甲")  # U+7532
    make_project(name_en="Beta", name_zh_hans="乙")  # U+4E59, sorts first
    assert names(client.get(URL + "?sort=name")) == ["Alpha", "Beta"]
    response = client.get("/zh-hans/projects/?sort=name")
    assert [p.name_en for p in response.context["projects"]] == ["Beta", "Alpha"]


def test_a_nul_character_in_the_search_is_ignored(client):
    make_project()
    response = client.get(URL + "?q=ring%00")
    assert response.status_code == 200
    assert response.context["ignored"] == ["Search"]


def test_the_list_links_to_the_tools_and_draws_the_charts(client, demo):
    html = client.get(URL).content.decode()
    assert '<a href="/en/projects/map/">See the projects on a map</a>' in html
    assert '<a href="/en/projects/compare/">Compare projects</a>' in html
    assert '<a href="/en/projects/shortlist/">Your shortlist</a>' in html
    assert html.count('<figure class="chart"') == 3
    assert 'href="/en/projects/open-data/projects.csv"' in html
    assert '<script src="/static/js/shortlist.js" defer></script>' in html
    assert 'href="/en/projects/shortlist/' in html
    # a filtered list keeps its accepted filters in the open data links, not the bad ones
    html = client.get(URL + "?stage=signed&band=nonsense&page=1&sort=name").content.decode()
    assert '<figure class="chart"' not in html
    assert 'href="/en/projects/open-data/projects.csv?stage=signed"' in html
    assert 'href="/en/projects/open-data/projects.json?stage=signed"' in html
    assert client.get("/en/projects/open-data/projects.csv?stage=signed").status_code == 200


def test_the_list_in_chinese_has_the_tools(client, demo):
    html = client.get("/zh-hans" + URL[3:]).content.decode()
    assert "在地图上查看项目" in html
    assert "比较项目" in html
    assert "我的候选清单" in html


def test_filters_sit_behind_a_control_that_counts_them_with_a_chip_for_each(client):
    forging = make_sector(slug="forging", name_en="Ring forging")
    make_park(slug="east", name_en="East Park")
    make_project(sector=forging, stage="signed")
    html = client.get(URL).content.decode()
    assert '<summary class="filter-toggle">Filters</summary>' in html
    assert "filter-chips" not in html

    response = client.get(URL + "?q=ring&sector=forging&park=&stage=signed&sort=name&page=1")
    html = response.content.decode()
    assert '<details class="filter-panel" id="filter-panel">' in html
    assert '<summary class="filter-toggle">Filters (3)</summary>' in html
    chips = [(c["label"], c["value"], c["remove_url"]) for c in response.context["active_filters"]]
    assert chips == [
        ("Search", "ring", URL + "?sector=forging&stage=signed&sort=name"),
        ("Sector", "Ring forging", URL + "?q=ring&stage=signed&sort=name"),
        ("Stage", "Signed", URL + "?q=ring&sector=forging&sort=name"),
    ]
    assert (
        '<a class="chip" href="/en/projects/?q=ring&amp;stage=signed&amp;sort=name" '
        'aria-label="Remove the filter Sector: Ring forging">Sector: Ring forging'
        '<span class="chip-x" aria-hidden="true">×</span></a>'
    ) in html
    assert '<a class="clear-filters" href="/en/projects/">Clear all filters</a>' in html


def test_chips_in_chinese_use_full_width_punctuation(client):
    make_sector(slug="forging", name_en="Ring forging", name_zh_hans="套圈锻造")
    make_project(stage="signed")
    html = client.get("/zh-hans/projects/?sector=forging&stage=signed").content.decode()
    assert '<summary class="filter-toggle">筛选（2）</summary>' in html
    assert 'aria-label="移除筛选条件“行业：套圈锻造”">行业：套圈锻造<span' in html
    assert 'aria-label="移除筛选条件“阶段：已签约”">阶段：已签约<span' in html


def test_the_results_come_before_the_figures_and_charts(client, demo):
    html = client.get(URL).content.decode()
    first_card = html.index('class="card project-card"')
    assert html.index('<details class="filter-panel"') < first_card
    assert first_card < html.index('id="headline-figures-title"')
    assert first_card < html.index('<figure class="chart"')
    assert html.index('class="pagination"') < html.index('id="headline-figures-title"')
    # The first card's picture is the one a phone shows first: not lazy.
    first_picture = html[first_card : html.index("</picture>", first_card)]
    assert 'loading="eager"' in first_picture and 'fetchpriority="high"' in first_picture
    assert html.count('loading="eager"') == 1
