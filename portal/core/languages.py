"""The content languages, through django-modeltranslation's own settings and helpers: which
languages a piece of content is complete in, the reader's value of a translated column, and
the localized column names of a field. A third language is a settings change."""

from django.conf import settings
from django.utils.translation import get_language
from modeltranslation import settings as translation_settings
from modeltranslation.utils import build_localized_fieldname, resolution_order
from modeltranslation.utils import get_language as reader_language


def content_languages():
    """The languages content is kept in, default first (MODELTRANSLATION_LANGUAGES)."""
    return list(translation_settings.AVAILABLE_LANGUAGES)


def languages_reader_first(language=None):
    """The content languages with the reader's first."""
    own = language or reader_language()
    return [own, *(code for code in content_languages() if code != own)]


def localized_fieldnames(field):
    """`name` -> ["name_en", "name_zh_hans"]: the columns of a translated field."""
    return [build_localized_fieldname(field, language) for language in content_languages()]


def localized_value(row, field, language=None):
    """The value of translated `field` in a `values()` row (or on an object), in the reader's
    language, else the first language that has one in modeltranslation's fallback order."""
    language = language or reader_language()
    for code in (*resolution_order(language), *content_languages()):
        name = build_localized_fieldname(field, code)
        value = row.get(name) if isinstance(row, dict) else getattr(row, name, None)
        if value:
            return value
    return ""


def is_complete(obj, fields, language):
    """True when every one of `fields` has a value in `language`."""
    return all(getattr(obj, build_localized_fieldname(f, language), None) for f in fields)


def fallback_language(obj, fields, language=None):
    """The language the reader is shown instead of theirs, or None when theirs is complete."""
    language = language or get_language()
    if is_complete(obj, fields, language):
        return None
    for code, _name in settings.LANGUAGES:
        if code != language and is_complete(obj, fields, code):
            return code
    return None


def missing_languages(obj, fields):
    """{language: [fields]}: each of `fields` that has a value in some language but none in
    that one. A field empty in every language is missing in none (it is simply not used)."""
    languages = content_languages()
    missing = {code: [] for code in languages}
    for field in fields:
        values = {
            code: getattr(obj, build_localized_fieldname(field, code), None) for code in languages
        }
        if not any(values.values()):
            continue
        for code, value in values.items():
            if not value:
                missing[code].append(field)
    return missing


def empty_in_languages(obj, fields):
    """[(field, language)] of each of `fields` without a value in a content language: what a
    record needs before it may be published in both languages."""
    return [
        (field, code)
        for field in fields
        for code in content_languages()
        if not getattr(obj, build_localized_fieldname(field, code), None)
    ]
