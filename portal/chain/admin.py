"""The chain's stages and gaps and the enterprise directory, edited in both languages with
versions."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from portal.core.admin_mixins import LanguageCompletenessMixin, PublishActionsMixin
from portal.core.revisions import RevisionAdmin

from .models import Certification, ChainGap, ChainStage, Enterprise


class ChainAdmin(LanguageCompletenessMixin, RevisionAdmin, TranslationAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(ChainStage)
class ChainStageAdmin(PublishActionsMixin, ChainAdmin):
    list_display = ("order", "name", "slug", "is_published")
    list_display_links = ("name",)
    list_editable = ("order", "is_published")
    list_filter = ("is_published",)
    prepopulated_fields = {"slug": ("name_en",)}
    filter_horizontal = ("sectors",)
    search_fields = ("name_en", "name_zh_hans")


@admin.register(Certification)
class CertificationAdmin(ChainAdmin):
    list_display = ("code", "name", "order")
    list_editable = ("order",)
    prepopulated_fields = {"slug": ("code",)}
    search_fields = ("code", "name_en", "name_zh_hans")


@admin.register(Enterprise)
class EnterpriseAdmin(PublishActionsMixin, ChainAdmin):
    list_display = ("name", "park", "capacity", "capacity_unit", "last_checked", "is_published")
    list_filter = ("is_published", "stages", "certifications", "park", "is_illustrative")
    search_fields = ("name_en", "name_zh_hans", "main_products_en", "main_products_zh_hans")
    prepopulated_fields = {"slug": ("name_en",)}
    filter_horizontal = ("stages", "certifications")
    date_hierarchy = "last_checked"
    list_select_related = ("park",)
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("name", "slug", "park", "town", "stages")}),
        (
            _("What it makes"),
            {
                "fields": (
                    "main_products",
                    ("capacity", "capacity_unit"),
                    "key_equipment",
                    "certifications",
                    "export_markets",
                    "year_founded",
                )
            },
        ),
        (_("Business contact"), {"fields": ("business_email", "business_phone", "website")}),
        (
            _("Publication"),
            {
                "fields": (
                    "is_published",
                    "published_at",
                    "last_checked",
                    "is_illustrative",
                    "created_at",
                    "updated_at",
                )
            },
        ),
    )


@admin.register(ChainGap)
class ChainGapAdmin(PublishActionsMixin, ChainAdmin):
    list_display = ("title", "stage", "order", "is_published")
    list_editable = ("order", "is_published")
    list_filter = ("is_published", "stage")
    list_select_related = ("stage",)
    filter_horizontal = ("opportunities",)
    search_fields = ("title_en", "title_zh_hans")
