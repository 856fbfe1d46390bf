"""The page cache: anonymous GET pages served from the shared cache, never stale.

Each page is stored with the content version it was rendered under and served only while the
database still holds that version (`portal.core.content_version`): one primary-key read per
hit, which is what makes a change visible to every worker and every server on its next
request. The middleware sits directly after WhiteNoise, so a hit skips sessions, locale,
CSRF, auth and the view.

It leaves alone whatever may differ between visitors: requests with a session or messages
cookie; responses that set a cookie, used the CSRF token or a CSP nonce, are not 200, are
marked private, no-cache or no-store, or vary on a header other than the language and
cookies. The admin and the health checks are never cached. An entry lives at most
`PAGE_CACHE_SECONDS`, and never past the next scheduled publication.

Entries are stored gzip-compressed (a page of 20 KB takes about 5 KB of the cache), and a hit
is sent compressed to every client that accepts gzip, decompressed to the others. A session
cookie that names no session (a stale cookie, or one made up to get past the cache) is
treated as no cookie: the visitor gets the page every anonymous visitor gets.

One page, one entry. A query string is part of the key, so a parameter no page reads would
otherwise make a new entry and a new render for every value, which anyone can send: an
anonymous GET or HEAD whose query string holds any other parameter (campaign tags such as
`utm_source` included; the portal runs no analytics) is answered with a 301 to the same
address without it, the parameters pages read kept in their order (`QUERY_PARAMETERS`, or
`PAGE_CACHE_QUERY_PARAMETERS`). That costs no query. A view whose known parameters hold a
value it did not understand (it says so on the page) or is spelled another way than the page
it shows marks its response with `do_not_store`, so such a page is rendered but never kept;
and no entry is kept whose compressed page exceeds `PAGE_CACHE_MAX_ENTRY_BYTES`.

While the cache cannot be reached (`portal.core.cache_backends`), pages are rendered from the
database on every request: slower, never wrong. Staff POSTs to the admin that may change
content renew the version after the view, for bulk actions that change rows without a model
signal; the officers' work on enquiries and signing in and out do not.
"""

import gzip
import logging
import re
from importlib import import_module
from urllib.parse import unquote_plus

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve
from django.utils.cache import cc_delim_re, patch_vary_headers, set_response_etag
from django.utils.encoding import escape_uri_path
from django.utils.http import escape_leading_slashes
from django.utils.translation import get_language_from_request

from portal.core import content_version

logger = logging.getLogger(__name__)

PAGE_KEY_PREFIX = "page-cache:page:"
SAFE_METHODS = frozenset({"GET", "HEAD"})
NEVER_CACHE_PATHS = ("/healthz",)
UNCACHEABLE_CONTROL = ("private", "no-cache", "no-store")
# The language is part of the key and only anonymous requests without a session reach the
# cache, so these two may vary without making a stored page wrong for anyone.
HARMLESS_VARY = frozenset({"accept-language", "cookie"})
# A response carries these per-request headers; the rest is stored with the page.
NOT_STORED_HEADERS = frozenset({"set-cookie", "x-cache", "date", "content-length"})
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Every GET parameter a public page reads: the registry's filters, search and pages (`q`,
# `page`, `sort` and the facets), compare (`p`, `park`), the enquiry form's preselection
# (`project`, `park`) and prefilled question (`message`), the shortlist's way back (`next`), the
# sitemap's pages (`p`), the enterprise directory's facets (`stage`, `park`, `cert`) and the cost
# estimator's inputs (`land` ... `investment`, `role` and `staff` in pairs, and `sector`).
QUERY_PARAMETERS = (
    "q",
    "page",
    "sort",
    "sector",
    "park",
    "stage",
    "kind",
    "band",
    "p",
    "project",
    "next",
    "cert",
    "message",
    "land",
    "electricity",
    "gas",
    "water",
    "tonnage",
    "investment",
    "role",
    "staff",
)
# A gzip-compressed page above this is rendered each time rather than kept (real pages take
# 5 to 30 KB).
MAX_ENTRY_BYTES = 256 * 1024
# How long a browser may keep the redirect to the canonical address: not for ever, in case a
# page comes to read a parameter it drops today.
REDIRECT_SECONDS = 3600
# Admin views that change no content.
ADMIN_ACCOUNT_VIEWS = frozenset({"login", "logout", "password_change", "password_change_done"})


def _admin_prefix():
    return "/" + settings.ADMIN_URL.lstrip("/")


def _page_key(request):
    """Language, scheme, host and full path: pages show absolute links built from all four."""
    language = get_language_from_request(request, check_path=True)
    return (
        f"{PAGE_KEY_PREFIX}{language}:{request.scheme}://{request.get_host()}"
        f"{request.get_full_path()}"
    )


