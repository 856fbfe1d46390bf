import datetime

import pytest
from django.contrib.sitemaps.views import sitemap
from django.utils import timezone

from portal.news.models import Article
from portal.news.sitemaps import sitemaps
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_sitemap_lists_published_articles_in_both_languages_only(rf):
    live = make_article()
    draft = make_article(status=Article.Status.DRAFT)
    scheduled = make_article(published_at=timezone.now() + datetime.timedelta(days=1))
    response = sitemap(rf.get("/sitemap.xml"), sitemaps=sitemaps)
    response.render()
    xml = response.content.decode()
    assert f"http://testserver/en/news/{live.slug}/" in xml
    assert f"http://testserver/zh-hans/news/{live.slug}/" in xml
    assert f"/en/news/category/{live.category.slug}/" in xml
    assert draft.slug not in xml
    assert scheduled.slug not in xml
