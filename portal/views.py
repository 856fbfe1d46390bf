"""Views of the site shell: home, health checks, the accessibility statement, CSRF failure."""

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView


class HomeView(TemplateView):
    template_name = "portal/home.html"


class AccessibilityView(TemplateView):
    template_name = "portal/accessibility.html"


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
