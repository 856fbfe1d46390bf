"""Money, land and quantities in the reader's language, as template filters (see
projects.formatting)."""

from django import template

from projects.formatting import format_area, format_figure, format_money, format_quantity

register = template.Library()


@register.filter
def money(value):
    return format_money(value)


@register.filter
def area(hectares):
    return format_area(hectares)


@register.filter
def quantity(value, unit=""):
    """`{{ cost.amount|quantity:cost.unit }}` -> "15万元/亩" in Chinese, "150,000 yuan/mu"."""
    return format_quantity(value, unit)


@register.filter
def figure_text(figure):
    """A cluster figure with its prefix and unit: "over 1,000,000 tons", "超过100万吨"."""
    return format_figure(figure)
