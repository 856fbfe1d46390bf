"""The investor's pages: "Why Guanxian", the investment guide and the incentives valid today,
in both languages, with a fixed number of queries; edited by content editors."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains
from reversion.models import Version

from portal.invest.models import Advantage, Connection, SetupStep
from projects.models import Incentive, Project, WorkforceFigure
from tests.factories import make_park, make_project

pytestmark = pytest.mark.django_db

AS_OF = datetime.date(2023, 11, 14)


def make_advantage(n=0, **fields):
    defaults = {
        "topic": Advantage.Topic.CLUSTER,
        "title_en": f"Forging town {n}",
        "title_zh_hans": f"锻造重镇{n}",
        "body_en": "528 bearing processing enterprises.",
        "body_zh_hans": "轴承加工企业528家。",
        "source_en": "News Office",
        "source_zh_hans": "新闻办公室",
        "as_of": AS_OF,
    }
    return Advantage.objects.create(**{**defaults, **fields})


def make_connection(n=0, **fields):
    defaults = {
        "destination_en": f"Jinan airport {n}",
        "destination_zh_hans": f"济南机场{n}",
        "mode": Connection.Mode.AIRPORT,
        "distance_km": Decimal(185),
        "hours": Decimal("2.25"),
        "route_en": "by the G22",
        "route_zh_hans": "经G22高速",
        "source_en": "Map",
        "source_zh_hans": "地图",
        "is_illustrative": True,
    }
    return Connection.objects.create(**{**defaults, **fields})


def make_workforce(n=0, **fields):
    defaults = {
        "role_en": f"Press operator {n}",
        "role_zh_hans": f"锻压操作工{n}",
        "wage_from_yuan": 5200,
        "wage_to_yuan": 6800,
        "workers": 6000,
        "availability_en": "Hired within two weeks",
        "availability_zh_hans": "两周内可招到",
        "source_en": "Labour bureau",
        "source_zh_hans": "人社局",
        "as_of": datetime.date(2026, 6, 30),
    }
    return WorkforceFigure.objects.create(**{**defaults, **fields})


def make_step(n=0, **fields):
    defaults = {
        "title_en": f"Register the company {n}",
        "title_zh_hans": f"注册公司{n}",
        "summary_en": "Receive the business licence.",
        "summary_zh_hans": "领取营业执照。",
        "office_en": "Administrative Approval Service Bureau",
        "office_zh_hans": "行政审批服务局",
        "documents_en": "Articles of association\nProof of address",
        "documents_zh_hans": "公司章程\n住所证明",
        "fees_en": "None",
        "fees_zh_hans": "无",
        "duration_en": "1 to 3 working days",
        "duration_zh_hans": "1至3个工作日",
        "legal_basis_en": "Company Law (2023 revision)",
        "legal_basis_zh_hans": "《公司法》（2023年修订）",
        "order": n,
    }
    return SetupStep.objects.create(**{**defaults, **fields})


def make_incentive(**fields):
    defaults = {
        "title_en": "Land price refund",
        "title_zh_hans": "土地出让金返还",
        "issuer_en": "County government",
        "issuer_zh_hans": "冠县人民政府",
        "document_number": "冠政发〔2024〕8号",
        "valid_from": datetime.date(2024, 3, 1),
        "valid_until": datetime.date(2099, 2, 28),
        "eligibility_en": "Projects of 100 million yuan or more.",
        "eligibility_zh_hans": "投资1亿元以上的项目。",
        "benefit_en": "Half of the land price",
        "benefit_zh_hans": "土地出让金的一半",
    }
    return Incentive.objects.create(**{**defaults, **fields})


def test_url_names_for_the_header():
    with translation.override("en"):
        assert reverse("invest:why_guanxian") == "/en/invest/"
        assert reverse("invest:guide") == "/en/invest/guide/"
        assert reverse("invest:incentives") == "/en/invest/incentives/"
    with translation.override("zh-hans"):
        assert reverse("invest:why_guanxian") == "/zh-hans/invest/"


def test_why_page_shows_the_reasons_workforce_and_logistics_with_sources(client):
    make_advantage(source_url="https://example.org/news")
    make_advantage(1, topic=Advantage.Topic.LABOUR, title_en="Skilled people")
    make_advantage(2, title_en="Withdrawn", is_published=False)
    make_workforce()
    make_workforce(1, wage_to_yuan=None, workers=None, role_en="General worker")
    make_workforce(2, wage_from_yuan=7500, wage_to_yuan=11000, role_en="Engineer")
    make_connection()
    make_connection(1, destination_en="G22 interchange", hours=Decimal("0.25"), mode="road")
    make_project(kind=Project.Kind.OPPORTUNITY, signing_date=None, stage="")
    make_incentive()
    make_incentive(
        title_en="Old", valid_from=datetime.date(2020, 1, 1), valid_until=datetime.date(2021, 1, 1)
    )

    response = client.get("/en/invest/")
    assert response.status_code == 200
    assertContains(response, "<h1>Why Guanxian</h1>", html=True)
    assertContains(response, '<h2 id="topic-1">The cluster</h2>', html=True)
    assertContains(response, '<h2 id="topic-2">Labour pool</h2>', html=True)
    assertNotContains(response, "Withdrawn")
    assertContains(
        response,
        '<p class="muted">Source: <a href="https://example.org/news" rel="noopener external">'
        'News Office</a>, <time datetime="2023-11-14">14 November 2023</time></p>',
        html=True,
    )
    assertContains(
        response,
        '<tr><th scope="row">Press operator 0</th><td>5,200–6,800 yuan</td><td>6,000</td>'
        '<td>Hired within two weeks</td><td>Labour bureau, <time datetime="2026-06-30">'
        "30 June 2026</time></td></tr>",
        html=True,
    )
    assertContains(response, "<td>5,200 yuan</td>", html=True)
    assertContains(
        response,
        '<tr><th scope="row">Jinan airport 0<span aria-hidden="true">*</span>'
        '<span class="visually-hidden">(illustrative)</span></th><td>Airport</td>'
        "<td>185 km</td><td>2 h 15 min</td><td>by the G22</td></tr>",
        html=True,
    )
    assertContains(response, "<td>15 min</td>", html=True)
    assertContains(response, "* Illustrative: estimated from a map until the county confirms")
    assertContains(response, 'href="/en/projects/?kind=opportunity">See the 1 open opportunity</a>')
    assertContains(response, 'href="/en/invest/incentives/">1 incentive valid today</a>')
    assertContains(response, 'href="/en/invest/guide/">How to set up a plant</a>')

    chinese = client.get("/zh-hans/invest/").content.decode()
    assert "<h1>为何投资冠县</h1>" in chinese
    assert "<td>5,200–6,800元</td>" in chinese
    # a range in one way of writing numbers, never "7,500–1.1万元"
    assert "<td>7,500–11,000元</td>" in chinese
    assert "<td>6,000</td>" in chinese
    assert "<td>185公里</td>" in chinese and "<td>2小时15分钟</td>" in chinese
    assert '来源：新闻办公室，<time datetime="2023-11-14">2023年11月14日</time>' in chinese
    assert "查看1个招商项目" in chinese
    assert "1项当前有效的优惠政策" in chinese


@pytest.mark.parametrize("count", [2, 20])
def test_why_page_queries_are_fixed(client, django_assert_num_queries, count):
    for n in range(count):
        make_advantage(n)
        make_workforce(n)
        make_connection(n)
    # reasons, signed projects' headline, cluster figures, workforce, connections,
    # opportunities counted, incentives counted
    with django_assert_num_queries(7):
        assert client.get("/en/invest/").status_code == 200


def test_guide_lists_each_step_with_office_documents_fees_duration_and_law(client):
    make_step()
    make_step(1, title_en="File the project", is_published=False)
    response = client.get("/en/invest/guide/")
    assertContains(response, "<h1>Investment guide: setting up a plant</h1>", html=True)
    assertContains(response, '<h2 id="step-1-title">Step 1: Register the company 0</h2>', html=True)
    assertNotContains(response, "File the project")
    assertContains(
        response,
        '<dl class="facts"><dt>Office</dt><dd>Administrative Approval Service Bureau</dd>'
        "<dt>Documents</dt><dd><ul><li>Articles of association</li><li>Proof of address</li>"
        "</ul></dd><dt>Fees</dt><dd>None</dd><dt>Typical duration</dt>"
        "<dd>1 to 3 working days</dd><dt>Legal basis</dt><dd><ul>"
        "<li>Company Law (2023 revision)</li></ul></dd></dl>",
        html=True,
    )
    chinese = client.get("/zh-hans/invest/guide/").content.decode()
    assert '<h2 id="step-1-title">第1步：注册公司0</h2>' in chinese
    assert "<dt>办理部门</dt><dd>行政审批服务局</dd>" in chinese
    assert "<dt>所需材料</dt><dd><ul><li>公司章程</li><li>住所证明</li></ul></dd>" in chinese
    assert "<dt>法律依据</dt><dd><ul><li>《公司法》（2023年修订）</li></ul></dd>" in chinese


@pytest.mark.parametrize("count", [2, 20])
def test_guide_queries_are_fixed(client, django_assert_num_queries, count):
    for n in range(count):
        make_step(n)
    with django_assert_num_queries(1):
        assert client.get("/en/invest/guide/").status_code == 200


def test_incentives_page_lists_the_current_ones_with_their_parks(client):
    north = make_park(slug="north", name_en="North Park")
    make_incentive().parks.set([north])
    make_incentive(
        title_en="Expired",
        valid_from=datetime.date(2020, 1, 1),
        valid_until=datetime.date(2021, 1, 1),
    )
    make_incentive(title_en="Later", valid_from=datetime.date(2099, 1, 1), valid_until=None)
    response = client.get("/en/invest/incentives/")
    assertContains(response, '<h2 class="card-title">Land price refund</h2>', html=True)
    assertContains(
        response,
        '<dt>Industrial parks</dt><dd><a href="/en/projects/parks/north/">North Park</a></dd>',
        html=True,
    )
    assertNotContains(response, "Expired")
    assertNotContains(response, "Later")
    chinese = client.get("/zh-hans/invest/incentives/").content.decode()
    assert "<h1>当前有效的优惠政策</h1>" in chinese
    assert "<dt>适用园区</dt>" in chinese


@pytest.mark.parametrize("count", [2, 20])
def test_incentives_page_queries_are_fixed(client, django_assert_num_queries, count):
    park = make_park()
    for n in range(count):
        make_incentive(document_number=f"冠政发〔2024〕{n}号").parks.set([park])
    # the count for the pages, the incentives, their parks, their sectors
    with django_assert_num_queries(4):
        assert client.get("/en/invest/incentives/").status_code == 200


def test_the_pages_are_in_the_sitemap_in_both_languages(client):
    xml = client.get("/sitemap.xml").content.decode()
    for path in ("/en/invest/", "/zh-hans/invest/guide/", "/en/invest/incentives/"):
        assert f"http://testserver{path}</loc>" in xml


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_user(
        "clerk", password="a long enough password", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Content editors"))
    client.force_login(user)
    return user


def test_content_editors_keep_the_pages_with_versions(client, editor):
    response = client.post(
        "/admin/invest/setupstep/add/",
        {
            "title_en": "Planning permits",
            "title_zh_hans": "办理规划许可",
            "summary_en": "Two permits.",
            "summary_zh_hans": "两个许可证。",
            "office_en": "Natural Resources Bureau",
            "office_zh_hans": "自然资源局",
            "documents_en": "Land contract\r\nSite plan",
            "documents_zh_hans": "土地合同\r\n总平面图",
            "fees_en": "None",
            "duration_en": "About 2 weeks",
            "legal_basis_en": "Urban and Rural Planning Law",
            "order": "0",
            "is_published": "on",
        },
    )
    assert response.status_code == 302
    step = SetupStep.objects.get()
    assert step.document_list == ["Land contract", "Site plan"]
    response = client.post(
        "/admin/invest/connection/add/",
        {
            "destination_en": "Qingdao Port",
            "destination_zh_hans": "青岛港",
            "mode": "port",
            "distance_km": "480",
            "hours": "5.5",
            "source_en": "Map",
            "order": "0",
            "is_published": "on",
            "is_illustrative": "on",
        },
    )
    assert response.status_code == 302
    connection = Connection.objects.get()
    assert connection.time_parts == (5, 30)
    response = client.post(
        f"/admin/invest/connection/{connection.pk}/change/",
        {
            "destination_en": "Qingdao Port",
            "destination_zh_hans": "青岛港",
            "mode": "port",
            "distance_km": "-1",
            "hours": "5.5",
            "source_en": "Map",
            "order": "0",
        },
    )
    assert response.status_code == 200
    assert "distance_km" in response.context["adminform"].form.errors
    assert Version.objects.get_for_object(step).count() == 1
    assert client.get("/admin/invest/advantage/").status_code == 200


def test_the_demo_fills_the_pages(client, db):
    call_command("seed_demo", stdout=StringIO())
    assert Advantage.objects.filter(topic="cluster").count() >= 4
    assert set(Connection.objects.values_list("mode", flat=True)) == {
        "airport",
        "port",
        "rail",
        "road",
    }
    assert all(Connection.objects.values_list("is_illustrative", flat=True))
    steps = list(SetupStep.objects.all())
    assert len(steps) >= 6
    for step in steps:
        assert step.office_zh_hans and step.document_list and step.legal_basis_list
    why = client.get("/en/invest/").content.decode()
    assert "528 bearing processing enterprises" in why
    assert "Jinan Yaoqiang International Airport" in why and "Qingdao Port" in why
    assert "Forging press operator" in why
    assert "See the 5 open opportunities" in why
    before = call_command("seed_demo", stdout=StringIO())
    assert before is None and SetupStep.objects.count() == len(steps)
