"""The count of records overdue for review, for the admin index (portal.core.review_dates)."""

from django import template
from django.contrib import admin

from portal.core.review_dates import overdue_count

register = template.Library()


@register.simple_tag(takes_context=True)
def review_due_count(context):
    """How many records the signed-in person may change are overdue, or never dated."""
    return overdue_count(admin.site, context["request"])
