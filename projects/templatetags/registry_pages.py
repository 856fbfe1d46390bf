"""Small helpers for the registry's pages."""

from django import template
from django.template.defaultfilters import filesizeformat

register = template.Library()


@register.filter
def file_size(field_file):
    """The size of a stored file, readable ("1.2 MB"); empty when the file is missing."""
    try:
        return filesizeformat(field_file.size)
    except (OSError, ValueError):
        return ""


@register.filter
def heading_tag(level):
    """A safe heading element name for includes that take a heading level: h2 to h4."""
    return level if level in ("h2", "h3", "h4") else "h3"
