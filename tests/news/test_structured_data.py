"""NewsArticle JSON-LD on the article page: valid JSON, the article's values, no way out."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from tests.factories import make_article
from tests.news.test_pages import _cover

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _blocks(html):
    return [json.loads(block) for block in SCRIPT.findall(html)]


def test_article_page_describes_a_news_article(client):
    published = timezone.make_aware(datetime.datetime(2023, 11, 14, 9))
    article = make_article(
        title_en="Eleven projects signed",
        summary_en="Guanxian signs eleven bearing projects.",
        published_at=published,
        cover_alt_en="The signing table",
        cover=_cover(),
    )
    html = client.get(f"/en/news/{article.slug}/").content.decode()
    [data] = _blocks(html)
    organisation = {
        "@type": "GovernmentOrganization",
        "name": "Guanxian Bearing Investment",
        "url": "http://testserver/en/",
        "logo": {"@type": "ImageObject", "url": "http://testserver/static/img/og-default.png"},
    }
    article.refresh_from_db()
    assert data == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Eleven projects signed",
        "description": "Guanxian signs eleven bearing projects.",
        "datePublished": "2023-11-14T09:00:00+08:00",
        "dateModified": timezone.localtime(article.updated_at).isoformat(),
        "image": [f"http://testserver{article.cover.url}"],
        "author": organisation,
        "publisher": organisation,
        "inLanguage": "en",
        "mainEntityOfPage": {
            "@type": "WebPage",
            "@id": f"http://testserver/en/news/{article.slug}/",
        },
    }
    assert datetime.datetime.fromisoformat(data["dateModified"]) >= published


def test_structured_data_follows_the_language_and_falls_back_to_the_default_image(client):
    article = make_article(title_zh_hans="冠县签约十一个项目")
    html = client.get(f"/zh-hans/news/{article.slug}/").content.decode()
    [data] = _blocks(html)
    assert data["headline"] == "冠县签约十一个项目"
    assert data["inLanguage"] == "zh-Hans"
    assert data["publisher"]["name"] == "冠县轴承投资"
    assert data["image"] == ["http://testserver/static/img/og-default.png"]
    assert data["mainEntityOfPage"]["@id"] == f"http://testserver/zh-hans/news/{article.slug}/"


def test_a_title_cannot_break_out_of_the_script(client):
    hostile = '</script><script>alert(1)</script><!-- & "quoted"'
    article = make_article(title_en=hostile, summary_en="</SCRIPT>x")
    html = client.get(f"/en/news/{article.slug}/").content.decode()
    head = html.split("</head>")[0]
    # One JSON-LD block; the other script of the head is the elderly mode's switch.
    assert head.count('<script type="application/ld+json">') == 1
    assert "<script>alert(1)" not in html
    [data] = _blocks(html)
    assert data["headline"] == hostile
    assert data["description"] == "</SCRIPT>x"
    assert "\\u003C/script\\u003E" in SCRIPT.search(html).group(1)
