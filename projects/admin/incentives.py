"""The incentives and the workforce figures, kept by the investment office with their sources."""

from django.contrib import admin
from django.db import models
from django.db.models import Q
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from portal.core.admin_mixins import (
    LanguageCompletenessMixin,
    PublishActionsMixin,
    ReviewDueFilter,
    review_by_column,
)
from portal.core.revisions import RevisionAdmin
from projects.models import Incentive, WorkforceFigure, county_today


class ValidityFilter(admin.SimpleListFilter):
    """Which incentives visitors see today, which are still to come and which have expired."""

    title = _("validity")
    parameter_name = "validity"

    def lookups(self, request, model_admin):
        return [
            ("current", _("Valid today")),
            ("upcoming", _("Not yet valid")),
            ("expired", _("Expired")),
        ]

    def queryset(self, request, queryset):
        today = county_today()
        if self.value() == "current":
            return queryset.filter(
                Q(valid_from__lte=today), Q(valid_until__isnull=True) | Q(valid_until__gte=today)
            )
        if self.value() == "upcoming":
            return queryset.filter(valid_from__gt=today)
        if self.value() == "expired":
            return queryset.filter(valid_until__lt=today)
        return queryset


@admin.register(Incentive)
class IncentiveAdmin(
    LanguageCompletenessMixin, PublishActionsMixin, RevisionAdmin, TranslationAdmin
):
    list_display = (
        "title",
        "validity",
        review_by_column,
        "order",
        "is_published",
    )
    list_editable = ("order", "is_published")
    list_filter = ("is_published", ValidityFilter, ReviewDueFilter, "parks", "sectors")
    search_fields = (
        "title_en",
        "title_zh_hans",
        "issuer_en",
        "issuer_zh_hans",
        "document_number",
    )
    date_hierarchy = "valid_from"
    filter_horizontal = ("parks", "sectors")
    readonly_fields = ("created_at", "updated_at")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = (
        (None, {"fields": ("title", "issuer", "document_number", "source_url")}),
        (_("Validity"), {"fields": ("valid_from", "valid_until", "review_by")}),
        (_("Who and what"), {"fields": ("eligibility", "benefit", "parks", "sectors")}),
        (
            _("Publication"),
            {"fields": ("is_published", "order", "created_at", "updated_at")},
        ),
    )

    @admin.display(description=_("validity"), ordering="valid_from")
    def validity(self, obj):
        """Its first and last day, and whether visitors see it today: one column, so that
        the list fits an office screen."""
        today = county_today()
        if obj.valid_from > today:
            state, css = _("Not yet valid"), "status-scheduled"
        elif obj.valid_until is not None and obj.valid_until < today:
            state, css = _("Expired"), "status-draft"
        else:
            state, css = _("Valid today"), "status-published"
        last = (
            formats.date_format(obj.valid_until, "SHORT_DATE_FORMAT")
            if obj.valid_until
            else _("no end date")
        )
        return format_html(
            '<span class="status-badge {}">{}</span><br>{} – {}',
            css,
            state,
            formats.date_format(obj.valid_from, "SHORT_DATE_FORMAT"),
            last,
        )


@admin.register(WorkforceFigure)
class WorkforceFigureAdmin(PublishActionsMixin, RevisionAdmin, TranslationAdmin):
    list_display = (
        "role",
        "wage_from_yuan",
        "wage_to_yuan",
        "workers",
        "availability",
        "as_of",
        "order",
        "is_published",
    )
    list_editable = ("order", "is_published")
    list_filter = ("is_published",)
    search_fields = ("role_en", "role_zh_hans", "source_en", "source_zh_hans")
    date_hierarchy = "as_of"
