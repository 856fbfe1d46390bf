"""Small helpers for the registry's pages."""

from django import template
from django.template.defaultfilters import filesizeformat

from projects.models import ClusterFigure, Project

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


@register.inclusion_tag("projects/includes/headline_figures.html")
def headline_figures(headline=None, heading="h2"):
    """The signed projects' count and total, computed from the registry, beside the figures
    staff keep. Pass the headline a page already has (`RegistryOverview.headline()`) to spare
    its query.

    Usage: `{% headline_figures headline %}` or `{% headline_figures heading="h3" %}`.
    """
    return {
        "headline": headline or Project.objects.headline(),
        "figures": list(ClusterFigure.objects.published()),
        "heading": heading_tag(heading),
    }
