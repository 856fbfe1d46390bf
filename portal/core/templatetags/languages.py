"""The notice shown when content appears in another language than the reader's."""

from django import template

from portal.core.languages import fallback_language

register = template.Library()


@register.inclusion_tag("includes/translation_notice.html")
def translation_notice(obj, *fields):
    """A visible notice when `obj` is shown in another language than the reader's.

    Usage: `{% translation_notice project "name" "summary" "description" %}`.
    """
    return {"fallback": fallback_language(obj, fields)}
