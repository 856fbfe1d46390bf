"""Pieces the registry admins share: the thumbnail columns of galleries and their owners."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.core.admin_mixins import thumbnail_html


class ThumbnailInlineMixin:
    readonly_fields = ("thumbnail",)

    @admin.display(description=_("preview"))
    def thumbnail(self, obj):
        return thumbnail_html(obj if obj.pk else None)


class CoverThumbnailMixin:
    """A changelist column with the record's first image, fetched for the whole page at once."""

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("images")

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        return thumbnail_html(obj.cover)
