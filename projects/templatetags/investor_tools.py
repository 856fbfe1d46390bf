"""Template tags of the investor tools (projects/tools/)."""

from django import template

from projects.tools.shortlist import is_saved

register = template.Library()


@register.simple_tag(takes_context=True)
def shortlisted(context, project):
    """Whether the visitor has saved `project`: `{% shortlisted project as saved %}`."""
    return is_saved(context.get("request"), project)
