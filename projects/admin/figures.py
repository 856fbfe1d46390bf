from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from portal.core.admin_mixins import (
    LanguageCompletenessMixin,
    MissingLanguageFilter,
    PublishActionsMixin,
    ReviewDueFilter,
    review_by_column,
)
from portal.core.revisions import RevisionAdmin
from projects.formatting import format_figure
from projects.models import ClusterFigure, Partner


@admin.register(ClusterFigure)
class ClusterFigureAdmin(
    LanguageCompletenessMixin, PublishActionsMixin, RevisionAdmin, TranslationAdmin
):
    list_display = (
        "label",
        "figure",
        "is_published",
        "languages_complete",
        review_by_column,
        "as_of",
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

    @admin.display(description=_("value"), ordering="value")
    def figure(self, obj):
        return format_figure(obj)


@admin.register(Partner)
class PartnerAdmin(LanguageCompletenessMixin, PublishActionsMixin, RevisionAdmin, TranslationAdmin):
    list_display = ("organisation", "is_published", "languages_complete", "signed_on", "order")
    list_editable = ("order", "is_published")
    list_filter = ("is_published", MissingLanguageFilter)
    search_fields = ("organisation_en", "organisation_zh_hans", "agreement_en")
    date_hierarchy = "signed_on"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
