"""An image row or cover from the media library instead of a file: the form takes the library's
image as if it had been chosen, so it is checked, stored under a name of its own and given its
renditions like any upload, and its empty alternative texts are filled from the library item's.
The row then owns its copy: the library item may change or go without the page losing it.
"""

import os

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from portal.core.revisions import NormalisedTextForm

from .models import MediaItem

LANGUAGE_SUFFIXES = ("en", "zh_hans")


class LibraryImageChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


def _upload_of(item):
    return UploadedFile(
        file=item.image.open("rb"),
        name=os.path.basename(item.image.name),
        content_type="application/octet-stream",
        size=item.image.size,
    )


class LibraryImageForm(NormalisedTextForm):
    """`image_field` and `alt_field` name the row's image and its translated alt text."""

    image_field = "image"
    alt_field = "alt_text"

    from_library = LibraryImageChoice(
        queryset=MediaItem.objects.filter(kind=MediaItem.Kind.IMAGE),
        required=False,
        label=_("or from the media library"),
        help_text=_(
            "Instead of choosing a file: the library's image is copied here, with its "
            "alternative texts where these are empty."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            return
        chosen = self.data.get(self.add_prefix("from_library"), "")
        image_key = self.add_prefix(self.image_field)
        if not chosen.isdigit() or self.files.get(image_key):
            return
        item = MediaItem.objects.filter(kind=MediaItem.Kind.IMAGE, pk=chosen).first()
        if item is None:
            return
        files = self.files.copy()
        files[image_key] = _upload_of(item)
        self.files = files
        data = self.data.copy()
        for code in LANGUAGE_SUFFIXES:
            name = f"{self.alt_field}_{code}"
            if name in self.fields and not data.get(self.add_prefix(name)):
                data[self.add_prefix(name)] = getattr(item, f"alt_text_{code}") or ""
        self.data = data


class LibraryImageInlineMixin:
    """For an inline of images (a project's, a park's gallery): each row may take its image
    from the media library. Placed first in the inline's bases."""

    form = LibraryImageForm

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if "from_library" not in fields and "image" in fields:
            fields.insert(fields.index("image") + 1, "from_library")
        return fields
