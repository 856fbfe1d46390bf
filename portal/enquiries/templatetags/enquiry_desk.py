"""What the admin index tells whoever may see enquiries, before they open the desk."""

from django import template

from portal.enquiries.models import calendar_gaps

register = template.Library()


@register.simple_tag
def holiday_calendar_gaps():
    """The years a due date set today may fall in whose holiday calendar is not entered."""
    return calendar_gaps()
