"""Which languages a piece of content is complete in, for the fallback notice and the admin."""

from django.conf import settings
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname


def is_complete(obj, fields, language):
    """True when every one of `fields` has a value in `language`."""
    return all(getattr(obj, build_localized_fieldname(f, language), None) for f in fields)


def missing_languages(obj, fields):
    return [code for code, _name in settings.LANGUAGES if not is_complete(obj, fields, code)]


def fallback_language(obj, fields, language=None):
    """The language the reader is shown instead of theirs, or None when theirs is complete."""
    language = language or get_language()
    if is_complete(obj, fields, language):
        return None
    for code, _name in settings.LANGUAGES:
        if code != language and is_complete(obj, fields, code):
            return code
    return None
