"""The one allowlist that decides which HTML of an article body may reach a visitor.

It runs when a body is saved and again when it is shown, so that a row written around the
admin (a fixture, a shell, an old backup) is as safe as one typed into the editor. nh3 (the
Rust ammonia sanitizer) parses the HTML as a browser would; everything not listed here goes:
scripts and their content, event handlers, `style` attributes and elements, frames, forms, and
every URL scheme but http, https and mailto.
"""

import re
from html import unescape

import nh3
from django.apps import apps
from django.conf import settings
from django.urls import reverse_lazy
from django.utils.html import escape, strip_tags

# What the editor can produce: the prose editor's configuration is built from this list too.
EDITOR_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "Image": True,
    # The portal's own buttons (static/js/admin-prose-pickers.js): an image from the media
    # library, and a link to a project, park or article written as an internal link.
    "LibraryPickers": {
        "imagesUrl": reverse_lazy("admin:media_library_mediaitem_choices"),
        "linksUrl": reverse_lazy("admin:news_article_link_choices"),
    },
}

TAGS = {
    "h2", "h3", "h4", "p", "br", "hr", "strong", "em", "b", "i",
    "ul", "ol", "li", "blockquote", "a", "img", "figure", "figcaption",
    "table", "caption", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}

_OPENING_LINK = re.compile(r'<a href="(?P<href>[^"]*)"')
# An image whose address was refused is left without one: drop it rather than show a hole.
_IMAGE_WITHOUT_SOURCE = re.compile(r"<img(?![^>]*\bsrc=)[^>]*>")


def _is_own_media(url):
    media_url = settings.MEDIA_URL
    if not url.startswith(media_url) or ".." in url or "\\" in url:
        return False
    # "/media/" must not be read as the start of a protocol-relative "//host/..." address.
    return media_url.startswith(("http://", "https://")) or not url.startswith("//")


def _filter_attribute(tag, attribute, value):
    if tag == "img" and attribute == "src":
        return value if _is_own_media(value) else None
    if attribute in {"width", "height", "colspan", "rowspan", "start"}:
        return value if value.isdigit() and len(value) <= 4 else None
    return value


def _cleaner():
    return nh3.Cleaner(
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_filter_attribute,
        link_rel=None,
        strip_comments=True,
    )


def _external(href):
    return href.startswith(("http://", "https://", "//"))


def _mark_external_links(html):
    """Links that leave the site get rel="noopener noreferrer"; nh3 has quoted every href."""
    return _OPENING_LINK.sub(
        lambda m: (
            f'<a href="{m["href"]}" rel="noopener noreferrer"' if _external(m["href"]) else m[0]
        ),
        html,
    )


# A link the editor's picker writes: the same in both languages, resolved when shown.
INTERNAL_LINK_KINDS = {
    "project": "projects.Project",
    "park": "projects.Park",
    "article": "news.Article",
}
_INTERNAL_LINK = re.compile(
    r'<a href="/link/(?P<kind>project|park|article)/(?P<pk>[0-9]{1,10})/"(?P<rest>[^>]*)>'
    r"(?P<text>.*?)</a>",
    re.DOTALL,
)


def internal_link(kind, pk):
    """The language-neutral address of a project, park or article in a body."""
    return f"/link/{kind}/{pk}/"


def resolve_internal_links(html):
    """Internal links made the record's address in the active language; a link to a record
    visitors cannot see (a draft, a deleted project) gives way to its words. One query per
    kind of record linked, none for a body without internal links."""
    found = list(_INTERNAL_LINK.finditer(html))
    if not found:
        return html
    addresses = {}
    for kind in {m["kind"] for m in found}:
        model = apps.get_model(INTERNAL_LINK_KINDS[kind])
        pks = {int(m["pk"]) for m in found if m["kind"] == kind}
        for record in model.objects.published().filter(pk__in=pks):
            addresses[(kind, record.pk)] = record.get_absolute_url()

    def resolve(match):
        address = addresses.get((match["kind"], int(match["pk"])))
        if address is None:
            return match["text"]
        return f'<a href="{escape(address)}"{match["rest"]}>{match["text"]}</a>'

    return _INTERNAL_LINK.sub(resolve, html)


def render_html(html):
    """A body as a visitor gets it: through the allowlist, its internal links resolved."""
    return resolve_internal_links(clean_html(html))


def clean_html(html):
    """The body reduced to the allowlist; an editor's lone empty paragraph becomes ""."""
    if not html:
        return ""
    cleaned = _IMAGE_WITHOUT_SOURCE.sub("", _cleaner().clean(html))
    cleaned = _mark_external_links(cleaned).strip()
    if re.fullmatch(r"(<p>(<br>)?</p>)*", cleaned):
        return ""
    return cleaned


# Tags that end a block of text: the words on either side are separate words.
_BLOCK_BOUNDARY = re.compile(
    r"<(?:/?(?:h[1-6]|p|li|ul|ol|blockquote|figure|figcaption|table|caption|thead|tbody|tr|th"
    r"|td)|br|hr|img)\b[^>]*>",
    re.IGNORECASE,
)


def plain_text(value):
    """The words of some HTML, for search and snippets: no tags, attribute values or entities,
    blocks separated by a space and runs of white space made one."""
    text = strip_tags(_BLOCK_BOUNDARY.sub(" ", value or ""))
    return " ".join(unescape(text).split())
