"""The page cache: anonymous GET pages served from the shared cache, never stale.

Every cached page is stored with the *content version* that was current when it was rendered.
The version is a random token kept in the cache itself (so every app server sharing Redis sees
the same one) and replaced whenever a model of a content app is saved, deleted or has its
many-to-many links changed, whenever staff post anything in the admin (bulk actions use
`QuerySet.update()`, which sends no signal), and when the next scheduled publication time is
reached. A page stored under an older token is never served again. A random token, not a
counter, because a counter that the cache evicts would start again at 1 and bring old pages
back to life.

The middleware sits directly after WhiteNoise, so a hit skips sessions, locale, CSRF, auth and
the view. It leaves alone whatever may differ between visitors: requests with a session or
messages cookie, responses that set a cookie, used the CSRF token or a CSP nonce, are not
200, are marked private/no-cache/no-store, or vary on a header other than the language and
cookies; and the admin and the health checks are never cached.

While the cache cannot be reached (see `portal.cache_backends`), pages are rendered from the
database on every request, and the admin refuses changes to content with a 503 before the
view runs: a change whose version could not be renewed would bring its old pages back once
the cache answers again.
"""

import hashlib
import logging
import uuid

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, cc_delim_re, set_response_etag
from django.utils.translation import get_language, get_language_from_request

from portal.cache_backends import UNREACHABLE

logger = logging.getLogger(__name__)

VERSION_KEY = "page-cache:content-version"
PAGE_KEY_PREFIX = "page-cache:page:"
# The apps whose models pages show. Sessions and enquiries change nothing a visitor sees.
CONTENT_APPS = frozenset({"projects", "news", "portal"})
SAFE_METHODS = frozenset({"GET", "HEAD"})
NEVER_CACHE_PATHS = ("/healthz",)
UNCACHEABLE_CONTROL = ("private", "no-cache", "no-store")
# The language is part of the key and only anonymous requests without a session reach the
# cache, so these two may vary without making a stored page wrong for anyone.
HARMLESS_VARY = frozenset({"accept-language", "cookie"})
# A response carries these per-request headers; the rest is stored with the page.
NOT_STORED_HEADERS = frozenset({"set-cookie", "x-cache", "date"})
# Template fragments keyed by the content version (`CONTENT_VERSION` in every template's
# context) are never stale, whether the page cache is on or off; this only bounds memory.
FRAGMENT_CACHE_SECONDS = 3600
# Admin views that change no content: signing in and out must work while the cache is down.
ADMIN_ACCOUNT_VIEWS = frozenset({"login", "logout", "password_change", "password_change_done"})
RETRY_AFTER_UNAVAILABLE = 60


# --- The content version ----------------------------------------------------------------------


def _next_scheduled_publication():
    """The earliest future `published_at` of any content model, or None.

    A page rendered now must not outlive that moment: the scheduled item appears by itself
    then, so the version is renewed when it comes.
    """
    now = timezone.now()
    upcoming = []
    for model in apps.get_models():
        if model._meta.app_label not in CONTENT_APPS:
            continue
        if "published_at" not in {f.name for f in model._meta.concrete_fields}:
            continue
        moment = model._base_manager.filter(published_at__gt=now).aggregate(
            first=Min("published_at")
        )["first"]
        if moment is not None:
            upcoming.append(moment)
    return min(upcoming) if upcoming else None


def _new_state():
    until = _next_scheduled_publication()
    return {"token": uuid.uuid4().hex, "until": until.timestamp() if until else None}


def bump_content_version():
    """Make every cached page stale. Call it after changing content without a model signal.

    Raises if the cache cannot be reached: a change whose pages could be served again once
    the cache is back must not go through (see `portal.cache_backends`).
    """
    state = _new_state()
    getattr(cache, "set_or_raise", cache.set)(VERSION_KEY, state, timeout=None)
    return state


def _current_state(state):
    """The version to render with: the stored one, or a new one if it is missing or due.

    A new one found missing is stored as any other value: while the cache is unreachable
    every request renders with a token of its own and nothing is kept, which is right, and
    no content can change meanwhile.
    """
    if state is None or (state["until"] is not None and state["until"] <= _now_timestamp()):
        state = _new_state()
        cache.set(VERSION_KEY, state, timeout=None)
    return state


def _now_timestamp():
    return timezone.now().timestamp()


def content_version():
    """The token of the content as it is now."""
    return _current_state(cache.get(VERSION_KEY))["token"]


_MISSING = object()


def versioned(name, compute, *parts):
    """`compute()`, kept in the cache under the content version, the active language and `parts`.

    For values read from content and shared by every visitor (a form's choices, a count): like
    a template fragment keyed by `CONTENT_VERSION`, never stale, and computed again only after
    the content changed. The value must be picklable; `parts` are hashed, so any text will do.
    """
    digest = hashlib.md5(
        "\x1f".join(str(part) for part in parts).encode(), usedforsecurity=False
    ).hexdigest()
    key = f"versioned:{name}:{content_version()}:{get_language()}:{digest}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, FRAGMENT_CACHE_SECONDS)
    return value


