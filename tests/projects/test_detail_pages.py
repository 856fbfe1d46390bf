import datetime
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.base import ContentFile
from django.utils import timezone
from pytest_django.asserts import assertContains

from projects.models import Milestone, ParkCost, Project, ProjectDocument
from tests.factories import make_park, make_project, make_sector

from .helpers import add_image, make_full_projects

pytestmark = pytest.mark.django_db


def staff(permission=None):
    user = User.objects.create_user("editor", password="x", is_staff=True)
    if permission:
        user.user_permissions.add(Permission.objects.get(codename=permission))
    return user


def test_project_detail_shows_the_key_facts(client):
    park = make_park(name_en="East Park", contact_name_en="Li Ming", contact_email="li@example.cn")
    project = make_project(
        slug="rings",
        name_en="Ring works",
        park=park,
        investment_yuan=Decimal(680_000_000),
        investor_en="Acme Bearings",
        investor_country_en="Germany",
        signing_event_en="Bearing conference",
        annual_output_yuan=Decimal(1_020_000_000),
        jobs=250,
        land_area_ha=Decimal(10),
        stage="construction",
        description_en="First paragraph.\n\nSecond paragraph.",
    )
    add_image(project, alt="Forging hall")
    ProjectDocument.objects.create(
        project=project, title_en="Brochure", file=ContentFile(b"%PDF-1.4 x" * 100, "b.pdf")
    )
    Milestone.objects.create(project=project, date="2023-11-14", title_en="Signed", is_done=True)
    Milestone.objects.create(project=project, date="2026-01-01", title_en="Production")
    response = client.get("/en/projects/rings/")
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<h1") == 1
    assert "<title>Ring works · " in content
    for text in [
        "<dt>Investment</dt><dd>CNY 680 million</dd>",
        "Under construction",
        "Acme Bearings (Germany)",
        "14 November 2023</time>, Bearing conference",
        "<dd>CNY 1.02 billion</dd>",
        "<dd>250</dd>",
        "10 ha (150 mu)",
        '<a href="/en/projects/parks/',
        "<p>Second paragraph.</p>",
        # the first picture opens the gallery: eager, high priority, WebP before JPEG
        '-12.webp 12w" sizes="(min-width: 60rem) 36rem, 100vw"><img src="/media/projects/renditions/',
        'width="12" height="8" alt="Forging hall" loading="eager" decoding="async"'
        ' fetchpriority="high"></picture>',
        'Brochure</a> <span class="muted">(PDF, 1000',
        'class="milestone milestone-done"',
        'class="milestone milestone-planned"',
        "Li Ming",
        'href="mailto:li@example.cn"',
        'href="/en/enquire/?project=rings">Enquire about this project',
        "Last updated",
    ]:
        assert text in content, text
    assert "Draft, not public" not in content


def test_project_detail_in_chinese(client):
    make_project(slug="rings", name_zh_hans="套圈项目", investment_yuan=Decimal(680_000_000))
    content = client.get("/zh-hans/projects/rings/").content.decode()
    assert "套圈项目" in content
    assert "6.8亿元" in content
    assert "2023年11月14日" in content


def test_translation_notice_when_chinese_is_missing(client):
    make_project(slug="rings", description_en="Text", description_zh_hans="")
    content = client.get("/zh-hans/projects/rings/").content.decode()
    assert "本页尚无中文版本" in content


def test_related_projects_share_the_sector_or_park(client):
    sector, park = make_sector(), make_park()
    project = make_project(slug="main", sector=sector)
    make_project(name_en="Same sector", sector=sector)
    make_project(name_en="Same park", park=park)
    make_project(name_en="Unrelated")
    names = [p.name for p in client.get("/en/projects/main/").context["related"]]
    assert names == ["Same sector"]
    project.park = park
    project.save()
    names = {p.name for p in client.get("/en/projects/main/").context["related"]}
    assert names == {"Same sector", "Same park"}


