"""Articles stored before search read plain text get it from the migration."""

import importlib

import pytest
from django.apps import apps

from portal.news.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db

migration = importlib.import_module("portal.news.migrations.0003_article_body_text")


def test_the_migration_fills_the_plain_text_of_existing_articles():
    make_article(body_en="<p>Rings &amp; races</p><p>rose.</p>", body_zh_hans="<p>套圈</p>")
    make_article(body_en="", body_zh_hans="")
    Article.objects.update(body_text_en="", body_text_zh_hans="")

    migration.fill_body_text(apps, None)

    assert sorted(Article.objects.values_list("body_text_en", "body_text_zh_hans")) == [
        ("", ""),
        ("Rings & races rose.", "套圈"),
    ]
