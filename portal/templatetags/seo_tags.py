"""Tags for the page head: reuse one block's text in several meta tags."""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


class CaptureNode(template.Node):
    # Named `nodelist` so that `{% block %}` tags inside stay overridable by child templates.
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        text = " ".join(self.nodelist.render(context).split())
        context[self.name] = mark_safe(text)  # noqa: S308 - the rendered template output
        return ""


@register.tag
def capture(parser, token):
    """`{% capture name %}...{% endcapture %}` renders its content, whitespace collapsed, into
    the variable `name` instead of the page (e.g. the description block for og:description)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("Usage: {% capture name %}...{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[1])


@register.simple_tag
def og_locale(language_code):
    """The Open Graph locale of a language code: zh-hans -> zh_CN, en -> en_US."""
    return {"zh-hans": "zh_CN", "en": "en_US"}.get(language_code, language_code.replace("-", "_"))
