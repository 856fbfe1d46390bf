from django.contrib import admin
from django.db import models
from modeltranslation.admin import TranslationAdmin

from portal.core.admin_mixins import PublishActionsMixin
from portal.core.revisions import RevisionAdmin
from projects.models import ClusterFigure, Partner


@admin.register(ClusterFigure)
class ClusterFigureAdmin(PublishActionsMixin, RevisionAdmin, TranslationAdmin):
    list_display = ("label", "prefix", "value", "unit", "source", "as_of", "order", "is_published")
    list_editable = ("order", "is_published")
    list_filter = ("is_published",)
    search_fields = ("label_en", "label_zh_hans", "source_en", "source_zh_hans")


@admin.register(Partner)
class PartnerAdmin(PublishActionsMixin, RevisionAdmin, TranslationAdmin):
    list_display = ("organisation", "agreement", "signed_on", "order", "is_published")
    list_editable = ("order", "is_published")
    list_filter = ("is_published",)
    search_fields = ("organisation_en", "organisation_zh_hans", "agreement_en")
    date_hierarchy = "signed_on"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
