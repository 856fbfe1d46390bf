"""Uploads are judged by their content, cleaned of metadata and stored under random names."""

import io
import re
import struct
import zlib

import pytest
from django.contrib.admin import ModelAdmin
from django.contrib.admin.sites import AdminSite
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.utils import translation
from PIL import Image

from portal.core.uploads import validate_image, validate_pdf
from projects.models import ParkDocument, ParkImage, ProjectDocument, ProjectImage
from tests.factories import make_park, make_project

GPS_IFD = 0x8825


@pytest.fixture(autouse=True)
def _english():
    """The messages are asserted in English whatever language an earlier request left active."""
    with translation.override("en"):
        yield


RANDOM_STORED_NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|png|webp|pdf)$")


def jpeg_with_gps(size=(64, 48)):
    image = Image.new("RGB", size, (200, 40, 40))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x0131] = "Secret Editor 1.0"  # Software
    exif[GPS_IFD] = {1: "N", 2: (36.0, 29.0, 3.0), 3: "E", 4: (115.0, 26.0, 41.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, comment=b"taken at the county office")
    return buffer.getvalue()


def image_bytes(image_format, size=(32, 32), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size, 128).save(buffer, image_format)
    return buffer.getvalue()


def png_declaring(width, height):
    """A tiny PNG file whose header claims the given size: a decompression bomb's signature."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def truncated_jpeg():
    """The first half of a photo: Pillow reads its header and verify() passes it."""
    image = Image.effect_noise((400, 300), 64).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    return data[: len(data) // 2]


def png_with_a_broken_chunk():
    """A real PNG with one byte of its image data flipped, so that the chunk's checksum fails."""
    data = bytearray(image_bytes("PNG", size=(64, 64)))
    start = data.index(b"IDAT") + 8
    data[start] ^= 0xFF
    return bytes(data)


# Files the admin must answer with a form error: (name, content).
CORRUPT_IMAGES = {
    "truncated JPEG": ("photo.jpg", truncated_jpeg()),
    "PNG with a broken chunk": ("plan.png", png_with_a_broken_chunk()),
    "zero bytes": ("empty.jpg", b""),
    "PDF that is not a PDF, as an image": ("brochure.pdf", b"%PDF-1.4\n<html><script>x</script>"),
}
CORRUPT_DOCUMENTS = {
    "truncated JPEG": ("photo.jpg", truncated_jpeg()),
    "zero bytes": ("empty.pdf", b""),
    "PDF that is not a PDF": ("brochure.pdf", b"<html><script>alert(1)</script></html>"),
}


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def error_code(validator, file):
    with pytest.raises(ValidationError) as caught:
        validator(file)
    return caught.value.code, " ".join(caught.value.messages)


# --- the validators --------------------------------------------------------------------------


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_real_images_of_the_allowed_formats_pass(image_format):
    validate_image(upload(f"photo.{image_format.lower()}", image_bytes(image_format)))


def test_a_text_file_named_jpg_is_rejected():
    code, message = error_code(validate_image, upload("photo.jpg", b"just some text\n" * 20))
    assert code == "invalid_image"
    assert message == "This file is not an image that can be opened: use a JPEG, PNG or WebP file."


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("logo.gif", image_bytes("GIF", mode="P")),
        # A GIF wearing a .jpg name is still judged by what it is.
        ("logo.jpg", image_bytes("GIF", mode="P")),
        ("icon.bmp", image_bytes("BMP")),
        ("scan.tiff", image_bytes("TIFF")),
    ],
)
def test_images_of_other_formats_are_rejected_whatever_their_name(name, content):
    code, message = error_code(validate_image, upload(name, content))
    assert code == "invalid_image_format"
    assert message == "Only JPEG, PNG and WebP images are accepted."


def test_an_svg_is_rejected_because_it_can_carry_script():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    for name in ("logo.svg", "logo.png"):
        code, _ = error_code(validate_image, upload(name, svg, "image/svg+xml"))
        assert code == "invalid_image"


@pytest.mark.parametrize("size", [(20_000, 20_000), (7_000, 7_000), (1_000_000, 41)])
def test_decompression_bombs_are_rejected_by_their_declared_size(size):
    bomb = png_declaring(*size)
    assert len(bomb) < 200
    code, message = error_code(validate_image, upload("bomb.png", bomb))
    assert code == "too_many_pixels"
    assert message == "The image has too many pixels (at most 40 million)."


