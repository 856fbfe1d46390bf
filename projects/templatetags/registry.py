"""Money and land in the reader's language, as template filters (see projects.formatting)."""

from django import template

from projects.formatting import format_area, format_money

register = template.Library()


@register.filter
def money(value):
    return format_money(value)


@register.filter
def area(hectares):
    return format_area(hectares)
