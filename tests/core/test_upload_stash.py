"""A file chosen before a validation error is kept for the corrected save, and only for it."""

import os
import time

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from portal.core import upload_stash
from projects.models import ParkImage
from tests.core.test_revisions import change_form_data, staff
from tests.factories import make_park
from tests.projects.helpers import png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def stash_root(settings, tmp_path):
    settings.UPLOAD_STASH_ROOT = str(tmp_path / "stash")
    return tmp_path / "stash"


@pytest.fixture
def editor(client):
    user = staff("editor.li", "Content editors")
    client.force_login(user)
    return user


def park_form_with_a_new_photo(client, park, **overrides):
    url = reverse("admin:projects_park_change", args=[park.pk])
    data = change_form_data(client.get(url))
    data |= {
        "images-TOTAL_FORMS": "1",
        "images-0-alt_text_en": "The forging hall",
        "images-0-alt_text_zh_hans": "锻造车间",
        "images-0-order": "0",
        "images-0-park": str(park.pk),
    }
    return url, data | overrides


def photo():
    return SimpleUploadedFile("forging-hall.png", png_bytes(1600, 900), content_type="image/png")


def test_a_photo_chosen_before_an_error_is_saved_with_the_corrected_form(
    client, editor, stash_root, django_capture_on_commit_callbacks
):
    park = make_park()
    url, data = park_form_with_a_new_photo(client, park, latitude="north")

    failed = client.post(url, data | {"images-0-image": photo()})

    assert failed.status_code == 200
    assert ParkImage.objects.count() == 0
    kept = failed.context["kept_uploads"]
    assert [(k["key"], k["filename"]) for k in kept] == [("images-0-image", "forging-hall.png")]
    content = failed.content.decode()
    assert f'name="images-0-image__kept" value="{kept[0]["token"]}"' in content
    assert "Kept from your last try: forging-hall.png. Choose a file only to replace it." in content
    assert len(os.listdir(stash_root)) == 1

    data["latitude"] = "36.48"
    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(url, data | {"images-0-image__kept": kept[0]["token"]})

    assert saved.status_code == 302, saved.context["error_summary"]
    image = ParkImage.objects.get(park=park)
    assert (image.width, image.height) == (1600, 900)
    assert image.image.name.endswith(".png")
    assert os.listdir(stash_root) == []


def test_a_refused_file_is_not_kept_and_its_error_says_why(client, editor):
    park = make_park()
    url, data = park_form_with_a_new_photo(client, park, latitude="north")
    not_an_image = SimpleUploadedFile("hall.png", b"<svg/>", content_type="image/png")

    failed = client.post(url, data | {"images-0-image": not_an_image})

    assert failed.context["kept_uploads"] == []
    assert "__kept" not in failed.content.decode()
    assert (
        "This file is not an image that can be opened: use a JPEG, PNG or WebP file."
        in failed.content.decode()
    )


def test_a_new_choice_replaces_the_kept_file(client, editor):
    park = make_park()
    url, data = park_form_with_a_new_photo(client, park, latitude="north")
    token = client.post(url, data | {"images-0-image": photo()}).context["kept_uploads"][0]["token"]
    other = SimpleUploadedFile("other.png", png_bytes(1300, 700), content_type="image/png")

    data["latitude"] = "36.48"
    response = client.post(url, data | {"images-0-image__kept": token, "images-0-image": other})

    assert response.status_code == 302
    assert ParkImage.objects.get(park=park).width == 1300


def test_another_editor_cannot_use_the_token(client, editor):
    park = make_park()
    url, data = park_form_with_a_new_photo(client, park, latitude="north")
    token = client.post(url, data | {"images-0-image": photo()}).context["kept_uploads"][0]["token"]

    client.force_login(staff("editor.wang", "Content editors"))
    data["latitude"] = "36.48"
    response = client.post(url, data | {"images-0-image__kept": token})

    assert response.status_code == 200
    assert ParkImage.objects.count() == 0
    summary = response.context["error_summary"]
    assert summary == [
        {
            "where": "Image 1: Image",
            "message": "This field is required.",
            "anchor": "id_images-0-image",
            "link": '<a href="#id_images-0-image">Image 1: Image</a>',
        }
    ]


def test_a_forged_or_expired_token_brings_nothing_back(settings, stash_root):
    user = User.objects.create_user("editor.li")
    request = RequestFactory().post("/")
    request.user = user
    token = upload_stash.keep(request, photo())

    request = RequestFactory().post("/", {"photo__kept": token[:-2] + "xx"})
    request.user = user
    assert upload_stash.restore(request) == []

    settings.UPLOAD_STASH_MAX_AGE = -1
    request = RequestFactory().post("/", {"photo__kept": token})
    request.user = user
    assert upload_stash.restore(request) == []


def test_abandoned_files_are_removed_once_their_token_has_expired(settings, stash_root):
    request = RequestFactory().post("/")
    request.user = User.objects.create_user("editor.li")
    upload_stash.keep(request, photo())
    (old,) = os.listdir(stash_root)
    day_ago = time.time() - 25 * 60 * 60
    os.utime(stash_root / old, (day_ago, day_ago))

    upload_stash.keep(request, photo())

    remaining = os.listdir(stash_root)
    assert len(remaining) == 1
    assert old not in remaining
