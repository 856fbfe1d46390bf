import datetime
import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from projects.charts import (
    investment_by_sector,
    projects_by_stage,
    registry_charts,
    signed_value_by_park,
)
from projects.models import Park, Project
from projects.overview import RegistryOverview
from tests.factories import make_park, make_project, make_sector

pytestmark = pytest.mark.django_db

YI = Decimal(100_000_000)


@pytest.fixture
def registry():
    forging = make_sector(name_en="Forging", name_zh_hans="锻造")
    rings = make_sector(name_en="Rings", name_zh_hans="")
    north = make_park(name_en="North Park", name_zh_hans="北园")
    hidden = make_park(name_en="Unannounced Park", is_published=False)
    make_project(sector=forging, park=north, investment_yuan=6 * YI, stage="construction")
    make_project(sector=forging, park=None, investment_yuan=2 * YI, stage="construction")
    make_project(sector=rings, park=hidden, investment_yuan=Decimal("2.22") * YI)
    # Not counted: a draft, a scheduled one and an opportunity.
    make_project(sector=rings, park=north, investment_yuan=50 * YI, is_published=False)
    make_project(
        sector=rings, investment_yuan=50 * YI, published_at=timezone.now() + datetime.timedelta(1)
    )
    make_project(
        sector=rings, investment_yuan=50 * YI, kind=Project.Kind.OPPORTUNITY, signing_date=None
    )


def _bars(chart):
    return [(bar.label, bar.display) for bar in chart.bars]


def test_investment_by_sector_sums_published_signed_projects(registry):
    with translation.override("en"):
        assert _bars(investment_by_sector(RegistryOverview())) == [
            ("Forging", "CNY 800 million"),
            ("Rings", "CNY 222 million"),
        ]
    with translation.override("zh-hans"):
        chart = investment_by_sector(RegistryOverview())
        # A sector without a Chinese name falls back to its English one.
        assert _bars(chart) == [("锻造", "8亿元"), ("Rings", "2.22亿元")]
        assert chart.title == "各行业投资额"


def test_projects_by_stage_lists_every_stage_in_order(registry):
    with translation.override("en"):
        assert _bars(projects_by_stage(RegistryOverview())) == [
            ("Signed", "1 project"),
            ("Land secured", "0 projects"),
            ("Under construction", "2 projects"),
            ("Trial production", "0 projects"),
            ("In production", "0 projects"),
        ]


def test_signed_value_by_park_never_names_an_unpublished_park(registry):
    with translation.override("zh-hans"):
        assert _bars(signed_value_by_park(RegistryOverview(), Park.objects.published())) == [
            ("北园", "6亿元"),
            ("其他地点", "4.22亿元"),
        ]


def test_bars_are_scaled_to_the_largest(registry):
    with translation.override("en"):
        chart = investment_by_sector(RegistryOverview())
    assert [bar.width for bar in chart.bars] == [280, 77.7]
    assert chart.height == 8 + 2 * 52


@pytest.mark.parametrize("n", [3, 30])
def test_the_charts_take_two_queries_whatever_the_registry_holds(django_assert_num_queries, n):
    sector, park = make_sector(), make_park()
    for _ in range(n):
        make_project(sector=sector, park=park)
        make_project()
    with django_assert_num_queries(2):
        registry_charts()


def test_a_chart_is_an_accessible_svg_with_a_data_table(registry):
    with translation.override("zh-hans"):
        html = render_to_string(
            "projects/includes/chart_bar.html", {"chart": investment_by_sector(RegistryOverview())}
        )
    assert 'viewBox="0 0 420 112"' in html
    assert 'role="img" aria-labelledby="chart-sector-title chart-sector-desc"' in html
    assert '<title id="chart-sector-title">各行业投资额</title>' in html
    assert '<desc id="chart-sector-desc">锻造: 8亿元; Rings: 2.22亿元</desc>' in html
    assert '<rect class="chart-bar" x="0" y="28" width="280" height="18"' in html
    assert "<summary>以表格显示数据</summary>" in html
    assert '<tr><th scope="row">锻造</th><td>8亿元</td></tr>' in html
    assert "style=" not in html


def test_an_empty_registry_says_so_instead_of_drawing(client):
    with translation.override("en"):
        html = render_to_string(
            "projects/includes/chart_bar.html", {"chart": investment_by_sector(RegistryOverview())}
        )
    assert "No published signed projects yet." in html
    assert "<svg" not in html


def test_the_home_page_shows_the_three_charts(client, registry):
    html = client.get("/en/").content.decode()
    assert re.findall(r'<title id="chart-(\w+)-title">', html) == ["sector", "stage", "park"]
    assert "style=" not in html
