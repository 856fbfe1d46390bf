"""Small filters of the investor's pages."""

from django import template

register = template.Library()


@register.filter
def grouped(value):
    """A whole number with its thousands grouped, as a wage table writes it in both languages:
    11000 -> "11,000" (never "1.1万" beside "7,500" in the same range)."""
    if value is None or value == "":
        return ""
    return f"{int(value):,}"
