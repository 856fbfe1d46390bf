"""Typesetting that does not depend on an app: names in the reader's alphabetical order (pinyin
for Chinese) and machine-readable dates for `<time datetime>`."""

import datetime

from django import template
from django.utils import timezone
from django.utils.translation import get_language
from pypinyin import Style, lazy_pinyin

register = template.Library()


def name_sort_key(name, language=None):
    """The key that sorts names as a reader of `language` expects: Chinese by the pinyin of
    each character in turn (大型 da < 共享 gong < 轨道 gui < 冷辗 leng), then by tone;
    other languages alphabetically, ignoring case. Latin letters and digits in a Chinese name
    sort among the pinyin."""
    text = str(name or "")
    language = language or get_language() or "en"
    if language.startswith("zh"):
        syllables = [s.casefold() for s in lazy_pinyin(text, style=Style.NORMAL)]
        tones = lazy_pinyin(text, style=Style.TONE3)
        return (syllables, tones, text)
    return ([text.casefold()], [], text)


@register.filter
def by_name(items, attribute="name"):
    """`{% for park in parks|by_name %}`: the items sorted by their name as shown to the reader."""
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
