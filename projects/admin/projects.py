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
)
from portal.core.money_fields import AmountFieldsMixin
from portal.core.revisions import NormalisedInlineMixin, RevisionAdmin
from portal.core.spreadsheets import SpreadsheetAdminMixin
from portal.media_library.forms import LibraryImageInlineMixin
from projects.formatting import amount_readback, format_money
from projects.models import Milestone, Project, ProjectDocument, ProjectImage
from projects.resources import ProjectResource

from .common import CoverThumbnailMixin, ThumbnailInlineMixin


class ProjectImageInline(
    LibraryImageInlineMixin,
    EitherLanguageInlineMixin,
    NormalisedInlineMixin,
    ThumbnailInlineMixin,
    TranslationTabularInline,
):
    model = ProjectImage
    extra = 0
    fields = ("thumbnail", "image", "alt_text", "caption", "order")


class ProjectDocumentInline(
    EitherLanguageInlineMixin, NormalisedInlineMixin, TranslationTabularInline
):
    model = ProjectDocument
    extra = 0
    fields = ("title", "file", "order")


class MilestoneInline(EitherLanguageInlineMixin, NormalisedInlineMixin, TranslationTabularInline):
    model = Milestone
    extra = 0
    fields = ("date", "title", "is_done")


@admin.register(Project)
class ProjectAdmin(
    SpreadsheetAdminMixin,
    AmountFieldsMixin,
    EitherLanguageMixin,
    LanguageCompletenessMixin,
    CoverThumbnailMixin,
    PublishActionsMixin,
    RevisionAdmin,
    TranslationAdmin,
):
    # Export to Excel and import back (portal/core/spreadsheets.py, projects/resources.py).
    resource_classes = (ProjectResource,)
    # What a clerk looks for at a glance; sector, park, signing date and "featured" are filters.
    list_display = (
        "thumbnail",
        "name",
        "publication_status",
        "languages_complete",
        "amount",
        "stage",
    )
    list_display_links = ("thumbnail", "name")
    list_filter = (
        PublicationStateFilter,
        MissingLanguageFilter,
        "kind",
        "stage",
        "sector",
        "park",
        "is_featured",
    )
    list_select_related = ("sector", "park")
    search_fields = (
        "name_en",
        "name_zh_hans",
        "summary_en",
        "summary_zh_hans",
        "investor_en",
        "investor_zh_hans",
        "slug",
    )
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("sector", "park")
    date_hierarchy = "signing_date"
    inlines = (ProjectImageInline, ProjectDocumentInline, MilestoneInline)
    readonly_fields = ("created_at", "updated_at")
    save_on_top = True
    change_form_template = "admin/projects/sectioned_change_form.html"
    fieldsets = (
        (None, {"fields": ("name", "slug", "summary")}),
        (_("Publication"), {"fields": ("is_published", "published_at")}),
        (
            _("Classification"),
            {"fields": ("kind", "sector", "park", "stage", "is_featured")},
        ),
        (
            _("Investment"),
            {
                "fields": (
                    "investment_yuan",
                    "investor",
                    "investor_country",
                    "signing_date",
                    "signing_event",
                    "annual_output_yuan",
                    "jobs",
                    "land_area_ha",
                    "construction_start",
                    "construction_end",
                )
            },
        ),
        (
            _("Open opportunity"),
            {
                "classes": ("collapse",),
                "description": _(
                    "Only for the kind “Investment opportunity”: what it seeks and how far it is "
                    "prepared. Its plot size is the land area above."
                ),
                "fields": ("sought", "preparation", "scale", "sought_detail", "utilities"),
            },
        ),
        (_("Description"), {"classes": ("collapse",), "fields": ("description",)}),
        (
            _("Contact officer"),
            {
                "classes": ("collapse",),
                "description": _("Leave empty to show the park's officer instead."),
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

    amount_fields = {"investment_yuan": "money", "annual_output_yuan": "money"}

    def amount_readback(self, kind, value):
        return amount_readback(kind, value)

    @admin.display(description=_("investment"), ordering="investment_yuan")
    def amount(self, obj):
        return format_money(obj.investment_yuan)