def _may_change_content(request):
    """Whether an admin POST may change what visitors see: anything but the sign-in pages
    and the models of apps that pages do not show (enquiries, users)."""
    if request.method in SAFE_METHODS or not request.path.startswith(_admin_prefix()):
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    model_admin = getattr(match.func, "model_admin", None)
    if model_admin is not None:
        return model_admin.model._meta.app_label in settings.CONTENT_APPS
    return match.url_name not in ADMIN_ACCOUNT_VIEWS


def _has_session(request):
    """Whether the session cookie names a session that exists (one query, only for requests
    that carry the cookie)."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if key is None:
        return False
    return import_module(settings.SESSION_ENGINE).SessionStore().exists(key)


def _request_is_cacheable(request):
    if request.method not in SAFE_METHODS:
        return False
    if request.path.startswith(NEVER_CACHE_PATHS) or request.path.startswith(_admin_prefix()):
        return False
    return "messages" not in request.COOKIES and not _has_session(request)


def do_not_store(response):
    """Mark a response the page cache must not keep (it is sent to the visitor as it is)."""
    response.page_cache_do_not_store = True
    return response


def canonical_query(request):
    """The query string with only the parameters pages read, each as it was written and in
    its order; None when it holds nothing else."""
    raw = request.META.get("QUERY_STRING", "")
    if not raw:
        return None
    known = frozenset(getattr(settings, "PAGE_CACHE_QUERY_PARAMETERS", QUERY_PARAMETERS))
    parts = raw.split("&")
    kept = [part for part in parts if part and unquote_plus(part.split("=", 1)[0]) in known]
    return None if len(kept) == len(parts) else "&".join(kept)


def _canonical_redirect(request, query):
    location = escape_leading_slashes(escape_uri_path(request.path))
    if query:
        location += "?" + query
    response = HttpResponsePermanentRedirect(location)
    response["Cache-Control"] = f"max-age={REDIRECT_SECONDS}"
    response["X-Cache"] = "redirect"
    return response


def _response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(response, "page_cache_do_not_store", False):
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


class PageCacheMiddleware:
    """Serves anonymous GET and HEAD pages from the cache; see the module's docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if seconds <= 0 or not _request_is_cacheable(request):
            response = self.get_response(request)
            if _may_change_content(request):
                content_version.bump_content_version()
            return response
        try:
            key = _page_key(request)
        except DisallowedHost:
            # The rest of the stack answers a foreign host with its 400.
            return self.get_response(request)
        if request.path in settings.PAGE_CACHE_UNCACHED_PATHS:
            # A page that is never cached and reads parameters of its own (the enquiry form
            # records campaign tags): nothing to redirect or store.
            return self.get_response(request)
        query = canonical_query(request)
        if query is not None:
            return _canonical_redirect(request, query)
        try:
            token, valid_for = content_version.current()
        except DatabaseError:
            # No database, no page: the view answers with the error page.
            return self.get_response(request)
        # The shell reads its settings row once per version (portal.context_processors).
        request.content_version = token

        try:
            entry = cache.get(key)
        except Exception:
            # A cache backend that fails slows the site down; it must not stop it.
            logger.exception("page cache unavailable")
            entry = None
        if entry is not None and entry["version"] == token:
            return self._rebuild(entry, request)

        response = self.get_response(request)
        entry = None
        if request.method == "GET" and _response_is_cacheable(request, response):
            entry = self._entry(response, token)
            limit = getattr(settings, "PAGE_CACHE_MAX_ENTRY_BYTES", MAX_ENTRY_BYTES)
            if len(entry["gzip"]) > limit:
                entry = None
        if entry is not None:
            ttl = seconds if valid_for is None else max(1, min(seconds, int(valid_for) + 1))
            try:
                cache.set(key, entry, ttl)
            except Exception:
                logger.exception("page cache unavailable")
            response["X-Cache"] = "miss"
        else:
            response["X-Cache"] = "bypass"
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
        return {
            "version": version,
            "headers": headers,
            "gzip": gzip.compress(response.content, compresslevel=6, mtime=0),
        }

    @staticmethod
    def _rebuild(entry, request):
        compressed = ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        body = entry["gzip"] if compressed else gzip.decompress(entry["gzip"])
        response = HttpResponse(body)
        for name, value in entry["headers"]:
            response[name] = value
        patch_vary_headers(response, ("Accept-Encoding",))
        if compressed:
            response["Content-Encoding"] = "gzip"
            # Another representation of the same page: its validator is weak (as Django's
            # GZipMiddleware makes it).
            if response.has_header("ETag") and not response["ETag"].startswith("W/"):
                response["ETag"] = "W/" + response["ETag"]
        response["Content-Length"] = str(len(body))
        response["X-Cache"] = "hit"
        return response
