"""The feeds parse as RSS 2.0 and Atom, in both languages, with published articles only."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from portal.news.models import Article
from tests.factories import make_article, make_category

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(response):
    """The feed as an XML tree; it is our own output, so the standard parser is fine."""
    return ET.fromstring(response.content)  # noqa: S314


@pytest.fixture
def articles():
    category = make_category(name_en="Cluster news", name_zh_hans="集群动态")
    published = [
        make_article(
            title_en=f"Published {n}",
            title_zh_hans=f"已发布{n}",
            category=category,
            published_at=timezone.now() - datetime.timedelta(days=n + 1),
        )
        for n in range(22)
    ]
    make_article(title_en="A draft", title_zh_hans="草稿", status=Article.Status.DRAFT)
    make_article(
        title_en="A scheduled one",
        title_zh_hans="定时",
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    return published


@pytest.mark.parametrize(
    ("language", "title", "category"),
    [("en", "Published 0", "Cluster news"), ("zh-hans", "已发布0", "集群动态")],
)
def test_rss_is_valid_rss_2_with_the_latest_twenty(client, articles, language, title, category):
    response = client.get(f"/{language}/news/feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = parse(response)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("language") == language
    assert channel.findtext("link") == f"http://testserver/{language}/news/"
    items = channel.findall("item")
    assert len(items) == 20
    assert items[0].findtext("title") == title
    assert items[0].findtext("category") == category
    assert items[0].findtext("link") == f"http://testserver/{language}/news/{articles[0].slug}/"
    assert items[0].findtext("pubDate")
    titles = {item.findtext("title") for item in items}
    assert not titles & {"A draft", "A scheduled one", "草稿", "定时"}
    assert articles[21].slug not in response.content.decode()


@pytest.mark.parametrize(("language", "title"), [("en", "Published 0"), ("zh-hans", "已发布0")])
def test_atom_is_valid_atom_with_the_latest_twenty(client, articles, language, title):
    response = client.get(f"/{language}/news/feed/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = parse(response)
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    assert root.findtext(f"{ATOM}id")
    assert root.findtext(f"{ATOM}updated")
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 20
    first = entries[0]
    assert first.findtext(f"{ATOM}title") == title
    assert first.find(f"{ATOM}link").get("href") == (
        f"http://testserver/{language}/news/{articles[0].slug}/"
    )
    for tag in ("id", "updated", "published", "summary"):
        assert first.findtext(f"{ATOM}{tag}"), tag
    titles = {entry.findtext(f"{ATOM}title") for entry in entries}
    assert not titles & {"A draft", "A scheduled one", "草稿", "定时"}


def test_empty_feeds_are_still_valid(client):
    rss = parse(client.get("/en/news/feed/rss/"))
    assert rss.find("channel").findall("item") == []
    atom = parse(client.get("/zh-hans/news/feed/atom/"))
    assert atom.findall(f"{ATOM}entry") == []


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_feed_queries_do_not_grow(client, django_assert_num_queries, articles, language):
    with django_assert_num_queries(1):
        client.get(f"/{language}/news/feed/rss/")
