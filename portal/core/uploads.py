"""Safe uploads: images and PDFs are checked by their content, stored under random names,
and images are re-encoded so that no EXIF or GPS data reaches the public.

Every model with an upload uses these fields, so news and the registry share one set of rules.
The fields own what follows from a stored file: an image makes its renditions when it stores a
new upload, and both fields remove the files a committed change replaced or deleted
(`portal.core.stored_files`) from every model they are added to.
"""

import io
import os
import struct
import uuid
import warnings

from django import forms
from django.apps import apps as global_apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from portal.core import renditions, stored_files

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}

# Pillow refuses to open images beyond this many pixels (decompression bombs).
Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS


@deconstructible
class RandomName:
    """Stores uploads as `<folder>/<random hex>.<ext>`: names reveal nothing and never collide."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        extension = os.path.splitext(filename)[1].lower().lstrip(".")
        extension = "".join(c for c in extension if c.isalnum())[:5] or "bin"
        return f"{self.folder}/{uuid.uuid4().hex}.{extension}"

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.folder == self.folder


def _checked_file(upload):
    """The uploaded file itself, whether given as it came from the form or through the model's
    field file, so that one upload is decoded once however many checks ask."""
    return upload.file if isinstance(upload, FieldFile) else upload


def _read_image(upload):
    """The upload's format, after its pixels decoded in full within the limits; a truncated or
    corrupt file is refused here rather than failing later, when it is re-encoded."""
    checked = _checked_file(upload)
    known = getattr(checked, "portal_image_format", None)
    if known is not None:
        return known
    if upload.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is larger than %(limit)d MB.") % {"limit": MAX_IMAGE_BYTES // 2**20},
            code="too_large",
        )
    try:
        # Pillow judges the size the file declares before decoding a pixel. Between the limit
        # and twice it Pillow only warns; here that is a refusal too.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            with Image.open(upload) as image:
                image_format = image.format
                # Checksums and structure (a PNG's chunks), which decoding alone may skip.
                image.verify()
            if image_format not in IMAGE_FORMATS:
                raise ValidationError(
                    _("Only JPEG, PNG and WebP images are accepted."), code="invalid_image_format"
                )
            upload.seek(0)
            with Image.open(upload) as image:
                # verify() does not decode JPEG data: a truncated file passes it.
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(
            _("The image has too many pixels (at most %(limit)d million).")
            % {"limit": MAX_IMAGE_PIXELS // 1_000_000},
            code="too_many_pixels",
        ) from exc
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
        struct.error,
    ) as exc:
        raise ValidationError(
            _("This file is not an image that can be opened: use a JPEG, PNG or WebP file."),
            code="invalid_image",
        ) from exc
    finally:
        upload.seek(0)
    checked.portal_image_format = image_format
    return image_format


def _already_stored(upload):
    """A file kept from an earlier save was checked when it was uploaded, and Django may have
    closed it since; only new uploads are read."""
    return getattr(upload, "_committed", False)


def validate_image(upload):
    if not _already_stored(upload):
        _read_image(upload)


def validate_pdf(upload):
    if _already_stored(upload):
        return
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The document is larger than %(limit)d MB.") % {"limit": MAX_DOCUMENT_BYTES // 2**20},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise ValidationError(_("Only PDF documents are accepted."), code="invalid_pdf")


def strip_metadata(upload):
    """The image re-encoded from its pixels alone, so EXIF, GPS and comments are gone."""
    image_format = _read_image(upload)
    with Image.open(upload) as image:
        # Turn the pixels the way the camera meant before its orientation tag is dropped.
        clean = ImageOps.exif_transpose(image)
        if image_format == "JPEG" and clean.mode not in ("RGB", "L"):
            clean = clean.convert("RGB")
        clean.info = {}
        buffer = io.BytesIO()
        options = {"quality": 88, "optimize": True} if image_format in ("JPEG", "WEBP") else {}
        clean.save(buffer, format=image_format, **options)
    upload.seek(0)
    extension = IMAGE_FORMATS[image_format]
    # Named, so that the image field reads the new width and height from it on save.
    return ContentFile(buffer.getvalue(), name=f"upload.{extension}"), extension


class SafeImageFormField(forms.ImageField):
    """Runs the portal's checks before Django's own, which would answer an image with too many
    pixels (or of a refused format) with a vague "not a valid image" message."""

    def to_python(self, data):
        if data not in self.empty_values and hasattr(data, "size"):
            _read_image(data)
        return super().to_python(data)


class StoredFilesCleanUp:
    """Connects the stored-file clean-up to each concrete model the field is added to (not to
    abstract bases, nor to the historical models of migrations)."""

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        if not cls._meta.abstract and cls._meta.apps is global_apps:
            stored_files.watch(cls)


class SafeImageField(StoredFilesCleanUp, models.ImageField):
    """An image checked by its content, stored under a random name, with its metadata removed."""

    default_validators = [validate_image]

    def __init__(self, *args, folder="images", **kwargs):
        kwargs.setdefault("upload_to", RandomName(folder))
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            clean, extension = strip_metadata(file)
            file.save(f"upload.{extension}", clean, save=False)
            # The stored name is final here, and the renditions are named after it.
            renditions.make_renditions(file)
        return super().pre_save(model_instance, add)

    @staticmethod
    def stored_names(name, width):
        """The original and its renditions at the width it was stored with (the standard
        widths when that was not kept)."""
        return [name, *renditions.rendition_names(name, width or renditions.WIDTHS[-1])]


class PdfField(StoredFilesCleanUp, models.FileField):
    """A PDF document, checked by its magic bytes, stored under a random name ending in .pdf."""

    default_validators = [validate_pdf]

    def __init__(self, *args, folder="documents", **kwargs):
        kwargs.setdefault("upload_to", RandomName(folder))
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def generate_filename(self, instance, filename):
        # The content is a PDF whatever the uploaded name said, so the stored name says so too.
        return super().generate_filename(instance, "document.pdf")

    @staticmethod
    def stored_names(name, width):
        return [name]
