"""Open investment opportunities: what they seek, how far they are prepared, their plot, shown
on their page and reachable from the project list; at least four in the demo."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from pytest_django.asserts import assertContains, assertNotContains

from projects.models import Project
from tests.factories import make_park, make_project, make_sector

pytestmark = pytest.mark.django_db

URL = "/en/projects/"


def make_opportunity(**fields):
    defaults = {
        "name_en": "Steel ball plant",
        "name_zh_hans": "钢球项目",
        "slug": "steel-balls",
        "kind": Project.Kind.OPPORTUNITY,
        "stage": "",
        "signing_date": None,
        "investment_yuan": Decimal(350_000_000),
        "investor_en": "Investment Promotion Service Centre",
        "investor_zh_hans": "投资促进服务中心",
        "sought": Project.Sought.CHAIN_GAP,
        "preparation": Project.Preparation.FEASIBILITY,
        "scale_en": "3 billion balls a year",
        "scale_zh_hans": "年产钢球30亿粒",
        "sought_detail_en": "A maker of grade G10 balls.",
        "sought_detail_zh_hans": "G10级钢球生产企业。",
        "utilities_en": "10 kV power at the boundary.",
        "utilities_zh_hans": "地块红线处已通10千伏电力。",
        "land_area_ha": Decimal("6.67"),
    }
    return make_project(**{**defaults, **fields})


def test_an_opportunity_page_says_what_it_seeks_how_far_it_is_and_its_plot(client):
    make_opportunity(park=make_park(slug="north"))
    english = client.get("/en/projects/steel-balls/")
    assertContains(
        english,
        "<dt>Planned investment</dt><dd>CNY 350 million</dd>"
        "<dt>Kind</dt><dd>Investment opportunity</dd>"
        "<dt>What is sought</dt><dd>A producer to fill a gap in the chain</dd>"
        '<dt>Stage of preparation</dt><dd><span class="badge preparation-feasibility">'
        "Feasibility study done</span></dd>"
        "<dt>Scale</dt><dd>3 billion balls a year</dd>"
        "<dt>Plot</dt><dd>6.67 ha (100 mu)</dd>",
        html=True,
    )
    assertContains(english, "<dt>Promoted by</dt>", html=True)
    assertContains(english, '<h2 id="sought-title">The investor the county looks for</h2>')
    assertContains(english, "<p>A maker of grade G10 balls.</p>", html=True)
    assertContains(english, '<h2 id="utilities-title">Utilities at the plot</h2>')
    assertContains(english, "<p>10 kV power at the boundary.</p>", html=True)
    assertNotContains(english, "<dt>Stage</dt>", html=True)
    assertNotContains(english, "<dt>Investor</dt>", html=True)

    chinese = client.get("/zh-hans/projects/steel-balls/").content.decode()
    assert "<dt>计划投资</dt><dd>3.5亿元</dd>" in chinese
    assert "<dt>寻求合作方式</dt><dd>补链企业</dd>" in chinese
    assert (
        '<dt>前期准备阶段</dt><dd><span class="badge preparation-feasibility">已完成可行性研究'
        "</span></dd>"
    ) in chinese
    assert "<dt>规模</dt><dd>年产钢球30亿粒</dd>" in chinese
    assert "<dt>地块</dt><dd>6.67公顷（100亩）</dd>" in chinese
    assert '<h2 id="sought-title">理想投资者</h2>' in chinese
    assert '<h2 id="utilities-title">地块配套</h2>' in chinese


def test_a_signed_project_page_keeps_its_stage_and_investor(client):
    make_project(slug="signed-one", stage=Project.Stage.LAND_SECURED, investor_en="Ring Co.")
    response = client.get("/en/projects/signed-one/")
    assertContains(
        response,
        '<dt>Stage</dt><dd><span class="badge stage-land">Land secured</span></dd>',
        html=True,
    )
    assertContains(response, "<dt>Investor</dt>", html=True)
    assertNotContains(response, "What is sought")


def test_the_kind_filter_lists_the_opportunities_with_their_count(client):
    make_opportunity()
    make_opportunity(slug="plot", name_en="Serviced plot", sought=Project.Sought.PLOT)
    make_project(name_en="Signed line")
    response = client.get(URL)
    kind = next(f for f in response.context["facets"] if f["name"] == "kind")
    counts = {option["value"]: option["count"] for option in kind["options"]}
    assert counts == {"signed": 1, "opportunity": 2}
    listed = client.get(URL + "?kind=opportunity")
    assert {p.name for p in listed.context["projects"]} == {"Steel ball plant", "Serviced plot"}
    # The card of an opportunity carries no construction stage.
    assertContains(listed, '<p class="card-meta"><span class="badge">Investment opportunity</span>')


def test_an_opportunity_says_what_it_seeks_and_has_no_construction_stage():
    opportunity = Project(
        name_en="Open plot",
        slug="open-plot",
        summary_en="A plot.",
        kind=Project.Kind.OPPORTUNITY,
        stage=Project.Stage.SIGNED,
        sector=make_sector(),
        investment_yuan=Decimal(100_000_000),
    )
    with pytest.raises(ValidationError) as error:
        opportunity.full_clean()
    assert set(error.value.message_dict) == {"stage", "sought", "preparation"}
    opportunity.stage = ""
    opportunity.sought = Project.Sought.PLOT
    opportunity.preparation = Project.Preparation.READY
    opportunity.full_clean()

    signed = Project(
        name_en="Ring line",
        slug="ring-line",
        summary_en="Rings.",
        kind=Project.Kind.SIGNED,
        stage="",
        sector=opportunity.sector,
        investment_yuan=Decimal(100_000_000),
        signing_date="2023-11-14",
    )
    with pytest.raises(ValidationError) as error:
        signed.full_clean()
    assert error.value.message_dict == {"stage": ["A signed project needs its stage."]}


def test_a_content_editor_adds_an_opportunity_in_the_admin(client):
    user = get_user_model().objects.create_user(
        "clerk", password="a long enough password", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Content editors"))
    client.force_login(user)
    sector = make_sector()
    form = client.get("/admin/projects/project/add/").content.decode()
    assert 'name="sought"' in form and 'name="utilities_zh_hans"' in form
    data = {
        "name_en": "Joint venture in automation",
        "name_zh_hans": "自动化合资项目",
        "slug": "automation-jv",
        "summary_en": "A joint venture.",
        "summary_zh_hans": "合资项目。",
        "kind": "opportunity",
        "sector": sector.pk,
        "stage": "",
        "investment_yuan": "120000000",
        "sought": "joint-venture",
        "preparation": "approved",
        "scale_en": "200 cells a year",
        "published_at_0": "2026-01-01",
        "published_at_1": "09:00:00",
        "is_published": "on",
    }
    for prefix in ("images", "documents", "milestones"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = client.post("/admin/projects/project/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    project = Project.objects.get(slug="automation-jv")
    assert (project.kind, project.stage, project.sought) == ("opportunity", "", "joint-venture")

    data.update(slug="automation-jv-2", stage="signed", sought="")
    response = client.post("/admin/projects/project/add/", data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["stage"] == [
        "An opportunity has no construction stage yet: leave the stage empty and give its "
        "stage of preparation."
    ]
    assert errors["sought"] == ["Say what the opportunity asks an investor for."]


def test_the_demo_has_open_opportunities_beside_the_fifteen_signed_projects(client, demo):
    opportunities = Project.objects.published().filter(kind=Project.Kind.OPPORTUNITY)
    assert opportunities.count() >= 4
    sought = set(opportunities.values_list("sought", flat=True))
    assert {"chain-gap", "plot", "joint-venture"} <= sought
    plot = opportunities.get(sought="plot")
    assert plot.land_area_ha and plot.utilities_en and plot.utilities_zh_hans
    for opportunity in opportunities:
        assert opportunity.stage == "" and opportunity.signing_date is None
        assert opportunity.preparation and opportunity.scale_en and opportunity.scale_zh_hans
        assert opportunity.sought_detail_en and opportunity.sought_detail_zh_hans
        assert opportunity.contact is not None
        opportunity.full_clean()
    headline = Project.objects.headline()
    assert (headline["count"], headline["total"]) == (15, Decimal(10_220_000_000))

    html = client.get(URL).content.decode()
    assert f"Investment opportunity ({opportunities.count()})" in html
    chinese = client.get("/zh-hans/projects/").content.decode()
    assert f"招商项目（{opportunities.count()}）" in chinese
