"""Every public page makes as many queries with 30 projects and articles as with 3.

The pages are found by walking the URLconf, so a page added later joins by itself: pages
without arguments are requested as they are, pages with arguments through the
`get_absolute_url` of a content object that leads to them. Each page's exact budget is pinned
by its own app's tests; this one proves that no page grows with the content.
"""

import datetime
import io
from decimal import Decimal

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import translation
from PIL import Image

from projects.models import ClusterFigure, Milestone, Partner, ProjectImage
from tests.factories import make_article, make_park, make_project

pytestmark = pytest.mark.django_db

# Not pages of the public site: the admin, the health checks and uploaded files.
SKIPPED_NAMESPACES = {"admin"}
SKIPPED_NAMES = {"health", "health_live"}
LANGUAGES = ("en", "zh-hans")


def _jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (600, 400), "steelblue").save(buffer, format="JPEG")
    return SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")


def add_content(count):
    """`count` published projects, parks, articles, figures and partners, all linked up."""
    for n in range(count):
        park = make_park()
        project = make_project(park=park, is_featured=n % 2 == 0)
        ProjectImage.objects.create(project=project, image=_jpeg(), alt_text_en=f"Line {n}")
        Milestone.objects.create(project=project, date=datetime.date(2024, 1, 1), title_en="Start")
        article = make_article()
        article.projects.add(project)
        article.parks.add(park)
        ClusterFigure.objects.create(
            label_en=f"Figure {n}", value=Decimal(n), source="County", as_of=datetime.date.today()
        )
        Partner.objects.create(
            organisation_en=f"Partner {n}",
            agreement_en="Cooperation",
            signed_on=datetime.date.today(),
        )


def _walk(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name and entry.name not in SKIPPED_NAMES:
            yield entry, f"{namespace}{entry.name}"


def page_urls():
    """Every public page: those without arguments, and one object's page per detail route."""
    urls = {}
    for entry, name in _walk(get_resolver().url_patterns):
        if entry.pattern.regex.groups == 0:
            urls[name] = reverse(name)
    for model in apps.get_models():
        if model._meta.app_label not in settings.CONTENT_APPS or not hasattr(
            model, "get_absolute_url"
        ):
            continue
        queryset = model._default_manager.all()
        if hasattr(queryset, "published"):
            queryset = queryset.published()
        obj = queryset.order_by("pk").first()
        if obj is not None:
            url = obj.get_absolute_url()
            urls.setdefault(resolve(url).view_name, url)
    return urls


def count_queries(client, urls):
    """Queries per page with a cold cache, so that a page's own caching does not hide growth."""
    cache.clear()
    counts = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code < 500, f"{url} answered {response.status_code}"
        # A redirect is another answer, not the page (the park comparison opens two or three
        # parks side by side by a redirect, and shows its picker for more).
        counts[name] = len(queries) if response.status_code == 200 else None
    return counts


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_makes_more_queries_with_more_content(client, settings, language):
    settings.PAGE_CACHE_SECONDS = 0
    add_content(3)
    with translation.override(language):
        urls = page_urls()
    # The shell and both registries at least; new pages only add to these.
    assert {
        "home",
        "projects:project_list",
        "projects:project_detail",
        "news:article_list",
        "news:article_detail",
        "projects:park_detail",
    } <= set(urls)
    few = count_queries(client, urls)
    add_content(27)
    many = count_queries(client, urls)
    grown = {
        name: (few[name], many[name])
        for name in urls
        if None not in (few[name], many[name]) and many[name] != few[name]
    }
    assert not grown, f"pages whose queries grow with the content (3 -> 30 items): {grown}"
