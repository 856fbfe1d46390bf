"""A shortlist of projects kept in the visitor's session: no account, no personal data.

Pages served from the shared page cache (project list, detail, home) must not carry a CSRF
token, so their "Save" control is a plain link to this project's confirmation page, which shows
the POST form (it is private, like the shortlist). static/js/shortlist.js enhances the link: it
fetches a token from `token` (private JSON), posts the toggle with fetch and updates the control
in place. Private pages (compare) may carry the POST form itself; the script enhances it too.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods

from projects.models import Project

SESSION_KEY = "shortlist"
MAX_SAVED = 20
ENQUIRY_MAX = 3


def saved_ids(request):
    """The saved project ids, oldest first."""
    value = request.session.get(SESSION_KEY, [])
    return [pk for pk in value if isinstance(pk, int)] if isinstance(value, list) else []


def is_saved(request, project):
    return request is not None and project.pk in saved_ids(request)


def _store(request, ids):
    request.session[SESSION_KEY] = ids[-MAX_SAVED:]


def enquiry_url(projects, form="enquiries:enquiry_create"):
    """The enquiry form (or the site visit form) with up to three of the projects chosen."""
    slugs = [project.slug for project in projects[:ENQUIRY_MAX]]
    query = urlencode([("project", slug) for slug in slugs])
    return reverse(form) + (f"?{query}" if query else "")


def _safe_next(request, target):
    """`target` if it is a path on this site, else the shortlist page."""
    # The check refuses other hosts and schemes, the slash relative paths.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("projects:shortlist")


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


@require_http_methods(["GET", "POST"])
@cache_control(private=True, no_store=True)
def toggle(request, slug):
    """GET: the confirmation page with the form. POST: save (`saved=1`) or remove (`saved=0`)
    one project; saying the state makes it idempotent."""
    try:
        project = Project.objects.published().get(slug=slug)
    except Project.DoesNotExist:
        raise Http404(_("No such project.")) from None
    if request.method == "GET":
        context = {
            "project": project,
            "saved": is_saved(request, project),
            "next": _safe_next(request, request.GET.get("next", "")),
        }
        return render(request, "projects/tools/shortlist_confirm.html", context)
    want_saved = request.POST.get("saved", "1") != "0"
    ids = [pk for pk in saved_ids(request) if pk != project.pk]
    if want_saved:
        ids.append(project.pk)
    _store(request, ids)
    if want_saved:
        message = _("%(name)s is on your shortlist.") % {"name": project.name}
    else:
        message = _("%(name)s was removed from your shortlist.") % {"name": project.name}
    if _wants_json(request):
        return JsonResponse(
            {"saved": want_saved, "count": len(saved_ids(request)), "message": message}
        )
    messages.success(request, message)
    return HttpResponseRedirect(_safe_next(request, request.POST.get("next", "")))


@require_GET
@cache_control(private=True, no_store=True)
def token(request):
    """A CSRF token for the enhanced "Save" links of cached pages, which carry none."""
    return JsonResponse({"csrf_token": get_token(request)})


@require_GET
@cache_control(private=True, no_store=True)
def shortlist_page(request):
    ids = saved_ids(request)
    found = {
        project.pk: project
        for project in Project.objects.published()
        .filter(pk__in=ids)
        .select_related("sector", "park")
    }
    projects = [found[pk] for pk in ids if pk in found]
    context = {
        "projects": projects,
        "enquiry_url": enquiry_url(projects),
        "visit_url": enquiry_url(projects, "enquiries:site_visit"),
        "enquiry_max": ENQUIRY_MAX,
    }
    return render(request, "projects/tools/shortlist.html", context)
