"""Admin pieces every app shares: image thumbnails, and which languages a record is complete
in, for editors closing the gaps.

A field counts for a language when it has a value in some language: a project without a
description in either language is not "missing Chinese", one with an English description and
no Chinese one is. The list column and the filter use the same rule, the filter in SQL.

Usage: `class ProjectAdmin(LanguageCompletenessMixin, TranslationAdmin): ...`; set
`i18n_fields` to check fewer fields than all the model's translated ones.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib import admin
from django.db.models import Q
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from portal.core.languages import is_complete

THUMBNAIL_WIDTH = 96


def thumbnail_html(image):
    """A small preview of an image row (ProjectImage or ParkImage), or a dash."""
    if not image or not image.image:
        return "–"
    width = THUMBNAIL_WIDTH
    height = round(width * image.height / image.width) if image.width and image.height else ""
    return format_html(
        '<img src="{}" alt="{}" width="{}" height="{}" loading="lazy">',
        image.image.url,
        image.alt_text,
        width,
        height,
    )


SHORT_NAMES = {"en": "EN", "zh-hans": "中文"}
MISSING_LABELS = {"en": _("Missing English"), "zh-hans": _("Missing Chinese")}


def translated_fields(model):
    return tuple(translator.get_options_for_model(model).fields)


def filled_fields(obj, fields):
    """The fields that have a value in at least one language."""
    languages = [code for code, _name in settings.LANGUAGES]
    return [
        name
        for name in fields
        if any(getattr(obj, build_localized_fieldname(name, code), None) for code in languages)
    ]


def _empty(column):
    return Q(**{f"{column}__isnull": True}) | Q(**{column: ""})


def missing_language_q(fields, language):
    """Rows where some field has a value in another language but none in `language`."""
    others = [code for code, _name in settings.LANGUAGES if code != language]
    conditions = []
    for name in fields:
        own = build_localized_fieldname(name, language)
        filled_elsewhere = reduce(
            or_, (~_empty(build_localized_fieldname(name, code)) for code in others)
        )
        conditions.append(_empty(own) & filled_elsewhere)
    return reduce(or_, conditions) if conditions else Q(pk__in=[])


class MissingLanguageFilter(admin.SimpleListFilter):
    title = _("languages")
    parameter_name = "missing_language"

    def lookups(self, request, model_admin):
        return [
            (code, MISSING_LABELS.get(code, _("Missing %(language)s") % {"language": name}))
            for code, name in settings.LANGUAGES
        ]

    def queryset(self, request, queryset):
        language = self.value()
        if language not in dict(settings.LANGUAGES):
            return queryset
        fields = self.model_admin.get_i18n_fields()
        return queryset.filter(missing_language_q(fields, language))

    def __init__(self, request, params, model, model_admin):
        self.model_admin = model_admin
        super().__init__(request, params, model, model_admin)


class LanguageCompletenessMixin:
    """Adds the "languages complete" column and the "missing ..." filter to a TranslationAdmin."""

    i18n_fields = None

    def get_i18n_fields(self):
        return tuple(self.i18n_fields or translated_fields(self.model))

    def get_list_display(self, request):
        return (*super().get_list_display(request), "languages_complete")

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), MissingLanguageFilter)

    @admin.display(description=_("languages complete"))
    def languages_complete(self, obj):
        fields = filled_fields(obj, self.get_i18n_fields())
        return " ".join(
            f"{SHORT_NAMES.get(code, code)} {'✓' if is_complete(obj, fields, code) else '✗'}"
            for code, _name in settings.LANGUAGES
        )
