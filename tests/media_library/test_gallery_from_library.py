"""A project's or park's gallery row takes its picture from the media library instead of a
file: the row gets its own checked copy with renditions, and the library's alt texts where
its own are empty."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.media_library.models import MediaItem
from projects.models import ParkImage, ProjectImage
from tests.core.test_concurrency import change_form_data
from tests.core.test_revisions import staff
from tests.factories import make_park, make_project
from tests.projects.helpers import png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(staff("editor.li", "Content editors"))


@pytest.fixture
def hall():
    item = MediaItem(
        title_en="Forging hall", alt_text_en="Presses in the hall", alt_text_zh_hans="车间压力机"
    )
    item.image = SimpleUploadedFile("hall.png", png_bytes(1600, 900))
    item.save()
    return item


def new_row(prefix, owner_field, owner, **fields):
    return {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-0-{owner_field}": str(owner.pk),
        f"{prefix}-0-order": "0",
        **{f"{prefix}-0-{name}": value for name, value in fields.items()},
    }


def test_a_project_photo_comes_from_the_library_with_its_alt_texts(client, editor, hall):
    project = make_project()
    url = reverse("admin:projects_project_change", args=[project.pk])
    page = client.get(url)
    assert 'name="images-__prefix__-from_library"' in page.content.decode()

    data = change_form_data(page) | new_row(
        "images", "project", project, from_library=str(hall.pk), alt_text_en="Our own words"
    )
    response = client.post(url, data)

    assert response.status_code == 302, response.context["error_summary"]
    image = ProjectImage.objects.get(project=project)
    assert (image.alt_text_en, image.alt_text_zh_hans) == ("Our own words", "车间压力机")
    assert (image.width, image.height) == (1600, 900)
    assert image.image.name != hall.image.name
    hall.delete()
    assert image.image.storage.exists(image.image.name)


def test_a_park_photo_comes_from_the_library(client, editor, hall):
    park = make_park()
    url = reverse("admin:projects_park_change", args=[park.pk])
    data = change_form_data(client.get(url)) | new_row(
        "images", "park", park, from_library=str(hall.pk)
    )

    response = client.post(url, data)

    assert response.status_code == 302, response.context["error_summary"]
    image = ParkImage.objects.get(park=park)
    assert image.alt_text_en == "Presses in the hall"


def test_a_row_with_neither_file_nor_library_image_still_needs_one(client, editor):
    project = make_project()
    url = reverse("admin:projects_project_change", args=[project.pk])
    data = change_form_data(client.get(url)) | new_row(
        "images", "project", project, alt_text_en="A hall", alt_text_zh_hans="车间"
    )

    response = client.post(url, data)

    assert response.status_code == 200
    summary = response.context["error_summary"]
    assert [(item["anchor"], item["message"]) for item in summary] == [
        ("id_images-0-image", "This field is required.")
    ]
    assert ProjectImage.objects.count() == 0


def test_an_article_cover_comes_from_the_library(client, editor, hall):
    from portal.news.models import Article
    from tests.factories import make_category

    response = client.post(
        reverse("admin:news_article_add"),
        {
            "title_en": "Signing news",
            "slug": "signing-news",
            "summary_en": "A summary.",
            "category": make_category().pk,
            "status": "draft",
            "published_at_0": "2026-12-01",
            "published_at_1": "09:00:00",
            "from_library": str(hall.pk),
        },
    )

    assert response.status_code == 302, response.context["error_summary"]
    article = Article.objects.get(slug="signing-news")
    assert (article.cover_width, article.cover_height) == (1600, 900)
    assert (article.cover_alt_en, article.cover_alt_zh_hans) == (
        "Presses in the hall",
        "车间压力机",
    )
