from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from portal.core.admin_mixins import (
    EitherLanguageInlineMixin,
    EitherLanguageMixin,
    LanguageCompletenessMixin,
    MissingLanguageFilter,
    PublicationStateFilter,
    PublishActionsMixin,
    ReviewDueFilter,
    review_by_column,
)
from portal.core.money_fields import AmountFieldsMixin
from portal.core.revisions import NormalisedInlineMixin, RevisionAdmin
from portal.media_library.forms import LibraryImageInlineMixin
from projects.formatting import amount_readback
from projects.models import Park, ParkCost, ParkDocument, ParkImage, Sector

from .common import CoverThumbnailMixin, ThumbnailInlineMixin


@admin.register(Sector)
class SectorAdmin(LanguageCompletenessMixin, RevisionAdmin, TranslationAdmin):
    list_display = ("name", "languages_complete", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name_en", "name_zh_hans", "slug")
    prepopulated_fields = {"slug": ("name_en",)}


class ParkCostInline(
    AmountFieldsMixin, EitherLanguageInlineMixin, NormalisedInlineMixin, TranslationTabularInline
):
    model = ParkCost
    extra = 0
    fields = ("label", "kind", "amount", "unit", "note", "source", "as_of", "order")
    amount_fields = {"amount": "number"}

    def amount_readback(self, kind, value):
        return amount_readback(kind, value)


class ParkImageInline(
    LibraryImageInlineMixin,
    EitherLanguageInlineMixin,
    NormalisedInlineMixin,
    ThumbnailInlineMixin,
    TranslationTabularInline,
):
    model = ParkImage
    extra = 0
    fields = ("thumbnail", "image", "alt_text", "caption", "order")


class ParkDocumentInline(
    EitherLanguageInlineMixin, NormalisedInlineMixin, TranslationTabularInline
):
    model = ParkDocument
    extra = 0
    fields = ("title", "file", "order")


@admin.register(Park)
class ParkAdmin(
    EitherLanguageMixin,
    LanguageCompletenessMixin,
    CoverThumbnailMixin,
    PublishActionsMixin,
    RevisionAdmin,
    TranslationAdmin,
):
    list_display = (
        "thumbnail",
        "name",
        "publication_status",
        "languages_complete",
        review_by_column,
    )
    list_display_links = ("thumbnail", "name")
    list_filter = (
        PublicationStateFilter,
        MissingLanguageFilter,
        ReviewDueFilter,
        "status",
        "sectors",
    )
    search_fields = ("name_en", "name_zh_hans", "summary_en", "summary_zh_hans", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    filter_horizontal = ("sectors",)
    # The cost table first: it is what clerks update most and investors compare.
    inlines = (ParkCostInline, ParkImageInline, ParkDocumentInline)
    readonly_fields = ("created_at", "updated_at")
    save_on_top = True
    change_form_template = "admin/projects/sectioned_change_form.html"
    fieldsets = (
        (None, {"fields": ("name", "slug", "tagline", "summary", "status", "order")}),
        (_("Publication"), {"fields": ("is_published", "published_at", "review_by")}),
        (_("Description"), {"classes": ("collapse",), "fields": ("body",)}),
        (
            _("Land"),
            {
                "classes": ("collapse",),
                "fields": ("planned_area_ha", "developed_area_ha", "available_area_ha", "sectors"),
            },
        ),
        (
            _("Infrastructure"),
            {"classes": ("collapse",), "fields": ("power", "water", "gas", "steam", "transport")},
        ),
        (_("Incentives and policies"), {"classes": ("collapse",), "fields": ("incentives",)}),
        (
            _("Location"),
            {
                "classes": ("collapse",),
                "description": _(
                    "Coordinates in WGS84 (as a GPS or OpenStreetMap gives them), in degrees."
                ),
                "fields": ("address", "latitude", "longitude"),
            },
        ),
        (
            _("Contact officer"),
            {
                "classes": ("collapse",),
                "fields": (
                    "responsible_officer",
                    "contact_name",
                    "contact_title",
                    "contact_email",
                    "contact_phone",
                ),
            },
        ),
        (_("Record"), {"classes": ("collapse",), "fields": ("created_at", "updated_at")}),
    )
