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
from django.conf import settings
from django.utils.html import strip_tags

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