class VersionedCountMixin:
    """For a ListView whose items are a fragment keyed by the content version: the number of
    items, which the paginator needs on every request, is kept with it (see `versioned`).

    `count_key()` returns the name and the parts that tell one list from another.
    """

    def count_key(self):
        raise NotImplementedError

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        name, *parts = self.count_key()
        paginator.count = versioned(name, queryset.count, *parts)
        return paginator


def _content_changed(sender, **kwargs):
    # Historical models of migrations have their own registry: the tables the version looks
    # at may not exist yet, and no page has been rendered from them.
    if sender._meta.app_label not in CONTENT_APPS or sender._meta.apps is not apps:
        return
    if kwargs.get("action", "post_").startswith("pre_"):
        return
    # Renewed now, so that the change is seen at once in this transaction, and again after
    # the commit, so that a page rendered meanwhile from the old rows is not kept.
    bump_content_version()
    transaction.on_commit(bump_content_version, robust=True)


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"page-cache-{id(signal)}")


# --- The middleware -------------------------------------------------------------------------


def page_cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def _admin_prefix():
    return "/" + settings.ADMIN_URL.lstrip("/")


def _page_key(request):
    """Language, scheme, host and full path: pages show absolute links built from all four."""
    language = get_language_from_request(request, check_path=True)
    return (
        f"{PAGE_KEY_PREFIX}{language}:{request.scheme}://{request.get_host()}"
        f"{request.get_full_path()}"
    )


def _request_is_cacheable(request):
    if request.method not in SAFE_METHODS:
        return False
    if request.path.startswith(NEVER_CACHE_PATHS) or request.path.startswith(_admin_prefix()):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_USED") or isinstance(
        getattr(request, "_csp_nonce", None), str
    ):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in UNCACHEABLE_CONTROL):
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    return vary <= HARMLESS_VARY


def _may_change_content(request):
    """Whether an admin POST may change what visitors see: anything but the sign-in pages
    and the models of apps that pages do not show (enquiries, users)."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    model_admin = getattr(match.func, "model_admin", None)
    if model_admin is not None:
        return model_admin.model._meta.app_label in CONTENT_APPS
    return match.url_name not in ADMIN_ACCOUNT_VIEWS


def _cache_unavailable(request):
    """503 for an admin change refused while the cache is unreachable, in the staff's
    language (LocaleMiddleware has not run yet)."""
    with translation.override(get_language_from_request(request)):
        response = HttpResponse(
            render_to_string("portal/cache_unavailable.html", request=request), status=503
        )
    response["Retry-After"] = str(RETRY_AFTER_UNAVAILABLE)
    add_never_cache_headers(response)
    return response


class PageCacheMiddleware:
    """Serves anonymous GET and HEAD pages from the cache; see the module's docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = page_cache_seconds()
        if seconds <= 0 or not _request_is_cacheable(request):
            if request.method in SAFE_METHODS or not request.path.startswith(_admin_prefix()):
                return self.get_response(request)
            return self._admin_post(request)
        try:
            key = _page_key(request)
        except DisallowedHost:
            # The rest of the stack answers a foreign host with its 400.
            return self.get_response(request)

        try:
            stored = cache.get_many([VERSION_KEY, key])
            state = _current_state(stored.get(VERSION_KEY))
        except Exception:
            # A cache that cannot be reached slows the site down; it must not stop it.
            logger.exception("page cache unavailable")
            return self.get_response(request)
        entry = stored.get(key)
        if entry is not None and entry["version"] == state["token"]:
            return self._rebuild(entry)

        response = self.get_response(request)
        if request.method == "GET" and _response_is_cacheable(request, response):
            ttl = seconds
            if state["until"] is not None:
                ttl = max(1, min(seconds, int(state["until"] - _now_timestamp()) + 1))
            try:
                cache.set(key, self._entry(response, state["token"]), ttl)
            except Exception:
                logger.exception("page cache unavailable")
            response["X-Cache"] = "miss"
        else:
            response["X-Cache"] = "bypass"
        return response

    def _admin_post(self, request):
        """Staff post in the admin: the version is renewed before (a change that could not
        renew it is refused, so no page outlives it) and after (bulk actions send no signal).
        """
        if _may_change_content(request):
            try:
                bump_content_version()
            except UNREACHABLE:
                logger.exception("content version cannot be renewed; admin change refused")
                return _cache_unavailable(request)
        response = self.get_response(request)
        try:
            bump_content_version()
        except Exception:
            logger.exception("content version not renewed after %s", request.path)
        return response

    @staticmethod
    def _entry(response, version):
        # The ETag is stored with the page, so a hit is not hashed again for each 304.
        if not response.has_header("ETag"):
            set_response_etag(response)
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in NOT_STORED_HEADERS
        ]
        return {"version": version, "headers": headers, "content": response.content}

    @staticmethod
    def _rebuild(entry):
        response = HttpResponse(entry["content"])
        for name, value in entry["headers"]:
            response[name] = value
        response["X-Cache"] = "hit"
        return response
