"""Template tags of the site shell."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.http import escape_leading_slashes
from django.utils.translation import get_language, get_language_info, gettext_noop

register = template.Library()

# Django's forms end every label with gettext(":") (Form.label_suffix), unless the label already
# ends with one of gettext(":?.!"); Django's own Chinese catalogue leaves both ASCII ("您的姓名:").
# The portal's catalogue translates them; named here so that makemessages keeps the entries.
# Translators: The suffix Django's forms put after every field label ("Your name:").
LABEL_SUFFIX = gettext_noop(":")
# Translators: A label ending with one of these characters gets no label suffix.
LABEL_ENDINGS = gettext_noop(":?.!")


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """The current page in every language, for the switcher and the hreflang links.

    `translate_url` keeps the path's arguments and the query string, so a visitor who switches
    language stays on the same project, filter and page. A path that does not resolve (a 404
    page) sends the other language to its home page instead.

    Computed when first used: the shell's fragments that show them are usually in the cache.
    """
    request = context.get("request")
    if request is None:
        return []
    current = get_language()
    return SimpleLazyObject(lambda: _alternates(request, current))


def _alternates(request, current):
    # A path such as `//evil.example/` (sent as /%2Fevil.example/) would otherwise come back
    # as a link to another site; escaped, it stays a path on this one.
    full_path = escape_leading_slashes(request.get_full_path())
    alternates = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(full_path, code)
        if url == full_path and code != current:
            url = f"/{code}/"
        info = get_language_info(code)
        alternates.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "is_current": code == current,
            }
        )
    return alternates


@register.simple_tag(takes_context=True)
def language_neutral_url(context):
    """The page's address without its language prefix, for hreflang x-default: it sends each
    browser to its own language, as the sitemap's x-default does."""
    request = context.get("request")
    if request is None:
        return ""
    path = request.get_full_path()
    prefix = f"/{get_language()}/"
    if path.startswith(prefix):
        path = "/" + path[len(prefix) :]
    return request.build_absolute_uri(escape_leading_slashes(path))


def _section(resolver_match):
    if resolver_match is None:
        return ""
    name = resolver_match.view_name
    if name.startswith("projects:park"):
        return "parks"
    for section, prefix in (
        ("projects", "projects:"),
        ("news", "news:"),
        ("enquire", "enquiries:"),
    ):
        if name.startswith(prefix):
            return section
    return ""


@register.simple_tag(takes_context=True)
def nav_section(context):
    """The main navigation's section of the current page, for `aria-current`."""
    request = context.get("request")
    return _section(getattr(request, "resolver_match", None))


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters changed, e.g. `?{% query_with page=2 %}`.

    A parameter set to None is removed; every other parameter, filters included, is kept.
    """
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()
