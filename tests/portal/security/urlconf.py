"""The public URL patterns of the site, read from the URLconf so that new pages join the
security tests by themselves."""

import re

from django.conf import settings
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern

PLACEHOLDER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
NAMED_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")


def _route(pattern):
    """A pattern's route, with regular expression groups written as `<name>` placeholders."""
    if isinstance(pattern, RegexPattern):
        regex = str(pattern).lstrip("^").rstrip("$")
        return NAMED_GROUP.sub(lambda m: f"<{m['name']}>", regex).replace("\\", "")
    return str(pattern)


def _walk(patterns, prefix, languages):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin" or str(entry.pattern) == settings.ADMIN_URL:
                continue
            if isinstance(entry.pattern, LocalePrefixPattern):
                for code in languages:
                    yield from _walk(entry.url_patterns, f"{prefix}{code}/", languages)
            else:
                yield from _walk(entry.url_patterns, prefix + _route(entry.pattern), languages)
        else:
            yield "/" + prefix + _route(entry.pattern)


def public_routes():
    """Every public route, in every language, e.g. `/en/projects/parks/<slug:slug>/`."""
    languages = [code for code, _name in settings.LANGUAGES]
    return sorted(set(_walk(get_resolver().url_patterns, "", languages)))


def placeholders(route):
    return PLACEHOLDER.findall(route)


def fill(route, value):
    """The route with every placeholder replaced by `value` (already quoted for a URL)."""
    return PLACEHOLDER.sub(lambda _m: value, route)
