"""The media library in the admin: upload once, find by title in either language, pick from
the rich-text editor (`choices/`, the list the editor's image button shows)."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import JsonResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from portal.core import renditions
from portal.core.admin_mixins import thumbnail_html
from portal.core.revisions import RevisionAdmin

from .models import MediaItem

CHOICES_PER_PAGE = 60
BODY_WIDTH = 960


@admin.register(MediaItem)
class MediaItemAdmin(RevisionAdmin, TranslationAdmin):
    list_display = ("thumbnail", "title", "kind", "created_at", "uploaded_by")
    list_display_links = ("thumbnail", "title")
    list_filter = ("kind", "created_at")
    list_select_related = ("uploaded_by",)
    search_fields = ("title_en", "title_zh_hans", "alt_text_en", "alt_text_zh_hans")
    date_hierarchy = "created_at"
    readonly_fields = ("thumbnail", "address", "uploaded_by", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("title", "alt_text")}),
        (_("File"), {"fields": ("image", "document", "thumbnail", "address")}),
        (_("Record"), {"fields": ("uploaded_by", "created_at", "updated_at")}),
    )

    @admin.display(description=_("preview"))
    def thumbnail(self, obj):
        if obj is None or not obj.image:
            return "–"
        return thumbnail_html(obj, "image", "alt_text")

    @admin.display(description=_("address"))
    def address(self, obj):
        return obj.file.url if obj is not None and obj.pk and obj.file else "–"

    def save_model(self, request, obj, form, change):
        if obj.uploaded_by_id is None:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        choices = path(
            "choices/",
            self.admin_site.admin_view(self.choices_view),
            name="media_library_mediaitem_choices",
        )
        return [choices, *super().get_urls()]

    def choices_view(self, request):
        """The newest images (or `?kind=document` PDFs) matching `?q=`, as JSON, for staff who
        may view the library: what the rich-text editor's picker lists."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        kind = request.GET.get("kind", MediaItem.Kind.IMAGE)
        if kind not in MediaItem.Kind.values:
            kind = MediaItem.Kind.IMAGE
        items = MediaItem.objects.filter(kind=kind)
        for word in request.GET.get("q", "").split()[:5]:
            items = items.filter(
                Q(title_en__icontains=word)
                | Q(title_zh_hans__icontains=word)
                | Q(alt_text_en__icontains=word)
                | Q(alt_text_zh_hans__icontains=word)
            )
        return JsonResponse({"items": [_choice(item) for item in items[:CHOICES_PER_PAGE]]})


def _choice(item):
    choice = {
        "id": item.pk,
        "kind": item.kind,
        "title": str(item),
        "title_en": item.title_en or "",
        "title_zh_hans": item.title_zh_hans or "",
        "url": item.file.url,
    }
    if item.image:
        storage, name, width = item.image.storage, item.image.name, item.image_width or 0
        widths = renditions.widths_for(width)
        # In a body about 720 pixels wide, a 960-pixel JPEG is sharp and light on a phone.
        shown = max((w for w in widths if w <= BODY_WIDTH), default=None)
        height = item.image_height or 0
        choice |= {
            "alt_en": item.alt_text_en or "",
            "alt_zh_hans": item.alt_text_zh_hans or "",
            "thumbnail": storage.url(renditions.rendition_name(name, widths[0], "webp"))
            if widths
            else item.image.url,
            "src": storage.url(renditions.rendition_name(name, shown, "jpg"))
            if shown
            else item.image.url,
            "width": shown or width,
            "height": round(height * shown / width) if shown and width else height,
        }
    return choice
