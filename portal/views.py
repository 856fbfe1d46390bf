"""Views of the site shell: home, search, robots.txt, health checks, the accessibility
statement, the elderly-friendly mode, the old Chinese language prefixes, CSRF failure."""

import functools
import re

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.http import (
    HttpResponse,
    HttpResponseForbidden,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    JsonResponse,
)
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.encoding import escape_uri_path
from django.utils.http import escape_leading_slashes, url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView

from portal.context_processors import site_settings
from portal.core.page_cache import do_not_store
from portal.models import AccessibilityStatement, HomePage
from portal.news.models import Article
from portal.search import MAX_QUERY_LENGTH, matching, parse_query, results_for
from portal.templatetags.seo_tags import json_ld
from projects.charts import registry_charts
from projects.models import ClusterFigure, Park, Partner, Project
from projects.overview import RegistryOverview

CARE_COOKIE = "gx_care"
CARE_COOKIE_SECONDS = 365 * 24 * 3600
# The elderly-friendly rules of site.css, between these two comments, scoped by `.care`.
CARE_RULES = re.compile(r"/\* care-mode:start \*/(.*?)/\* care-mode:end \*/", re.S)
CARE_SCOPE = re.compile(r"(:root|html)?\.care\b(?!-)\s*")
FEATURED_ON_HOME = 6
NEWS_ON_HOME = 3
RESULTS_PER_PAGE = 10


class HomeView(TemplateView):
    """A fixed number of queries whatever the registry holds: one per block and the cards'
    images."""

    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        home = HomePage.load()
        overview = RegistryOverview()
        parks = list(Park.objects.published().for_cards())
        context.update(
            home=home,
            headline=overview.headline(),
            figures=list(ClusterFigure.objects.published()),
            featured=list(
                Project.objects.published().filter(is_featured=True).for_cards()[:FEATURED_ON_HOME]
            ),
            parks=parks,
            news=list(Article.objects.published().select_related("category")[:NEWS_ON_HOME]),
            partners=list(Partner.objects.published()),
            charts=registry_charts(overview, parks),
            organisation_json_ld=json_ld(self.organisation(home)),
        )
        return context

    def organisation(self, home):
        """The investment office as schema.org sees it, for search engines' knowledge panels."""
        request = self.request
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentOrganization",
            "name": gettext("Guanxian Bearing Investment"),
            "url": request.build_absolute_uri(reverse("home")),
            "image": request.build_absolute_uri(static("img/og-default.png")),
            "email": settings.PORTAL_CONTACT_EMAIL,
            "telephone": settings.PORTAL_CONTACT_PHONE,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": gettext("Guanxian County"),
                "addressRegion": gettext("Shandong Province"),
                "addressCountry": "CN",
            },
        }
        identity = site_settings(request)
        if identity.street_address:
            data["address"]["streetAddress"] = identity.street_address
        if identity.operating_body:
            data["parentOrganization"] = {
                "@type": "GovernmentOrganization",
                "name": identity.operating_body,
            }
        if home.brand_line:
            data["slogan"] = home.brand_line
        if home.lead:
            data["description"] = home.lead
        return data


class AccessibilityView(TemplateView):
    template_name = "portal/accessibility.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        statement = AccessibilityStatement.load()
        context["statement"] = statement if statement.intro else None
        return context


@require_GET
def search(request):
    """`?q=`: a cleaned query, results by relevance, ten to a page; bad input is answered."""
    query = parse_query(request.GET.get("q", ""))
    page_obj = None
    results = []
    if query.is_searchable:
        paginator = Paginator(matching(query), RESULTS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        results = results_for(list(page_obj.object_list), query)
    context = {
        "query": query,
        "page_obj": page_obj,
        "results": results,
        "max_length": MAX_QUERY_LENGTH,
    }
    response = HttpResponse(loader.render_to_string("portal/search.html", context, request))
    response["X-Robots-Tag"] = "noindex"
    pages = request.GET.getlist("page")
    shown = [str(page_obj.number)] if page_obj else []
    if len(request.GET.getlist("q")) > 1 or (pages and pages != shown):
        # Any page number gives a page here (the nearest one): one entry per spelling of it
        # would fill the page cache.
        do_not_store(response)
    return response


@require_GET
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("django.contrib.sitemaps.views.sitemap"))
    languages = [code for code, _name in settings.LANGUAGES]
    lines = ["User-agent: *"]
    lines += [f"Disallow: /{code}/search/" for code in languages]
    lines += ["", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def live(request):
    """Answers without touching the database or the cache: the benchmarks' baseline."""
    return HttpResponse(b"ok", content_type="text/plain")


def _database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


def _cache_ok():
    try:
        cache.set("healthz", "ok", 10)
        return cache.get("healthz") == "ok"
    except Exception:
        return False


@never_cache
def health(request):
    """The state of the database and the cache, for load balancers and monitoring.

    A broken cache degrades the site but does not stop it; without the database the site
    cannot serve, so only that answers 503.
    """
    database, cache_state = _database_ok(), _cache_ok()
    body = {
        "status": "ok" if database and cache_state else ("degraded" if database else "error"),
        "database": "ok" if database else "error",
        "cache": "ok" if cache_state else "error",
    }
    return JsonResponse(body, status=200 if database else 503)


def csrf_failure(request, reason=""):
    template = loader.get_template("403_csrf.html")
    return HttpResponseForbidden(template.render({"reason": reason}, request))


@functools.cache
def care_rules():
    """The elderly-friendly rules of site.css with their `.care` scope taken off, for a browser
    without JavaScript (which cannot set the class)."""
    path = finders.find("css/site.css")
    with open(path, encoding="utf-8") as css:
        found = CARE_RULES.search(css.read())
    block = found.group(1) if found else ""
    return CARE_SCOPE.sub(lambda m: ":root " if m.group(1) else "", block).strip() + "\n"


@csrf_exempt
@require_POST
def care_mode(request):
    """Switch the elderly-friendly mode (关怀版) and go back to the page.

    Pages are the same for every visitor, so the server never reads the mode for them: a
    cookie does it in the browser, read by the head script (or, without JavaScript, by
    `care_stylesheet`). No CSRF token, because a page that used one could not be cached, and
    switching someone's text size is all a forged request could do.
    """
    on = request.POST.get("care") == "on"
    if "care" not in request.POST:
        on = request.COOKIES.get(CARE_COOKIE) != "1"
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) or not target.startswith("/"):
        target = reverse("home")
    response = HttpResponseRedirect(target, status=303)
    if on:
        response.set_cookie(
            CARE_COOKIE,
            "1",
            max_age=CARE_COOKIE_SECONDS,
            samesite="Lax",
            secure=request.is_secure(),
        )
    else:
        response.delete_cookie(CARE_COOKIE, samesite="Lax")
    return response


@require_GET
def care_stylesheet(request):
    """The elderly-friendly rules for the visitor who switched them on, empty for the others.

    Only a browser without JavaScript asks for it (the page links it inside <noscript>); it
    differs per visitor, so it is private and never kept by the page cache.
    """
    body = care_rules() if request.COOKIES.get(CARE_COOKIE) == "1" else ""
    response = HttpResponse(body, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "private, no-cache"
    patch_vary_headers(response, ("Cookie",))
    return response


def old_chinese_prefix(request, rest=""):
    """`/zh/…` and `/zh-cn/…`, as people and other sites write them, to `/zh-hans/…`."""
    location = escape_leading_slashes(escape_uri_path(f"/zh-hans/{rest}"))
    query = request.META.get("QUERY_STRING", "")
    if query:
        location += "?" + query
    return HttpResponsePermanentRedirect(location)
