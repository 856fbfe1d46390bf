import datetime
import io
import json
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from portal.models import HomePage
from projects.models import ClusterFigure, Partner, Project
from tests.factories import make_article, make_park, make_project, make_sector

pytestmark = pytest.mark.django_db

# 15 signed projects summing 10.22 billion yuan, as signed on 14 November 2023.
AMOUNTS = [Decimal(680_000_000)] * 14 + [Decimal(10_220_000_000 - 14 * 680_000_000)]


def _signed_fifteen():
    sector = make_sector()
    return [make_project(sector=sector, investment_yuan=amount) for amount in AMOUNTS]


def _headline(html):
    match = re.search(r'<li class="figure figure-headline">(.*?)</li>', html, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def test_home_states_the_signed_projects_and_their_total_in_each_language(client):
    _signed_fifteen()
    make_project(kind=Project.Kind.OPPORTUNITY, signing_date=None)
    make_project(is_published=False)
    english = _headline(client.get("/en/").content.decode())
    chinese = _headline(client.get("/zh-hans/").content.decode())
    assert english.startswith("15 signed projects worth CNY 10.22 billion in total")
    assert chinese.startswith("15个已签约项目 总投资102.2亿元")


def test_unpublishing_a_project_changes_the_headline(client):
    projects = _signed_fifteen()
    projects[0].is_published = False
    projects[0].save()
    english = _headline(client.get("/en/").content.decode())
    assert english.startswith("14 signed projects worth CNY 9.54 billion in total")


def test_a_scheduled_project_is_not_counted_yet(client):
    _signed_fifteen()
    make_project(published_at=timezone.now() + datetime.timedelta(days=1))
    assert _headline(client.get("/en/").content.decode()).startswith("15 signed projects")


def test_home_shows_the_editable_hero_and_the_staff_figures_with_source_and_date(client):
    HomePage.objects.create(
        brand_line_en="Guanxian Bearing, Forged in Qingshui",
        brand_line_zh_hans="冠县轴承 清水锻造",
        conference_title_en="2023 Bearing Conference",
        conference_title_zh_hans="2023轴承大会",
        conference_date=datetime.date(2023, 11, 14),
        lead_en="Why invest here.",
        lead_zh_hans="为什么在这里投资。",
    )
    ClusterFigure.objects.create(
        label_en="bearing processing enterprises",
        label_zh_hans="轴承加工企业",
        value=Decimal(528),
        unit_en="",
        source_en="County statistics",
        source_zh_hans="冠县统计局",
        as_of=datetime.date(2023, 11, 14),
    )
    ClusterFigure.objects.create(
        label_en="Withdrawn figure",
        value=1,
        source_en="x",
        as_of=datetime.date(2023, 1, 1),
        is_published=False,
    )
    html = client.get("/en/").content.decode()
    assert '<h1 id="home-title">Guanxian Bearing, Forged in Qingshui</h1>' in html
    assert (
        "<title>Guanxian Bearing, Forged in Qingshui · Guanxian Bearing Investment</title>" in html
    )
    assert '<meta name="description" content="Why invest here.">' in html
    assert '2023 Bearing Conference · <time datetime="2023-11-14">14 November 2023</time>' in html
    assert "bearing processing enterprises" in html
    assert "Source: County statistics, as of 14 November 2023" in html
    assert "Withdrawn figure" not in html
    chinese = client.get("/zh-hans/").content.decode()
    assert '<h1 id="home-title">冠县轴承 清水锻造</h1>' in chinese
    assert '<time datetime="2023-11-14">2023年11月14日</time>' in chinese
    assert "来源：冠县统计局，截至2023年11月14日" in chinese


def test_home_lists_featured_projects_parks_latest_news_and_partners(client):
    make_project(name_en="Featured forge", is_featured=True)
    make_project(name_en="Ordinary forge")
    make_project(name_en="Draft forge", is_featured=True, is_published=False)
    make_park(name_en="Qingshui Park")
    make_park(name_en="Secret Park", is_published=False)
    for n in range(4):
        make_article(
            title_en=f"Story {n}", published_at=timezone.now() - datetime.timedelta(days=n + 1)
        )
    Partner.objects.create(
        organisation_en="China Bearing Industry Association",
        agreement_en="Strategic cooperation",
        signed_on=datetime.date(2023, 11, 14),
    )
    html = client.get("/en/").content.decode()
    assert "Featured forge" in html
    assert "Ordinary forge" not in html
    assert "Draft forge" not in html
    assert "Qingshui Park" in html
    assert "Secret Park" not in html
    assert [n for n in range(4) if f"Story {n}" in html] == [0, 1, 2]
    assert "China Bearing Industry Association" in html
    assert html.count('href="/en/enquire/"') >= 3


def test_home_hero_and_enquiry_fall_back_to_the_portal_wording_before_staff_edit(client):
    html = client.get("/zh-hans/").content.decode()
    assert html.count("<h1") == 1
    assert 'href="/zh-hans/enquire/"' in html


def test_home_carries_the_organisation_as_json_ld(client):
    HomePage.objects.create(
        brand_line_en="Forged </script><script>alert(1)</script> & more", lead_en="Lead"
    )
    html = client.get("/en/").content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "GovernmentOrganization"
    assert data["url"] == "http://testserver/en/"
    assert data["slogan"] == "Forged </script><script>alert(1)</script> & more"
    assert data["description"] == "Lead"
    assert "<script>alert(1)" not in html
    chinese = client.get("/zh-hans/").content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', chinese, re.S)
    assert json.loads(match.group(1))["address"]["addressLocality"] == "冠县"


@pytest.mark.parametrize("n", [3, 40])
def test_home_makes_the_same_number_of_queries_whatever_the_registry_holds(
    client, django_assert_num_queries, n
):
    sector = make_sector()
    park = make_park()
    for i in range(n):
        make_project(sector=sector, park=park, is_featured=i % 2 == 0)
        make_article()
        Partner.objects.create(
            organisation_en=f"P{i}", agreement_en="x", signed_on=datetime.date(2023, 1, 1)
        )
    make_park()
    with django_assert_num_queries(9):
        first = client.get("/en/")
    assert first.status_code == 200


def test_an_edit_of_the_home_page_shows_at_once(client):
    home = HomePage.objects.create(brand_line_en="Forged in Qingshui", lead_en="Lead")
    assert '<h1 id="home-title">Forged in Qingshui</h1>' in client.get("/en/").content.decode()
    home.brand_line_en = "Guanxian Bearing"
    home.save()
    text = client.get("/en/").content.decode()
    assert '<h1 id="home-title">Guanxian Bearing</h1>' in text
    assert "Forged in Qingshui" not in text


def test_the_hero_image_loads_first_with_its_size_and_text_alternative(client):
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), "#0b3d5c").save(buffer, "JPEG")
    home = HomePage(brand_line_en="Brand", lead_en="Lead", hero_alt_en="Forging line in Qingshui")
    home.hero_image = SimpleUploadedFile("hero.jpg", buffer.getvalue(), "image/jpeg")
    home.save()
    html = client.get("/en/").content.decode()
    name = home.hero_image.name.rsplit("/", 1)[1].rsplit(".", 1)[0]
    source = re.search(r'<picture><source type="image/webp" srcset="([^"]+)"', html)
    assert [entry.split()[1] for entry in source.group(1).split(", ")] == ["480w", "960w", "1440w"]
    assert f"/media/home/renditions/{name}-480.webp 480w" in source.group(1)
    image = re.search(r"<img [^>]*hero-image[^>]*>", html).group(0)
    assert 'alt="Forging line in Qingshui"' in image
    # The largest rendition's size, so the browser keeps the space before it loads.
    assert 'width="1440" height="810"' in image
    assert 'fetchpriority="high"' in image
    assert 'loading="eager"' in image


def test_staff_figures_in_yuan_read_as_money_in_both_languages(client):
    ClusterFigure.objects.create(
        label_en="Yearly output value",
        label_zh_hans="年产值",
        value=8_000_000_000,
        unit_en="yuan",
        unit_zh_hans="元",
        source_en="County statistics",
        as_of=datetime.date(2023, 11, 14),
    )
    assert '<span class="figure-value">CNY 8 billion</span>' in client.get("/en/").content.decode()
    assert '<span class="figure-value">80亿元</span>' in client.get("/zh-hans/").content.decode()
