"""Template tags of the investor tools (projects/tools/)."""

from django import template

from projects.tools.opendata import licence
from projects.tools.shortlist import is_saved

register = template.Library()


@register.simple_tag(takes_context=True)
def shortlisted(context, project):
    """Whether the visitor has saved `project`: `{% shortlisted project as saved %}`."""
    return is_saved(context.get("request"), project)


@register.simple_tag
def open_data_licence():
    """The open data's licence, e.g. {"name": "CC BY 4.0", "url": "https://..."}."""
    return licence()
