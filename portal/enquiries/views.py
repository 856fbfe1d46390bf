"""The enquiry form, its confirmation page and the privacy notice."""

import re

from django.conf import settings
from django.core import signing
from django.core.validators import slug_re
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.generic import FormView, TemplateView

from portal.chain.models import Enterprise
from projects.models import Park, Project

from . import abuse, dashboard
from .forms import MAX_PROJECTS, MAX_VISIT_PLACES, EnquiryForm, SiteVisitForm
from .models import Enquiry, PrivacyNotice
from .submission import RateLimited, store_enquiry

DIGITS = re.compile(r"[0-9]+")
THANKS_SALT = "enquiries.thanks"
THANKS_MAX_AGE = 7 * 24 * 60 * 60
PREFILLED_MESSAGE_CHARS = 2000
STALE_FORM = gettext_lazy(
    "This form can no longer be sent: it was opened too long ago, or on another connection. "
    "What you wrote is kept below: please check it and send the form again."
)


def _is_slug(value):
    """Only a well-formed slug reaches the database (PostgreSQL refuses a NUL in a query)."""
    return len(value) <= 100 and slug_re.fullmatch(value) is not None


def _preselected(request):
    """`?project=<slug>` (up to three) or `?park=<slug>`, as the registry pages link, and
    `?message=` to begin the question."""
    slugs = [s for s in request.GET.getlist("project")[:MAX_PROJECTS] if _is_slug(s)]
    initial = {}
    if slugs:
        initial["projects"] = list(
            Project.objects.published().filter(slug__in=slugs).values_list("slug", flat=True)
        )
    park = request.GET.get("park", "")
    if _is_slug(park) and Park.objects.published().filter(slug=park).exists():
        initial["park"] = park
    # `?message=` starts the question, as the cost estimator links it with its inputs; the
    # visitor reads and sends it (or not) like anything typed.
    message = request.GET.get("message", "").replace("\x00", "").strip()
    if message:
        initial["message"] = message[:PREFILLED_MESSAGE_CHARS]
    return initial


