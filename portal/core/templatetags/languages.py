"""The notice shown when content appears in another language than the reader's, and the
language a translated field is actually shown in."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname, resolution_order

from portal.core.languages import content_languages, fallback_language

register = template.Library()


@register.inclusion_tag("includes/translation_notice.html")
def translation_notice(obj, *fields):
    """A visible notice when `obj` is shown in another language than the reader's.

    Usage: `{% translation_notice project "name" "summary" "description" %}`.
    """
    return {"fallback": fallback_language(obj, fields)}


@register.simple_tag
def shown_language(obj, field):
    """The language `obj`'s translated `field` is shown in: the reader's, or the one
    modeltranslation falls back to when the reader's is empty.

    Usage: `<h1 lang="{% shown_language project "name" %}">`, so that a screen reader reads an
    English fallback with an English voice on a Chinese page (WCAG 3.1.2).
    """
    language = get_language()
    for code in (language, *resolution_order(language), *content_languages()):
        if getattr(obj, build_localized_fieldname(field, code), None):
            return code
    return language


@register.simple_tag
def lang_attr(obj, field):
    """` lang="en"` when `obj`'s `field` is shown in another language than the page's, else
    nothing: `<h1{% lang_attr project "name" %}>`."""
    shown = shown_language(obj, field)
    if shown == get_language():
        return ""
    return format_html(' lang="{}"', shown)


@register.simple_tag
def shown_text(obj, field):
    """`obj`'s `field`, inside `<span lang="…">` when it is shown in another language than the
    page's: for a fragment within a sentence, `{% shown_text project "signing_event" %}`."""
    value = getattr(obj, field, "") or ""
    attribute = lang_attr(obj, field)
    return format_html("<span{}>{}</span>", attribute, value) if attribute else value
