"""Views of the site shell: home, search, robots.txt, health checks, the accessibility
statement, CSRF failure."""

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from portal.core.page_cache import do_not_store
from portal.models import AccessibilityStatement, HomePage
from portal.news.models import Article
from portal.search import MAX_QUERY_LENGTH, matching, parse_query, results_for
from portal.templatetags.seo_tags import json_ld
from projects.charts import registry_charts
from projects.models import ClusterFigure, Park, Partner, Project
from projects.overview import RegistryOverview

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