def test_related_projects_take_the_sector_first_then_the_park(client, django_assert_num_queries):
    sector, park = make_sector(), make_park()
    make_project(slug="main", sector=sector, park=park)
    make_project(name_en="Sector, 2022", sector=sector, signing_date=datetime.date(2022, 1, 5))
    make_project(name_en="Park, 2024", park=park, signing_date=datetime.date(2024, 3, 1))
    make_project(name_en="Park, 2021", park=park, signing_date=datetime.date(2021, 3, 1))
    make_project(name_en="Park, 2020", park=park, signing_date=datetime.date(2020, 3, 1))
    # project, images, documents, milestones, the sector's neighbours and their images, the
    # park's and theirs, the sector's chain stages
    with django_assert_num_queries(9):
        response = client.get("/en/projects/main/")
    assert [p.name for p in response.context["related"]] == [
        "Sector, 2022",
        "Park, 2024",
        "Park, 2021",
    ]


@pytest.mark.parametrize(("count", "queries"), [(3, 8), (40, 7)])
def test_project_detail_queries_are_fixed(client, django_assert_num_queries, count, queries):
    park, sector = make_park(), make_sector()
    projects = make_full_projects(count, park=park, sector=sector)
    # project, images, documents, milestones, the sector's neighbours and their images; with
    # fewer than three of them, the park's too (whose images only if it adds any); the
    # sector's chain stages (and suppliers at them when it has some): at most 10
    with django_assert_num_queries(queries):
        first = client.get(projects[0].get_absolute_url())
    assert first.status_code == 200


def test_unknown_slug_is_404(client):
    assert client.get("/en/projects/nothing-here/").status_code == 404


def test_draft_project_is_404_for_visitors_and_staff_without_permission(client):
    make_project(slug="draft", is_published=False)
    assert client.get("/en/projects/draft/").status_code == 404
    client.force_login(staff())
    assert client.get("/en/projects/draft/").status_code == 404


def test_scheduled_project_is_404_for_visitors(client):
    make_project(slug="later", published_at=timezone.now() + datetime.timedelta(days=2))
    assert client.get("/en/projects/later/").status_code == 404


def test_draft_project_preview_for_staff_with_permission(client):
    make_project(slug="draft", is_published=False)
    client.force_login(staff("change_project"))
    response = client.get("/en/projects/draft/")
    assert response.status_code == 200
    assert "Draft, not public." in response.content.decode()
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "private"} <= directives


def test_published_project_seen_by_staff_has_no_banner(client):
    make_project(slug="live")
    client.force_login(staff("change_project"))
    response = client.get("/en/projects/live/")
    assert "Draft, not public" not in response.content.decode()
    assert "no-store" not in response.get("Cache-Control", "")


def test_park_list_and_detail(client):
    park = make_park(
        slug="east",
        name_en="East Park",
        tagline_en="By the river",
        planned_area_ha=Decimal(200),
        available_area_ha=Decimal(60),
        power_en="Two substations",
        incentives_en="Cheap land\nFast approval",
        latitude=Decimal("36.47"),
        longitude=Decimal("115.56"),
        contact_name_en="Li Ming",
        contact_phone="+86 635 1",
    )
    ParkCost.objects.create(
        park=park, label_en="Electricity", amount=Decimal("0.65"), unit_en="yuan per kWh"
    )
    make_project(name_en="In the park", park=park)
    make_project(name_en="Hidden", park=park, is_published=False)
    content = client.get("/en/projects/parks/").content.decode()
    assert content.count("<h1") == 1
    assert 'href="/en/projects/parks/east/">East Park</a></h2>' in content
    assert "60 ha (900 mu)" in content
    response = client.get("/en/projects/parks/east/")
    content = response.content.decode()
    assert content.count("<h1") == 1
    for text in [
        "<title>East Park · ",
        "200 ha (3,000 mu)",
        '<th scope="col">Item</th>',
        '<th scope="row">Electricity</th><td>0.65 yuan per kWh</td>',
        "<dt>Power</dt><dd>Two substations</dd>",
        "<li>Cheap land</li><li>Fast approval</li>",
        "In the park",
        "https://www.openstreetmap.org/?mlat=36.470000&amp;mlon=115.560000#map=15/36.470000/115.560000",
        "https://uri.amap.com/marker?position=115.560000%2C36.470000",
        "https://api.map.baidu.com/marker?location=36.470000%2C115.560000",
        'href="/en/enquire/?park=east">Enquire about this park',
        "Li Ming",
    ]:
        assert text in content, text
    assert "Hidden" not in content
    assert not re.search(r"<(script|iframe|img)[^>]+(amap|baidu|openstreetmap)", content)


