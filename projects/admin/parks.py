from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from portal.core.admin_mixins import LanguageCompletenessMixin, PublishActionsMixin
from portal.core.revisions import NormalisedInlineMixin, RevisionAdmin
from projects.models import Park, ParkCost, ParkDocument, ParkImage, Sector

from .common import CoverThumbnailMixin, ThumbnailInlineMixin


@admin.register(Sector)
class SectorAdmin(RevisionAdmin, TranslationAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name_en", "name_zh_hans", "slug")
    prepopulated_fields = {"slug": ("name_en",)}


class ParkCostInline(NormalisedInlineMixin, TranslationTabularInline):
    model = ParkCost
    extra = 0
    fields = ("label", "amount", "unit", "note", "order")


class ParkImageInline(NormalisedInlineMixin, ThumbnailInlineMixin, TranslationTabularInline):
    model = ParkImage
    extra = 0
    fields = ("thumbnail", "image", "alt_text", "caption", "order")


class ParkDocumentInline(NormalisedInlineMixin, TranslationTabularInline):
    model = ParkDocument
    extra = 0
    fields = ("title", "file", "order")


@admin.register(Park)
class ParkAdmin(
    LanguageCompletenessMixin,
    CoverThumbnailMixin,
    PublishActionsMixin,
    RevisionAdmin,
    TranslationAdmin,
):
    list_display = ("thumbnail", "name", "status", "available_area_ha", "order", "is_published")
    list_display_links = ("thumbnail", "name")
    list_filter = ("is_published", "status", "sectors")
    search_fields = ("name_en", "name_zh_hans", "summary_en", "summary_zh_hans", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    filter_horizontal = ("sectors",)
    inlines = (ParkCostInline, ParkImageInline, ParkDocumentInline)
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("name", "slug", "tagline", "summary", "body", "status", "order")}),
        (
            _("Land"),
            {"fields": ("planned_area_ha", "developed_area_ha", "available_area_ha", "sectors")},
        ),
        (_("Infrastructure"), {"fields": ("power", "water", "gas", "steam", "transport")}),
        (_("Incentives and policies"), {"fields": ("incentives",)}),
        (
            _("Location"),
            {
                "description": _(
                    "Coordinates in WGS84 (as a GPS or OpenStreetMap gives them), in degrees."
                ),
                "fields": ("address", "latitude", "longitude"),
            },
        ),
        (
            _("Contact officer"),
            {
                "fields": (
                    "responsible_officer",
                    "contact_name",
                    "contact_title",
                    "contact_email",
                    "contact_phone",
                )
            },
        ),
        (
            _("Publication"),
            {"fields": ("is_published", "published_at", "created_at", "updated_at")},
        ),
    )