def test_an_image_over_the_byte_limit_is_rejected(monkeypatch):
    monkeypatch.setattr("portal.core.uploads.MAX_IMAGE_BYTES", 2**20)
    oversized = image_bytes("PNG") + b"\0" * 2**20
    code, message = error_code(validate_image, upload("big.png", oversized))
    assert code == "too_large"
    assert message == "The image is larger than 1 MB."


@pytest.mark.parametrize("case", list(CORRUPT_IMAGES))
def test_a_truncated_or_corrupt_image_is_refused_before_it_is_re_encoded(case):
    name, content = CORRUPT_IMAGES[case]
    code, message = error_code(validate_image, upload(name, content))
    assert code == "invalid_image"
    assert message == "This file is not an image that can be opened: use a JPEG, PNG or WebP file."


def test_the_truncated_jpeg_really_passes_pillows_verify():
    with Image.open(io.BytesIO(truncated_jpeg())) as image:
        image.verify()


def test_an_upload_is_decoded_once_however_many_checks_ask(monkeypatch):
    from portal.core import uploads

    decoded = []
    real_load = Image.Image.load

    def counting_load(image):
        decoded.append(image)
        return real_load(image)

    monkeypatch.setattr(Image.Image, "load", counting_load)
    photo = upload("photo.png", image_bytes("PNG"))
    for _ in range(3):
        assert uploads._read_image(photo) == "PNG"
    opened = len(decoded)
    assert uploads._read_image(photo) == "PNG"
    assert len(decoded) == opened


def test_pdfs_are_judged_by_their_magic_bytes():
    validate_pdf(upload("plan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"))
    for content in (b"<html><script>alert(1)</script></html>", b"PK\x03\x04zip", b""):
        code, message = error_code(validate_pdf, upload("plan.pdf", content))
        assert code == "invalid_pdf"
        assert message == "Only PDF documents are accepted."


def test_a_pdf_over_the_size_limit_is_rejected(monkeypatch):
    monkeypatch.setattr("portal.core.uploads.MAX_DOCUMENT_BYTES", 10)
    code, _ = error_code(validate_pdf, upload("plan.pdf", b"%PDF-1.7 and more bytes"))
    assert code == "too_large"


# --- saving ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_saved_jpeg_loses_its_exif_gps_and_comment_but_keeps_its_pixels():
    original = jpeg_with_gps()
    with Image.open(io.BytesIO(original)) as image:
        assert GPS_IFD in image.getexif()  # the fixture really carries GPS data
    stored = ProjectImage.objects.create(
        project=make_project(), image=upload("IMG_2041 home.jpg", original), alt_text_en="A hall"
    )
    data = stored.image.read()
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert image.size == (64, 48)
        assert len(image.getexif()) == 0
        assert "exif" not in image.info and "comment" not in image.info
    assert b"Secret Editor" not in data and b"county office" not in data
    assert (stored.width, stored.height) == (64, 48)


@pytest.mark.django_db
def test_stored_names_are_random_and_reveal_nothing_of_the_upload():
    park = make_park()
    names = set()
    for _ in range(3):
        stored = ParkImage.objects.create(
            park=park, image=upload("Zhang Wei passport.png", image_bytes("PNG")), alt_text_en="x"
        )
        folder, name = stored.image.name.rsplit("/", 1)
        assert folder == "parks"
        assert RANDOM_STORED_NAME.match(name)
        names.add(name)
    assert len(names) == 3


@pytest.mark.django_db
def test_a_png_named_jpg_is_stored_under_its_real_format():
    stored = ParkImage.objects.create(
        park=make_park(), image=upload("photo.jpg", image_bytes("PNG")), alt_text_en="x"
    )
    assert stored.image.name.endswith(".png")


@pytest.mark.django_db
def test_a_document_is_stored_as_pdf_whatever_its_uploaded_name():
    stored = ProjectDocument.objects.create(
        project=make_project(), title_en="Plan", file=upload("plan.html", b"%PDF-1.7\n")
    )
    folder, name = stored.file.name.rsplit("/", 1)
    assert folder == "documents/projects"
    assert RANDOM_STORED_NAME.match(name) and name.endswith(".pdf")