def test_draft_park_is_404_for_visitors_and_previewed_by_staff(client):
    make_park(slug="draft", is_published=False)
    assert client.get("/en/projects/parks/draft/").status_code == 404
    client.force_login(staff("change_park"))
    response = client.get("/en/projects/parks/draft/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("count", [3, 40])
def test_park_pages_queries_are_fixed(client, django_assert_num_queries, count):
    parks = [make_park() for _ in range(count if count < 10 else 10)]
    make_full_projects(count, park=parks[0])
    with django_assert_num_queries(2):
        client.get("/en/projects/parks/")
    # park (with its count of published projects), sectors, costs, images, documents, the
    # incentives valid today (their sectors only when there are some), the newest projects,
    # their images, its enterprises
    with django_assert_num_queries(9):
        assert client.get(parks[0].get_absolute_url()).status_code == 200


def test_a_park_page_shows_its_newest_projects_and_links_all_of_them(client):
    park = make_park(slug="north")
    make_full_projects(14, park=park)
    response = client.get(park.get_absolute_url())
    assert len(response.context["projects"]) == 12
    assert response.context["project_count"] == 14
    assertContains(
        response,
        '<a href="/en/projects/?park=north">See all 14 projects in this park</a>',
        html=True,
    )
    chinese = client.get(park.get_absolute_url().replace("/en/", "/zh-hans/", 1)).content.decode()
    assert "查看本园区全部14个项目" in chinese


def test_descriptions_are_unique_per_page(client, demo):
    pattern = re.compile(r'<meta name="description" content="([^"]*)">')
    urls = [
        "/en/projects/",
        "/en/projects/parks/",
        "/en/projects/parks/qingshui-bearing-forging-park/",
        "/en/projects/wind-power-bearing-rings/",
        "/en/projects/tapered-rollers/",
    ]
    descriptions = [pattern.search(client.get(url).content.decode()).group(1) for url in urls]
    assert len(set(descriptions)) == len(urls)
    assert all(descriptions)


def test_a_document_whose_file_is_missing_is_listed_without_a_size(client):
    project = make_project(slug="rings")
    ProjectDocument.objects.create(project=project, title_en="Lost", file="documents/gone.pdf")
    response = client.get("/en/projects/rings/")
    assert response.status_code == 200
    assert 'Lost</a> <span class="muted">(PDF)</span>' in response.content.decode()


def test_detail_pages_offer_save_compare_and_print(client, demo):
    # A signed project: the demo's open opportunities have no gallery.
    project = (
        Project.objects.published()
        .filter(park__isnull=False, kind=Project.Kind.SIGNED)
        .order_by("slug")
        .first()
    )
    html = client.get(project.get_absolute_url()).content.decode()
    assert (
        f'href="/en/projects/shortlist/{project.slug}/?next=/en/projects/{project.slug}/"' in html
    )
    assert (
        f'<a href="/en/projects/compare/?p={project.slug}">Compare with other projects</a>' in html
    )
    assert f'<a href="/en/projects/{project.slug}/sheet/">Print sheet</a>' in html
    # one eager picture opens the gallery; every other picture waits until it is near
    assert html.count('fetchpriority="high"') == 1
    assert html.count('loading="eager"') == 1
    park = project.park
    html = client.get(park.get_absolute_url()).content.decode()
    assert f'<a href="/en/projects/parks/{park.slug}/sheet/">Print sheet</a>' in html
    assert f'<a href="/en/projects/compare/parks/?park={park.slug}">Compare the parks</a>' in html
    assert 'type="image/webp"' in html
    html = client.get("/zh-hans" + project.get_absolute_url()[3:]).content.decode()
    assert "打印资料页" in html
    assert "与其他项目比较" in html
