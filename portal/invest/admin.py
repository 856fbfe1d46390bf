"""The "Why Guanxian" page's reasons and logistics and the investment guide's steps."""

from django.contrib import admin
from django.db import models
from modeltranslation.admin import TranslationAdmin

from portal.core.admin_mixins import LanguageCompletenessMixin, PublishActionsMixin
from portal.core.revisions import RevisionAdmin

from .models import Advantage, Connection, SetupStep


class InvestAdmin(LanguageCompletenessMixin, PublishActionsMixin, RevisionAdmin, TranslationAdmin):
    list_editable = ("order", "is_published")
    list_filter = ("is_published",)
    readonly_fields = ("created_at", "updated_at")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Advantage)
class AdvantageAdmin(InvestAdmin):
    list_display = ("title", "topic", "source", "as_of", "order", "is_published")
    list_filter = ("is_published", "topic")
    search_fields = ("title_en", "title_zh_hans", "body_en", "body_zh_hans")


@admin.register(Connection)
class ConnectionAdmin(InvestAdmin):
    list_display = (
        "destination",
        "mode",
        "distance_km",
        "hours",
        "is_illustrative",
        "order",
        "is_published",
    )
    list_filter = ("is_published", "mode", "is_illustrative")
    search_fields = ("destination_en", "destination_zh_hans")


@admin.register(SetupStep)
class SetupStepAdmin(InvestAdmin):
    list_display = ("order", "title", "office", "duration", "is_published")
    list_display_links = ("title",)
    search_fields = ("title_en", "title_zh_hans", "office_en", "office_zh_hans")
