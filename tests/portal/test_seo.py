import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.utils import timezone, translation

from portal.news.models import Article
from tests.factories import make_article, make_category, make_park, make_project

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def _sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own sitemap
    entries = {}
    for url in root.findall("sm:url", NS):
        alternates = {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
        entries[url.find("sm:loc", NS).text] = alternates
    return entries


def test_sitemap_lists_every_published_page_in_both_languages_with_alternates(client):
    project = make_project()
    park = make_park()
    article = make_article()
    make_project(slug="draft-project", is_published=False)
    make_project(slug="later-project", published_at=timezone.now() + datetime.timedelta(days=2))
    make_park(slug="draft-park", is_published=False)
    make_article(slug="draft-article", status=Article.Status.DRAFT)
    make_article(slug="later-article", published_at=timezone.now() + datetime.timedelta(days=2))
    # A category holding only a draft has no page worth listing.
    empty = make_category(slug="draft-only-category")
    make_article(slug="draft-in-category", category=empty, status=Article.Status.DRAFT)
    entries = _sitemap(client)
    paths = [
        "",
        "projects/",
        "projects/parks/",
        "news/",
        "accessibility/",
        "invest/",
        "invest/guide/",
        "invest/incentives/",
        "enterprises/",
        "industry-chain/",
        f"projects/{project.slug}/",
        f"projects/parks/{park.slug}/",
        f"news/{article.slug}/",
        f"news/category/{article.category.slug}/",
    ]
    expected = {f"http://testserver/{lang}/{path}" for path in paths for lang in ("en", "zh-hans")}
    assert set(entries) == expected
    for path in paths:
        alternates = entries[f"http://testserver/zh-hans/{path}"]
        assert alternates == {
            "en": f"http://testserver/en/{path}",
            "zh-hans": f"http://testserver/zh-hans/{path}",
            "x-default": f"http://testserver/{path}",
        }
    assert not any("draft" in loc or "later" in loc for loc in entries)
    # x-default is the language-neutral address, which sends each browser to its language.
    response = client.get(f"/projects/{project.slug}/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response.status_code == 302
    assert response["Location"] == f"/zh-hans/projects/{project.slug}/"


def test_a_scheduled_article_enters_the_sitemap_when_its_time_comes(client):
    at = timezone.now() + datetime.timedelta(days=3)
    article = make_article(slug="scheduled-article", published_at=at)
    loc = f"http://testserver/en/news/{article.slug}/"
    category = f"http://testserver/en/news/category/{article.category.slug}/"
    entries = _sitemap(client)
    assert loc not in entries
    assert category not in entries
    with time_machine.travel(at + datetime.timedelta(minutes=1)):
        entries = _sitemap(client)
    assert entries[loc]["zh-hans"] == f"http://testserver/zh-hans/news/{article.slug}/"
    assert entries[loc]["x-default"] == f"http://testserver/news/{article.slug}/"
    assert category in entries


def test_there_is_one_sitemap_and_it_includes_the_news_sections():
    from portal.news import sitemaps as news
    from portal.sitemaps import SITEMAPS

    assert SITEMAPS["news"] is news.ArticleSitemap
    assert SITEMAPS["news-categories"] is news.CategorySitemap


def test_sitemap_gives_last_modified_for_records(client):
    # 20:30 UTC is already the next morning in Guanxian: the sitemap dates by the county's day.
    with time_machine.travel(
        datetime.datetime(2026, 3, 9, 20, 30, tzinfo=datetime.timezone.utc), tick=False
    ):
        project = make_project()
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own sitemap
    lastmods = [
        url.find("sm:lastmod", NS).text
        for url in root.findall("sm:url", NS)
        if url.find("sm:loc", NS).text.endswith(f"/{project.slug}/")
    ]
    assert lastmods == ["2026-03-10"] * 2


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_search(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /en/search/" in lines
    assert "Disallow: /zh-hans/search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert not any("admin" in line for line in lines)


def _meta(html, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    return match.group(1) if match else None


def test_every_page_shares_its_title_description_and_image(client):
    html = client.get("/zh-hans/accessibility/").content.decode()
    description = _meta(html, "name", "description")
    assert description == "冠县轴承投资门户网站的无障碍情况，以及如何反馈无障碍问题。"
    assert _meta(html, "property", "og:description") == description
    assert _meta(html, "name", "twitter:description") == description
    assert _meta(html, "property", "og:title") == "无障碍声明"
    assert _meta(html, "name", "twitter:title") == "无障碍声明"
    assert _meta(html, "property", "og:url") == "http://testserver/zh-hans/accessibility/"
    assert _meta(html, "property", "og:locale") == "zh_CN"
    assert _meta(html, "property", "og:locale:alternate") == "en_US"
    image = "http://testserver/static/img/og-default.png"
    assert _meta(html, "property", "og:image") == image
    assert _meta(html, "name", "twitter:image") == image
    assert _meta(html, "name", "twitter:card") == "summary_large_image"
    assert '<link rel="canonical" href="http://testserver/zh-hans/accessibility/">' in html


def test_pages_without_their_own_description_keep_the_site_one(client):
    html = client.get("/en/search/").content.decode()
    assert _meta(html, "property", "og:locale") == "en_US"
    assert _meta(html, "name", "description").startswith("Search the projects, industrial parks")


def test_titles_differ_between_pages(client):
    titles = {
        re.search(r"<title>(.*?)</title>", client.get(url).content.decode()).group(1)
        for url in ("/en/", "/en/accessibility/", "/en/search/")
    }
    assert len(titles) == 3


def test_structured_data_is_only_on_the_home_page_and_is_valid_json(client):
    home = client.get("/en/").content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', home, re.S)
    assert [json.loads(block)["@type"] for block in blocks] == ["GovernmentOrganization"]
    other = client.get("/en/accessibility/").content.decode()
    assert "application/ld+json" not in other


@pytest.mark.parametrize("n", [2, 20])
def test_the_sitemap_makes_the_same_number_of_queries_whatever_it_lists(
    client, django_assert_num_queries, n
):
    for _ in range(n):
        make_project()
        make_park()
        make_article()
    # One query for each kind of record: projects, parks, articles, categories, enterprises.
    with django_assert_num_queries(5):
        client.get("/sitemap.xml")


def test_home_and_news_heads_link_the_feeds_of_their_language(client):
    for path in ("/zh-hans/", "/zh-hans/news/"):
        html = client.get(path).content.decode()
        head = html.split("</head>")[0]
        assert (
            'type="application/rss+xml" title="新闻（RSS）" href="/zh-hans/news/feed/rss/"' in head
        )


def _site_description(language):
    """The description base.html gives a page that has none of its own."""
    with translation.override(language):
        return translation.gettext(
            "Invest in the bearing forging cluster of Guanxian County, Shandong: signed projects, "
            "industrial parks, costs and incentives, with officers who answer your enquiry."
        )


@pytest.fixture
def demo_like():
    """One of each record, as the demo has them: a project in a park, an article about it."""
    park = make_park(slug="qingshui-park")
    project = make_project(slug="ring-forging", park=park)
    category = make_category(slug="conferences-and-signings")
    article = make_article(slug="conference", category=category)
    article.projects.add(project)
    article.parks.add(park)
    return {"project": project, "park": park, "category": category, "article": article}


def _public_pages(records):
    """Every public page type, as a path below the language prefix."""
    return {
        "home": "",
        "project list": "projects/",
        "project detail": f"projects/{records['project'].slug}/",
        "park list": "projects/parks/",
        "park detail": f"projects/parks/{records['park'].slug}/",
        "news list": "news/",
        "category": f"news/category/{records['category'].slug}/",
        "article": f"news/{records['article'].slug}/",
        "search": "search/?q=bearing",
        "accessibility": "accessibility/",
        "enquiry form": "enquire/",
        "privacy notice": "enquire/privacy/",
        "map": "projects/map/",
        "compare picker": "projects/compare/",
        "shortlist": "projects/shortlist/",
    }


DETAIL_PAGES = ("project detail", "park detail", "category", "article")


def _head(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.content.decode()
    head = html.split("</head>")[0]
    links = {
        m.group(1): m.group(2)
        for m in re.finditer(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head)
    }
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', head)
    return {
        "title": re.search(r"<title>(.*?)</title>", head, re.S).group(1).strip(),
        "description": _meta(head, "name", "description"),
        "og": {
            key: _meta(head, "property", f"og:{key}")
            for key in ("title", "description", "image", "url")
        },
        "canonical": canonical.group(1) if canonical else None,
        "hreflang": links,
    }


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_public_page_has_its_own_title_description_and_sharing_tags(
    client, demo_like, language
):
    pages = _public_pages(demo_like)
    heads = {name: _head(client, f"/{language}/{path}") for name, path in pages.items()}
    default = _site_description(language)
    assert default and default != _site_description("en" if language != "en" else "zh-hans")

    titles = {name: head["title"] for name, head in heads.items()}
    repeated = {t for t in titles.values() if list(titles.values()).count(t) > 1}
    assert not repeated, {name: t for name, t in titles.items() if t in repeated}

    for name, head in heads.items():
        path = pages[name].split("?")[0]
        assert head["description"], name
        assert head["og"]["description"] == head["description"], name
        if name in DETAIL_PAGES:
            assert head["description"] != default, name
        assert all(head["og"].values()), (name, head["og"])
        assert head["og"]["image"].startswith("http://testserver/"), name
        assert head["og"]["url"] == f"http://testserver/{language}/{path}", name
        assert head["canonical"] == f"http://testserver/{language}/{path}", name
        # The alternates keep the query: the same search in the other language.
        full = pages[name]
        assert head["hreflang"] == {
            "en": f"http://testserver/en/{full}",
            "zh-hans": f"http://testserver/zh-hans/{full}",
            "x-default": f"http://testserver/{full}",
        }, name
