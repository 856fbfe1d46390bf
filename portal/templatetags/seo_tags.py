"""Tags for the page head: reuse one block's text in several meta tags; JSON-LD safely."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

register = template.Library()

# As json_script does: inside <script> these could end the element or open a comment.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """JSON-LD for a `<script type="application/ld+json">`: no `<`, `>` or `&` can end it.

    `{{ structured_data|json_ld }}` in a template, or `json_ld(data)` in a view.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, cls=DjangoJSONEncoder)
    return mark_safe(text.translate(SCRIPT_ESCAPES))  # noqa: S308 - escaped for <script>


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
