"""Whatever staff type into any text field comes out escaped on every public page.

Every editable text field of a published project, park, sector, article and category (and of
the milestones, costs, images, documents, figures and partners they show) holds an XSS payload
in both languages; every public route is then visited with every object's slug.
"""

import datetime
import io
import itertools
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client
from PIL import Image

from portal.news.models import Article, Category
from projects.models import (
    ClusterFigure,
    Milestone,
    Park,
    ParkCost,
    ParkDocument,
    ParkImage,
    Partner,
    Project,
    ProjectDocument,
    ProjectImage,
    Sector,
)
from tests.factories import make_article, make_category, make_park, make_project, make_sector

from .urlconf import fill, placeholders, public_routes

pytestmark = pytest.mark.django_db

PAYLOAD = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>"
SHORT_PAYLOAD = "<s>XSS</s>"
# What a page would contain if a payload had not been escaped (or a link not checked).
SHOWN_UNESCAPED = ["<script>alert(1)", "<img src=x onerror", "<s>XSS</s>", '="javascript:']
_serial = itertools.count(1)


def hostile_text(model, skip=()):
    """An XSS payload for every editable text field of `model`, sized to fit the column."""
    values = {}
    for field in model._meta.concrete_fields:
        if field.name in skip or not field.editable or field.choices or field.primary_key:
            continue
        if isinstance(field, models.SlugField):
            values[field.name] = f"xss-{next(_serial)}"
        elif isinstance(field, models.URLField):
            # Passes the admin's URL validation (a javascript: address would not).
            values[field.name] = 'https://example.cn/"><script>alert(1)</script>'
            field.run_validators(values[field.name])
        elif isinstance(field, models.EmailField):
            values[field.name] = '"><script>alert(1)</script>@example.cn'
        elif isinstance(field, (models.CharField, models.TextField)):
            fits = field.max_length is None or field.max_length >= len(PAYLOAD)
            values[field.name] = PAYLOAD if fits else SHORT_PAYLOAD[: field.max_length]
    return values


def required_values(model):
    """Plain values for the required non-text fields of a model without a factory."""
    values = {}
    for field in model._meta.concrete_fields:
        if field.primary_key or field.null or field.has_default() or not field.editable:
            continue
        if isinstance(field, models.DecimalField):
            values[field.name] = Decimal(1)
        elif isinstance(field, models.IntegerField):
            values[field.name] = 1
        elif isinstance(field, models.DateField):
            values[field.name] = datetime.date(2024, 1, 1)
    return values


def make_with_payloads(model, **given):
    values = {**required_values(model), **hostile_text(model, skip=given), **given}
    return model.objects.create(**values)


def pdf():
    return SimpleUploadedFile("plan.pdf", b"%PDF-1.7\n")


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 20, 30)).save(buffer, "PNG")
    return SimpleUploadedFile("hall.png", buffer.getvalue())


@pytest.fixture
def hostile_content():
    sector = make_sector(**hostile_text(Sector))
    park = make_park(**hostile_text(Park))
    park.sectors.add(sector)
    project = make_project(sector=sector, park=park, **hostile_text(Project))
    category = make_category(**hostile_text(Category))
    article = make_article(category=category, **hostile_text(Article))
    article.projects.add(project)
    article.parks.add(park)
    make_with_payloads(Milestone, project=project)
    make_with_payloads(ParkCost, park=park)
    make_with_payloads(ClusterFigure)
    make_with_payloads(Partner)
    make_with_payloads(ProjectImage, project=project, image=png())
    make_with_payloads(ParkImage, park=park, image=png())
    make_with_payloads(ProjectDocument, project=project, file=pdf())
    make_with_payloads(ParkDocument, park=park, file=pdf())
    return [project.slug, park.slug, sector.slug, article.slug, category.slug]


def test_every_staff_text_renders_escaped_on_every_public_page(hostile_content):
    urls = []
    for route in public_routes():
        if route.startswith("/media/"):
            continue
        if placeholders(route):
            urls += [fill(route, slug) for slug in hostile_content]
        else:
            urls.append(route)
    client = Client()
    shown = {}
    for url in urls:
        response = client.get(url)
        # 400: a download that needs its inputs (the cost estimate's CSV) says so in plain text.
        assert response.status_code in (200, 400, 404, 405), url
        if response.status_code == 200 and "html" in response["Content-Type"]:
            shown[url] = response.content.decode()
    problems = [
        f"{url} shows {needle!r}"
        for url, body in shown.items()
        for needle in SHOWN_UNESCAPED
        if needle in body
    ]
    assert problems == []
    # The payloads did reach the pages, escaped: the test looks where the content is.
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    detail_pages = [url for url in shown if any(slug in url for slug in hostile_content)]
    assert len(detail_pages) >= 2 * 3  # project, park and article pages in both languages
    for url in detail_pages:
        if "/news/category/" not in url:
            assert escaped in shown[url], url
