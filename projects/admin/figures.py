from django.contrib import admin
from django.db import models
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from portal.core.admin_mixins import (
    LanguageCompletenessMixin,
    MissingLanguageFilter,
    PublishActionsMixin,
    ReviewDueFilter,
    review_by_column,
)
from portal.core.money_fields import AmountFieldsMixin
from portal.core.revisions import RevisionAdmin
from projects.formatting import amount_readback, format_figure
from projects.models import ClusterFigure, Partner


@admin.register(ClusterFigure)
class ClusterFigureAdmin(
    AmountFieldsMixin,
    LanguageCompletenessMixin,
    PublishActionsMixin,
    RevisionAdmin,
    TranslationAdmin,
):
    list_display = (
        "label",
        "figure",
        "is_published",
        "languages_complete",
        review_by_column,
        "order",
    )
    list_editable = ("order", "is_published")
    list_filter = ("is_published", MissingLanguageFilter, ReviewDueFilter)
    search_fields = ("label_en", "label_zh_hans", "source_en", "source_zh_hans")
    fieldsets = (
        (None, {"fields": ("label", "prefix", "value", "unit", "order")}),
        (_("Source"), {"fields": ("source", "as_of", "review_by")}),
        (_("Publication"), {"fields": ("is_published",)}),
    )

    amount_fields = {"value": "number"}

    def amount_readback(self, kind, value):
        return amount_readback(kind, value)

    @admin.display(description=_("value"), ordering="value")
    def figure(self, obj):
        """The value as visitors read it, with the date it describes under it."""
        return format_html(
            '<span class="figure-value">{}</span><small class="figure-as-of">{}</small>',
            format_figure(obj),
            _("as of %(date)s") % {"date": formats.date_format(obj.as_of, "SHORT_DATE_FORMAT")},
        )


@admin.register(Partner)
class PartnerAdmin(LanguageCompletenessMixin, PublishActionsMixin, RevisionAdmin, TranslationAdmin):
    list_display = ("organisation", "is_published", "languages_complete", "signed_on", "order")
    list_editable = ("order", "is_published")
    list_filter = ("is_published", MissingLanguageFilter)
    search_fields = ("organisation_en", "organisation_zh_hans", "agreement_en")
    date_hierarchy = "signed_on"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
