"""The industry chain page: every stage in order with figures counted from the records (never
typed), each gap linking its open opportunities, drawn as SVG with an equivalent table."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from portal.chain.models import CapacityUnit
from tests.factories import make_project, make_sector

from .helpers import make_enterprise, make_gap, make_stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain():
    sector = make_sector()
    forging = make_stage(slug="forging", name_en="Forging", name_zh_hans="锻造", order=1)
    cages = make_stage(slug="cages", name_en="Cages", name_zh_hans="保持架", order=2)
    forging.sectors.set([sector])
    make_stage(slug="hidden", name_en="Hidden stage", order=3, is_published=False)
    make_enterprise(stages=[forging], capacity=20_000)
    make_enterprise(stages=[forging], capacity=5_000)
    make_enterprise(stages=[forging, cages], capacity=3_000_000, capacity_unit=CapacityUnit.PIECES)
    make_enterprise(stages=[forging], capacity=99_999, is_published=False)
    make_project(sector=sector)
    make_project(sector=sector)
    make_project(sector=sector, is_published=False)
    opportunity = make_project(
        name_en="Cage plant", slug="cage-plant", kind="opportunity", signing_date=None
    )
    draft_opportunity = make_project(
        name_en="Draft opening", kind="opportunity", signing_date=None, is_published=False
    )
    make_gap(cages, [opportunity, draft_opportunity], title_en="Polyamide cages")
    make_gap(cages, title_en="Withdrawn gap", is_published=False)
    return {"forging": forging, "cages": cages}


def rows(response):
    return [
        (s.slug, s.enterprise_count, s.tonnes, s.pieces, s.project_count, len(s.published_gaps))
        for s in response.context["stages"]
    ]


def test_figures_come_from_the_records(client, chain):
    response = client.get("/en/industry-chain/")
    assert response.status_code == 200
    assert rows(response) == [
        ("forging", 3, 25_000, 3_000_000, 2, 0),
        ("cages", 1, None, 3_000_000, 0, 1),
    ]
    assertContains(response, "25,000 tonnes a year")
    assertNotContains(response, "Hidden stage")
    assertNotContains(response, "Withdrawn gap")


def test_each_gap_links_its_published_opportunities(client, chain):
    response = client.get("/en/industry-chain/")
    assertContains(response, '<a href="/en/projects/cage-plant/">Cage plant</a>', html=True)
    assertNotContains(response, "Draft opening")


def test_every_stage_links_the_directory_filtered_by_it(client, chain):
    response = client.get("/en/industry-chain/")
    assertContains(response, '<a href="/en/enterprises/?stage=forging">Forging</a>', html=True)
    assertContains(response, '<a href="/en/enterprises/?stage=cages">Cages</a>', html=True)
    # The drawing repeats the links for the pointer, hidden from assistive technology: the
    # table is its text.
    assertContains(response, '<svg class="chain-svg"')
    assertContains(response, 'aria-hidden="true"')
    assertContains(response, 'href="/en/enterprises/?stage=cages" tabindex="-1"')


def test_the_chain_in_chinese(client, chain):
    response = client.get("/zh-hans/industry-chain/")
    assertContains(response, "<h1>轴承产业链</h1>", html=True)
    assertContains(response, "2.5万吨/年")
    assertContains(response, "300万件/年")
    assertContains(response, "开放的投资机会：")
    # One paragraph of Chinese sentences: no Latin space after the full stop.
    assertContains(response, "分布在以下环节。所有数字均由企业名录和项目库统计得出。")


@pytest.mark.parametrize("extra", [0, 30])
def test_chain_queries_are_fixed(client, django_assert_num_queries, chain, extra):
    for _ in range(extra):
        make_enterprise(stages=[chain["cages"]])
    # stages with their figures, their sectors, gaps, opportunities, signed projects by
    # sector, the enterprise total
    with django_assert_num_queries(6):
        assert client.get("/en/industry-chain/").status_code == 200
