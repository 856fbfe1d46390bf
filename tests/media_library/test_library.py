"""The media library: images and PDFs uploaded once with words in both languages, checked like
every upload, kept in versions, and listed for the rich-text editor's image button."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from reversion.models import Version

from portal.media_library.models import MediaItem
from tests.core.test_revisions import staff
from tests.projects.helpers import png_bytes

pytestmark = pytest.mark.django_db

ADD = "admin:media_library_mediaitem_add"
CHOICES = "admin:media_library_mediaitem_choices"


@pytest.fixture
def editor(client):
    user = staff("editor.li", "Content editors")
    client.force_login(user)
    return user


def photo(name="hall.png", width=1600, height=900):
    return SimpleUploadedFile(name, png_bytes(width, height), content_type="image/png")


def library_image(title_en="Forging hall", alt_en="Presses in the forging hall", **fields):
    item = MediaItem(title_en=title_en, alt_text_en=alt_en, **fields)
    item.image = photo()  # a new upload: stored without metadata, with its renditions
    item.save()
    return item


def test_content_editors_may_keep_the_library():
    editors = Group.objects.get(name="Content editors")
    codenames = set(
        editors.permissions.filter(content_type__app_label="media_library").values_list(
            "codename", flat=True
        )
    )
    assert codenames == {
        "add_mediaitem",
        "change_mediaitem",
        "delete_mediaitem",
        "view_mediaitem",
    }


def test_an_image_with_chinese_words_only_is_added_with_its_renditions_and_a_version(
    client, editor
):
    response = client.post(
        reverse(ADD),
        {"title_zh_hans": "锻造车间", "alt_text_zh_hans": "锻造车间里的压力机", "image": photo()},
    )

    assert response.status_code == 302, response.context["error_summary"]
    item = MediaItem.objects.get()
    assert (item.kind, item.image_width, item.image_height) == ("image", 1600, 900)
    assert item.uploaded_by == editor
    assert item.image.name.startswith("library/")
    assert default_storage.exists(
        item.image.name.replace(".png", "").replace("library/", "library/renditions/") + "-960.jpg"
    )
    assert Version.objects.get_for_object(item).count() == 1


def test_a_pdf_is_added_as_a_document(client, editor):
    pdf = SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan", content_type="application/pdf")
    response = client.post(reverse(ADD), {"title_en": "Park plan", "document": pdf})

    assert response.status_code == 302
    item = MediaItem.objects.get()
    assert item.kind == "document"
    assert item.document.name.endswith(".pdf")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title_en": "Nothing"}, "Choose either an image or a PDF document: one file per item."),
        (
            {"title_en": "Two", "document": "pdf", "image": "png"},
            "Choose either an image or a PDF document: one file per item.",
        ),
        ({"image": "png"}, "Give the item a title, in at least one language."),
        (
            {"title_en": "Hall", "image": "png", "alt_text_en": ""},
            "Say what the image shows, in at least one language.",
        ),
        (
            {"title_en": "Hall", "alt_text_en": "A hall", "image": "svg"},
            "This file is not an image that can be opened: use a JPEG, PNG or WebP file.",
        ),
    ],
)
def test_bad_items_are_refused_with_a_clear_message(client, editor, data, message):
    files = {
        "png": photo(),
        "svg": SimpleUploadedFile("x.png", b"<svg/>", content_type="image/png"),
        "pdf": SimpleUploadedFile("p.pdf", b"%PDF-1.4", content_type="application/pdf"),
    }
    post = {key: files.get(value, value) for key, value in data.items()}

    response = client.post(reverse(ADD), post)

    assert response.status_code == 200
    assert MediaItem.objects.count() == 0
    assert message in [item["message"] for item in response.context["error_summary"]]


def test_the_picker_lists_images_with_a_body_sized_rendition_and_both_alt_texts(client, editor):
    hall = library_image(alt_text_zh_hans="锻造车间里的压力机", title_zh_hans="锻造车间")
    library_image(title_en="Ring rolling", alt_en="A ring rolling mill")
    pdf = MediaItem(title_en="Plan")
    pdf.document.save("plan.pdf", ContentFile(b"%PDF-1.4"), save=False)
    pdf.save()

    response = client.get(reverse(CHOICES), {"q": "锻造"})

    assert response.status_code == 200
    (item,) = response.json()["items"]
    stem = hall.image.name.removeprefix("library/").removesuffix(".png")
    assert item == {
        "id": hall.pk,
        "kind": "image",
        "title": "Forging hall",
        "title_en": "Forging hall",
        "title_zh_hans": "锻造车间",
        "url": hall.image.url,
        "alt_en": "Presses in the forging hall",
        "alt_zh_hans": "锻造车间里的压力机",
        "thumbnail": f"/media/library/renditions/{stem}-480.webp",
        "src": f"/media/library/renditions/{stem}-960.jpg",
        "width": 960,
        "height": 540,
    }
    assert len(client.get(reverse(CHOICES)).json()["items"]) == 2
    assert [
        i["title"] for i in client.get(reverse(CHOICES), {"kind": "document"}).json()["items"]
    ] == ["Plan"]


def test_the_picker_is_for_staff_who_may_see_the_library(client):
    library_image()
    client.force_login(staff("officer.wang", "Enquiry officers"))
    assert client.get(reverse(CHOICES)).status_code == 403
    client.logout()
    assert client.get(reverse(CHOICES)).status_code == 302


def test_a_library_image_and_its_renditions_are_public(client):
    item = library_image()
    stem = item.image.name.removesuffix(".png").replace("library/", "library/renditions/")
    for url in (item.image.url, f"/media/{stem}-960.jpg"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "public, max-age=31536000, immutable"
