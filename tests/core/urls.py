"""The site's URLconf plus one page that shows every kind of content, for the page cache tests.

Real pages show only some content types today; this page shows all of them, so the tests prove
that a change to any of them reaches the next request, whatever the templates come to show.
"""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.views.decorators.cache import never_cache

from portal.news.models import Article, Category
from portal.urls import urlpatterns as site_patterns
from projects.models import ClusterFigure, Park, Partner, Project, Sector


def showcase(request):
    lines = [
        *(f"project:{p.name}:{p.sector.name}" for p in Project.objects.published()),
        *(f"park:{p.name}" for p in Park.objects.published()),
        *(f"sector:{s.name}" for s in Sector.objects.all()),
        *(f"figure:{f.label}" for f in ClusterFigure.objects.published()),
        *(f"partner:{p.organisation}" for p in Partner.objects.published()),
        *(f"article:{a.title}:{a.category.name}" for a in Article.objects.published()),
        *(f"category:{c.name}" for c in Category.objects.all()),
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def with_form(request):
    return HttpResponse(f"token {get_token(request)}")


def with_cookie(request):
    response = HttpResponse("cookie")
    response.set_cookie("seen", "1")
    return response


def not_found(request):
    return HttpResponse("gone", status=404)


@never_cache
def private(request):
    return HttpResponse("private")


def nonce(request):
    return HttpResponse(f"nonce {request.csp_nonce}")


def varies(request):
    response = HttpResponse("varies")
    response["Vary"] = "User-Agent"
    return response


urlpatterns = [
    *site_patterns,
    *i18n_patterns(
        path("showcase/", showcase),
        path("with-form/", with_form),
        path("with-cookie/", with_cookie),
        path("not-found/", not_found),
        path("private/", private),
        path("nonce/", nonce),
        path("varies/", varies),
    ),
]
