"""Image renditions: made once per upload, through the storage, and rendered with no I/O."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.template import Context, Template
from PIL import Image

from portal.core import renditions
from portal.news.models import Article
from projects.models import ParkImage, ProjectImage
from tests.factories import make_article, make_park, make_project

pytestmark = pytest.mark.django_db


def upload(width=2000, height=1000, image_format="JPEG", mode="RGB", color="darkslategray"):
    buffer = io.BytesIO()
    Image.new(mode, (width, height), color).save(buffer, format=image_format)
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[image_format]
    return SimpleUploadedFile(f"photo.{extension}", buffer.getvalue())


def stored_size(name):
    with default_storage.open(name) as file, Image.open(file) as image:
        return image.format, image.size


@pytest.mark.parametrize(
    ("width", "expected"),
    [(2000, (480, 960, 1440)), (1440, (480, 960, 1440)), (1200, (480, 960, 1200)), (300, (300,))],
)
def test_widths_never_enlarge_the_original(width, expected):
    assert renditions.widths_for(width) == expected


def test_names_follow_from_the_original_name():
    assert renditions.rendition_name("projects/ab12.png", 480, "webp") == (
        "projects/renditions/ab12-480.webp"
    )


def test_an_upload_gets_webp_and_jpeg_renditions_at_each_width():
    image = ProjectImage.objects.create(project=make_project(), image=upload(), alt_text_en="Line")
    stem = image.image.name.rsplit("/", 1)[1].rsplit(".", 1)[0]
    for width, height in ((480, 240), (960, 480), (1440, 720)):
        assert stored_size(f"projects/renditions/{stem}-{width}.webp") == ("WEBP", (width, height))
        assert stored_size(f"projects/renditions/{stem}-{width}.jpg") == ("JPEG", (width, height))


def test_a_transparent_png_gets_a_white_jpeg_background():
    image = ParkImage.objects.create(
        park=make_park(), image=upload(600, 300, "PNG", "RGBA", (0, 0, 0, 0)), alt_text_en="Site"
    )
    name = renditions.rendition_name(image.image.name, 480, "jpg")
    with default_storage.open(name) as file, Image.open(file) as jpeg:
        assert jpeg.getpixel((10, 10)) == (255, 255, 255)


def test_renditions_are_made_once_not_at_every_save(monkeypatch):
    calls = []
    original = renditions.make_renditions
    monkeypatch.setattr(
        renditions, "make_renditions", lambda f: calls.append(f.name) or original(f)
    )
    image = ProjectImage.objects.create(project=make_project(), image=upload(), alt_text_en="Line")
    assert calls == [image.image.name]
    image.caption_en = "The new forging line"
    image.save()
    ProjectImage.objects.get(pk=image.pk).save()
    assert len(calls) == 1
    image.image = upload(800, 600)
    image.save()
    assert calls == [calls[0], image.image.name]


def test_news_covers_get_renditions_too():
    article = make_article(cover=upload(1000, 500), cover_alt_en="The signing ceremony")
    assert default_storage.exists(renditions.rendition_name(article.cover.name, 960, "webp"))


def render(field_file, alt="Forging line", extra=""):
    template = Template(
        "{% load images %}{% picture image alt sizes='(min-width: 60rem) 50vw, 100vw' "
        + extra
        + " %}"
    )
    return template.render(Context({"image": field_file, "alt": alt}))


def stored_image(**kwargs):
    """An uploaded image as a page gets it: loaded from the database, dimensions included."""
    image = ProjectImage.objects.create(
        project=make_project(), image=upload(**kwargs), alt_text_en="Line"
    )
    return ProjectImage.objects.get(pk=image.pk)


def test_picture_lists_every_rendition_with_width_and_height():
    image = stored_image()
    stem = image.image.name.rsplit("/", 1)[1].rsplit(".", 1)[0]
    base = f"/media/projects/renditions/{stem}"
    assert render(image.image, alt='Rings & "races"') == (
        '<picture><source type="image/webp" '
        f'srcset="{base}-480.webp 480w, {base}-960.webp 960w, {base}-1440.webp 1440w" '
        'sizes="(min-width: 60rem) 50vw, 100vw">'
        f'<img src="{base}-960.jpg" '
        f'srcset="{base}-480.jpg 480w, {base}-960.jpg 960w, {base}-1440.jpg 1440w" '
        'sizes="(min-width: 60rem) 50vw, 100vw" width="1440" height="720" '
        'alt="Rings &amp; &quot;races&quot;" loading="lazy" decoding="async"></picture>'
    )


def test_picture_takes_priority_and_class_for_the_opening_image():
    image = stored_image()
    html = render(image.image, extra='loading="eager" fetchpriority="high" css_class="hero-image"')
    assert 'loading="eager" decoding="async" class="hero-image" fetchpriority="high">' in html


def test_picture_needs_no_query_and_no_storage_call(django_assert_num_queries, monkeypatch):
    loaded = stored_image()

    def forbidden(*args, **kwargs):
        raise AssertionError("storage touched while rendering")

    storage = loaded.image.storage
    for method in ("open", "exists", "size", "listdir", "save", "get_modified_time"):
        monkeypatch.setattr(storage, method, forbidden)
    with django_assert_num_queries(0):
        html = render(loaded.image)
    assert html.startswith("<picture>")


def test_picture_of_a_narrow_image_offers_its_own_width():
    image = stored_image(width=300, height=200)
    html = render(image.image)
    assert html.count(" 300w") == 2
    assert 'width="300" height="200"' in html
    assert "480w" not in html


def test_picture_falls_back_to_the_original_when_its_size_is_unknown():
    loaded = stored_image()
    loaded.width = loaded.height = None
    assert render(loaded.image) == (
        f'<img src="/media/{loaded.image.name}" alt="Forging line" loading="lazy" decoding="async">'
    )


def test_picture_of_an_empty_field_is_empty():
    assert render(Article(title_en="No cover").cover) == ""


def test_make_renditions_backfills_missing_ones_only():
    image = ProjectImage.objects.create(project=make_project(), image=upload(), alt_text_en="Line")
    lost = renditions.rendition_name(image.image.name, 960, "webp")
    default_storage.delete(lost)
    out = io.StringIO()
    call_command("make_renditions", stdout=out)
    assert default_storage.exists(lost)
    assert "1 images checked, renditions made for 1, 0 could not be read." in out.getvalue()
    out = io.StringIO()
    call_command("make_renditions", stdout=out)
    assert "renditions made for 0" in out.getvalue()