def rate_limited(request):
    response = render(
        request,
        "429.html",
        {"window_minutes": max(1, settings.ENQUIRY_RATE_WINDOW // 60)},
        status=429,
    )
    response["Retry-After"] = str(settings.ENQUIRY_RATE_WINDOW)
    return response


def _declared_body_length(request):
    """The body length the client declares: 0 when it declares none, None when it is malformed.

    Django itself would answer a malformed Content-Length with a 500 as soon as the body is
    read, so the view refuses it first.
    """
    value = request.META.get("CONTENT_LENGTH") or "0"
    return int(value) if DIGITS.fullmatch(value) else None


@method_decorator(never_cache, name="dispatch")
class EnquiryCreateView(FormView):
    """GET hands out the form with a signed token; POST checks, stores and redirects.

    never_cache: the page carries a CSRF token, so no shared cache may keep it.
    """

    template_name = "enquiries/enquiry_form.html"
    form_class = EnquiryForm
    # Set by `enquiry_create` for a POST whose body it will not read: "too-large", "unreadable".
    refuse_body = ""

    def get_initial(self):
        return {**_preselected(self.request), "token": abuse.make_form_token(self.request)}

    def get_context_data(self, **kwargs):
        return {
            "notice": PrivacyNotice.objects.current(),
            "max_projects": MAX_PROJECTS,
            "form_action": self.request.path,
            **super().get_context_data(**kwargs),
        }

    def post(self, request, *args, **kwargs):
        if self.refuse_body:
            # The body is never read: a fresh form says why nothing was sent.
            form = self.form_class(initial=self.get_initial())
            context = self.get_context_data(form=form, refused=self.refuse_body)
            status = 413 if self.refuse_body == "too-large" else 400
            return self.render_to_response(context, status=status)
        if abuse.is_rate_limited(request):
            return rate_limited(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        token = abuse.read_form_token(form.cleaned_data["token"], self.request)
        if token is not None and token.stale:
            return self.form_again(form, token)
        reason = abuse.spam_reason(form, token)
        if reason and reason != "honeypot":
            # A person may be fast, or may have lost the token: they confirm instead of being
            # filed as spam. Only the confirmation step's own token counts with the tick.
            if not (form.cleaned_data["confirmed"] and token is not None and token.confirming):
                return self.ask_to_confirm(form, token)
            reason = ""
        try:
            self.enquiry, _created = store_enquiry(
                form,
                utm=token.utm if token else {},
                referrer=token.referrer if token else "",
                spam_reason=reason,
                client=abuse.client_key(self.request),
            )
        except RateLimited:
            return rate_limited(self.request)
        return super().form_valid(form)

    def ask_to_confirm(self, form, token):
        """A short page that carries what was typed, a tick box and a renewed token; no reference
        is given until the enquiry is stored."""
        renewed = abuse.make_form_token(
            self.request,
            utm=token.utm if token else None,
            referrer=token.referrer if token else None,
            confirming=True,
        )
        skip = {"token", "confirmed", "website", "csrfmiddlewaretoken"}
        carried = [
            (name, value)
            for name in form.data
            if name not in skip and name in form.fields
            for value in form.data.getlist(name)
        ]
        context = self.get_context_data(form=form, carried=carried, renewed_token=renewed)
        return render(self.request, "enquiries/enquiry_confirm.html", context)

    def form_again(self, form, token):
        """The visitor's form back, with why and a fresh token of theirs; nothing is stored."""
        form.add_error(None, STALE_FORM)
        form.data = form.data.copy()
        form.data["token"] = abuse.make_form_token(
            self.request, utm=token.utm, referrer=token.referrer
        )
        return self.form_invalid(form)

    def get_success_url(self):
        # A flagged sender sees the same page as anyone: nothing tells a bot what tripped it.
        signed = signing.dumps(self.enquiry.reference, salt=THANKS_SALT)
        return reverse("enquiries:thanks", kwargs={"token": signed})


class SiteVisitCreateView(EnquiryCreateView):
    """A site visit request: proposed dates and the parks, projects and enterprises to see,
    preselected from the page it was asked from (`?park=`, `?project=`, `?enterprise=`, each
    repeatable). It goes through the enquiry form's checks and joins the same queue."""

    template_name = "enquiries/site_visit_form.html"
    form_class = SiteVisitForm

    def get_initial(self):
        initial = super().get_initial()
        get = self.request.GET
        parks = [s for s in get.getlist("park")[:MAX_VISIT_PLACES] if _is_slug(s)]
        enterprises = [s for s in get.getlist("enterprise")[:MAX_VISIT_PLACES] if _is_slug(s)]
        initial.pop("park", None)
        if parks:
            initial["visit_parks"] = list(
                Park.objects.published().filter(slug__in=parks).values_list("slug", flat=True)
            )
        if enterprises:
            initial["visit_enterprises"] = list(
                Enterprise.objects.published()
                .filter(slug__in=enterprises)
                .values_list("slug", flat=True)
            )
        return initial

    def get_context_data(self, **kwargs):
        return {"max_places": MAX_VISIT_PLACES, **super().get_context_data(**kwargs)}


def _guarded(view_class):
    """The form's URL: a body declared too large is refused before anything reads it.

    The CSRF middleware would read the whole body to look for its token, so the view is
    exempt from the middleware and has the same check run (csrf_protect) only once the
    declared length is known to be acceptable.
    """
    checked = csrf_protect(view_class.as_view())
    too_large = view_class.as_view(refuse_body="too-large")
    unreadable = view_class.as_view(refuse_body="unreadable")

    @csrf_exempt
    def view(request, *args, **kwargs):
        if request.method == "POST":
            length = _declared_body_length(request)
            if length is None:
                return unreadable(request, *args, **kwargs)
            if length > settings.ENQUIRY_MAX_BODY_BYTES:
                return too_large(request, *args, **kwargs)
        return checked(request, *args, **kwargs)

    return view


enquiry_create = _guarded(EnquiryCreateView)
site_visit_create = _guarded(SiteVisitCreateView)


@method_decorator(never_cache, name="dispatch")
class EnquiryThanksView(TemplateView):
    """The confirmation: reachable only through the signed link the form redirects to.

    The link carries nothing but the reference, signed and limited in time, and the page shows
    the reference, how far the enquiry has got and the date of the answer, nothing anyone
    typed, so no one's data is exposed by guessing addresses.
    """

    template_name = "enquiries/enquiry_thanks.html"

    def get_context_data(self, **kwargs):
        try:
            reference = signing.loads(
                self.kwargs["token"], salt=THANKS_SALT, max_age=THANKS_MAX_AGE
            )
        except signing.BadSignature as error:
            raise Http404(_("This confirmation link is not valid.")) from error
        enquiry = (
            Enquiry.objects.filter(reference=reference)
            .only("status", "answered_at", "response_due")
            .first()
        )
        return {
            **super().get_context_data(**kwargs),
            "reference": reference,
            "working_days": settings.ENQUIRY_RESPONSE_WORKING_DAYS,
            "progress": investor_progress(enquiry),
            "answered_on": timezone.localdate(enquiry.answered_at)
            if enquiry and enquiry.answered_at
            else None,
            "response_due": enquiry.response_due if enquiry else None,
        }


def investor_progress(enquiry):
    """What the investor is told: received, in progress or answered, and nothing else.

    Spam reads as received, so the page tells a bot nothing about what tripped it.
    """
    if enquiry is None or enquiry.status == Enquiry.Status.SPAM:
        return "received"
    if enquiry.answered_at is not None:
        return "answered"
    if enquiry.status == Enquiry.Status.NEW:
        return "received"
    return "in-progress"


class PrivacyNoticeView(TemplateView):
    template_name = "enquiries/privacy.html"

    def get_context_data(self, **kwargs):
        notice = PrivacyNotice.objects.current()
        if notice is None:
            raise Http404(_("No privacy notice has been published yet."))
        return {**super().get_context_data(**kwargs), "notice": notice}


class ServiceStandardView(TemplateView):
    """The promise and how it was kept over the last 90 days, from the queue itself.

    The same for every visitor and without a form, so the page cache may keep it.
    """

    template_name = "enquiries/service_standard.html"
    # Under this many enquiries a share says more about chance than about the office.
    MIN_FOR_SHARE = 5

    def get_context_data(self, **kwargs):
        promise = settings.ENQUIRY_RESPONSE_WORKING_DAYS
        since = dashboard.period_start()
        received = dashboard.counted().filter(received_at__gte=since).count()
        days = [d for _owner, d in dashboard.first_response_days(since)]
        within = sum(1 for d in days if d <= promise)
        share = round(100 * within / received) if received >= self.MIN_FOR_SHARE else None
        return {
            **super().get_context_data(**kwargs),
            "promise": promise,
            "period_days": dashboard.PERIOD_DAYS,
            "received": received,
            "median_days": dashboard.median(days),
            "share_within": share,
        }
