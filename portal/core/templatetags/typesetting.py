"""Typesetting that does not depend on an app: names in the reader's alphabetical order (pinyin
for Chinese) and machine-readable dates for `<time datetime>`."""

import datetime

from django import template
from django.utils import timezone

from portal.core.reading_order import name_sort_key, reading_key

register = template.Library()


@register.filter
def by_name(items, attribute="name"):
    """`{% for park in parks|by_name %}`: the items sorted by their name as shown to the reader
    (in Chinese by the key a `ReadingOrdered` record keeps)."""
    if attribute == "name":
        return sorted(items, key=reading_key)
    return sorted(items, key=lambda item: name_sort_key(getattr(item, attribute, "")))


@register.filter
def datetime_attr(value):
    """A date or time for a `datetime` attribute: "2026-12-02" or "2026-12-02T06:40:00+08:00".

    Whole seconds in local time: the HTML standard allows at most three decimals of a second,
    and `|date:"c"` writes six when the time has microseconds.
    """
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""
