"""Tags for the page head: reuse one block's text in several meta tags; JSON-LD safely; the
share image and structured data of a project or a park."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.core.renditions import rendition_name, widths_for

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


def _absolute(context, url):
    request = context.get("request")
    return request.build_absolute_uri(url) if request and url else url


@register.simple_tag(takes_context=True)
def share_image(context, gallery_image):
    """The absolute address of a gallery image for link previews: its widest JPEG rendition
    (every sharing site reads JPEG; WebP is not safe for WeChat), else the original.

    `{% share_image project.cover %}` in the `og_image` block; built from the row alone.
    """
    if not gallery_image or not gallery_image.image:
        return ""
    field_file = gallery_image.image
    widths = widths_for(gallery_image.width)
    name = rendition_name(field_file.name, widths[-1], "jpg") if widths else field_file.name
    return _absolute(context, field_file.storage.url(name))


def _described(context, item):
    data = {
        "@context": "https://schema.org",
        "name": item.name,
        "description": item.summary,
        "url": _absolute(context, item.get_absolute_url()),
        "inLanguage": get_language(),
    }
    image = share_image(context, item.cover)
    if image:
        data["image"] = image
    return data


def _county():
    return {
        "@type": "AdministrativeArea",
        "name": _("Guanxian County, Liaocheng, Shandong Province, China"),
    }


@register.simple_tag(takes_context=True)
def park_json_ld(context, park):
    """A park as a schema.org Place, with its coordinates when it has them."""
    data = {"@type": "Place", **_described(context, park), "containedInPlace": _county()}
    if park.address:
        data["address"] = park.address
    if park.latitude is not None and park.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(park.latitude),
            "longitude": float(park.longitude),
        }
    return json_ld(data)


@register.simple_tag(takes_context=True)
def project_json_ld(context, project):
    """A project as a schema.org Project at its park, with its investor and investment."""
    data = {"@type": "Project", **_described(context, project)}
    if project.park_id and project.park.is_visible:
        data["location"] = {
            "@type": "Place",
            "name": project.park.name,
            "url": _absolute(context, project.park.get_absolute_url()),
            "containedInPlace": _county(),
        }
    else:
        data["location"] = _county()
    if project.investor:
        data["funder"] = {"@type": "Organization", "name": project.investor}
    if project.investment_yuan is not None:
        data["additionalProperty"] = {
            "@type": "PropertyValue",
            "name": _("Investment"),
            "value": int(project.investment_yuan),
            "unitText": "CNY",
        }
    return json_ld(data)
