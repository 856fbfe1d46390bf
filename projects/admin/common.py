"""Pieces every registry admin shares: thumbnail columns and the publish and unpublish actions."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

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


class PublishActionsMixin:
    """Publish or withdraw many records at once; only for staff who may change them."""

    actions = ("publish", "unpublish")

    @admin.action(description=_("Publish the selected items"), permissions=["change"])
    def publish(self, request, queryset):
        count = queryset.filter(is_published=False).update(
            is_published=True, updated_at=timezone.now()
        )
        self.message_user(
            request,
            ngettext("%(count)d item published.", "%(count)d items published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Withdraw the selected items from the site"), permissions=["change"]
    )
    def unpublish(self, request, queryset):
        count = queryset.filter(is_published=True).update(
            is_published=False, updated_at=timezone.now()
        )
        self.message_user(
            request,
            ngettext("%(count)d item withdrawn.", "%(count)d items withdrawn.", count)
            % {"count": count},
            messages.SUCCESS,
        )
