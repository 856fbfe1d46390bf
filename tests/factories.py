"""Small builders for test data: each makes a valid, published object unless told otherwise."""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from portal.news.models import Article, Category
from projects.models import Park, Project, Sector

_serial = itertools.count(1)


def make_sector(**fields):
    n = next(_serial)
    defaults = {"name_en": f"Sector {n}", "name_zh_hans": f"行业{n}", "slug": f"sector-{n}"}
    return Sector.objects.create(**{**defaults, **fields})


def make_park(**fields):
    n = next(_serial)
    defaults = {
        "name_en": f"Park {n}",
        "name_zh_hans": f"产业园{n}",
        "slug": f"park-{n}",
        "summary_en": f"Summary of park {n}.",
        "summary_zh_hans": f"产业园{n}简介。",
        "status": Park.Status.UNDER_CONSTRUCTION,
        "is_published": True,
        "published_at": timezone.now() - datetime.timedelta(days=1),
    }
    return Park.objects.create(**{**defaults, **fields})


def make_project(**fields):
    n = next(_serial)
    defaults = {
        "name_en": f"Project {n}",
        "name_zh_hans": f"项目{n}",
        "slug": f"project-{n}",
        "summary_en": f"Summary of project {n}.",
        "summary_zh_hans": f"项目{n}简介。",
        "investment_yuan": Decimal(300_000_000),
        "signing_date": datetime.date(2023, 11, 14),
        "is_published": True,
        "published_at": timezone.now() - datetime.timedelta(days=1),
    }
    values = {**defaults, **fields}
    if "sector" not in values:
        values["sector"] = make_sector()
    return Project.objects.create(**values)


def make_category(**fields):
    n = next(_serial)
    defaults = {"name_en": f"Category {n}", "name_zh_hans": f"分类{n}", "slug": f"category-{n}"}
    return Category.objects.create(**{**defaults, **fields})


def make_article(**fields):
    n = next(_serial)
    defaults = {
        "title_en": f"Article {n}",
        "title_zh_hans": f"文章{n}",
        "slug": f"article-{n}",
        "summary_en": f"Summary of article {n}.",
        "summary_zh_hans": f"文章{n}摘要。",
        "body_en": f"<p>Body of article {n}.</p>",
        "body_zh_hans": f"<p>文章{n}正文。</p>",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(hours=n),
    }
    values = {**defaults, **fields}
    if "category" not in values:
        values["category"] = make_category()
    return Article.objects.create(**values)