# --- through the admin's forms: every rejection is a form error, never a 500 ------------------


def admin_form(model, data, files):
    request = RequestFactory().get("/")
    form_class = ModelAdmin(model, AdminSite()).get_form(request)
    return form_class(data=data, files=files)


BAD_IMAGES = {
    "photo.jpg": (b"not an image at all", "This file is not an image that can be opened"),
    "logo.gif": (image_bytes("GIF", mode="P"), "Only JPEG, PNG and WebP images are accepted."),
    "logo.svg": (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "not an image that can be opened"),
    "bomb.png": (png_declaring(30_000, 30_000), "The image has too many pixels"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(BAD_IMAGES))
def test_the_admin_image_form_answers_a_bad_image_with_a_clear_error(name):
    content, expected = BAD_IMAGES[name]
    park = make_park()
    form = admin_form(
        ParkImage,
        {
            "park": park.pk,
            "alt_text": "Hall",
            "alt_text_en": "Hall",
            "alt_text_zh_hans": "厂房",
            "order": 0,
        },
        {"image": upload(name, content)},
    )
    assert not form.is_valid()
    assert list(form.errors) == ["image"]
    assert expected in " ".join(form.errors["image"])
    assert not ParkImage.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(CORRUPT_IMAGES))
def test_the_admin_image_form_answers_a_corrupt_image_in_the_editors_language(case):
    name, content = CORRUPT_IMAGES[case]
    data = {
        "park": make_park().pk,
        "alt_text": "Hall",
        "alt_text_en": "Hall",
        "alt_text_zh_hans": "厂房",
        "order": 0,
    }
    with translation.override("zh-hans"):
        form = admin_form(ParkImage, data, {"image": upload(name, content)})
        assert not form.is_valid()
        errors = [str(error) for error in form.errors["image"]]
    assert list(form.errors) == ["image"]
    assert errors == ["此文件不是可打开的图片：请使用 JPEG、PNG 或 WebP 文件。"]
    assert not ParkImage.objects.exists()


@pytest.mark.django_db
def test_the_admin_image_form_accepts_a_real_photo_and_strips_it():
    form = admin_form(
        ParkImage,
        {
            "park": make_park().pk,
            "alt_text": "Hall",
            "alt_text_en": "Hall",
            "alt_text_zh_hans": "厂房",
            "order": 0,
        },
        {"image": upload("hall.jpg", jpeg_with_gps(), "image/jpeg")},
    )
    assert form.is_valid(), form.errors
    stored = form.save()
    with Image.open(stored.image.path) as image:
        assert len(image.getexif()) == 0


@pytest.mark.django_db
def test_the_admin_document_form_answers_a_fake_pdf_with_a_clear_error():
    form = admin_form(
        ParkDocument,
        {
            "park": make_park().pk,
            "title": "Plan",
            "title_en": "Plan",
            "title_zh_hans": "规划",
            "order": 0,
        },
        {"file": upload("plan.pdf", b"MZ\x90\x00 an executable")},
    )
    assert not form.is_valid()
    assert form.errors["file"] == ["Only PDF documents are accepted."]
    assert not ParkDocument.objects.exists()


@pytest.mark.django_db
def test_saving_again_with_a_stored_image_and_document_keeps_them(tmp_path):
    """A file kept from an earlier save is not read again (Django may have closed it)."""
    project = make_project()
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#0b3d5c").save(buffer, format="PNG")
    image = ProjectImage.objects.create(
        project=project, alt_text_en="A ring", image=SimpleUploadedFile("r.png", buffer.getvalue())
    )
    document = ProjectDocument.objects.create(
        project=project, title_en="Brochure", file=SimpleUploadedFile("b.pdf", b"%PDF-1.4\n%%EOF")
    )
    for stored in (
        ProjectImage.objects.get(pk=image.pk),
        ProjectDocument.objects.get(pk=document.pk),
    ):
        # As ImageField leaves it after reading the dimensions: opened, then closed.
        field_file = stored.image if isinstance(stored, ProjectImage) else stored.file
        field_file.open("rb")
        field_file.close()
        stored.full_clean()
        stored.save()
    assert ProjectImage.objects.get(pk=image.pk).image.name == image.image.name
