"""The enquiry form, its confirmation page and the privacy notice."""

from django.conf import settings
from django.core import signing
from django.core.validators import slug_re
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from projects.models import Park, Project

from . import abuse
from .forms import MAX_PROJECTS, EnquiryForm
from .models import PrivacyNotice
from .submission import store_enquiry

THANKS_SALT = "enquiries.thanks"
THANKS_MAX_AGE = 7 * 24 * 60 * 60


def _is_slug(value):
    """Only a well-formed slug reaches the database (PostgreSQL refuses a NUL in a query)."""
    return len(value) <= 100 and slug_re.fullmatch(value) is not None


def _preselected(request):
    """`?project=<slug>` (up to three) or `?park=<slug>`, as the registry pages link."""
    slugs = [s for s in request.GET.getlist("project")[:MAX_PROJECTS] if _is_slug(s)]
    initial = {}
    if slugs:
        initial["projects"] = list(
            Project.objects.published().filter(slug__in=slugs).values_list("slug", flat=True)
        )
    park = request.GET.get("park", "")
    if _is_slug(park) and Park.objects.published().filter(slug=park).exists():
        initial["park"] = park
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
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


@method_decorator(never_cache, name="dispatch")
class EnquiryCreateView(FormView):
    """GET hands out the form with a signed token; POST checks, stores and redirects.

    never_cache: the page carries a CSRF token, so no shared cache may keep it.
    """

    template_name = "enquiries/enquiry_form.html"
    form_class = EnquiryForm

    def get_initial(self):
        return {**_preselected(self.request), "token": abuse.make_form_token(self.request)}

    def get_context_data(self, **kwargs):
        return {
            "notice": PrivacyNotice.objects.current(),
            "max_projects": MAX_PROJECTS,
            **super().get_context_data(**kwargs),
        }

    def post(self, request, *args, **kwargs):
        if abuse.is_rate_limited(request):
            return rate_limited(request)
        if _declared_body_length(request) > settings.ENQUIRY_MAX_BODY_BYTES:
            # The body is never read: a fresh form says why nothing was sent.
            form = self.form_class(initial=self.get_initial())
            context = self.get_context_data(form=form, oversized=True)
            return self.render_to_response(context, status=413)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        token = abuse.read_form_token(form.cleaned_data["token"])
        self.enquiry, _created = store_enquiry(
            form,
            utm=token["utm"] if token else {},
            referrer=token["referrer"] if token else "",
            spam_reason=abuse.spam_reason(form, token),
        )
        abuse.count_submission(self.request)
        return super().form_valid(form)

    def get_success_url(self):
        # A flagged sender sees the same page as anyone: nothing tells a bot what tripped it.
        signed = signing.dumps(self.enquiry.reference, salt=THANKS_SALT)
        return reverse("enquiries:thanks", kwargs={"token": signed})


@method_decorator(never_cache, name="dispatch")
class EnquiryThanksView(TemplateView):
    """The confirmation: reachable only through the signed link the form redirects to.

    The link carries nothing but the reference, signed and limited in time, and the page shows
    nothing but the reference, so no one's data is exposed by guessing addresses.
    """

    template_name = "enquiries/enquiry_thanks.html"

    def get_context_data(self, **kwargs):
        try:
            reference = signing.loads(
                self.kwargs["token"], salt=THANKS_SALT, max_age=THANKS_MAX_AGE
            )
        except signing.BadSignature as error:
            raise Http404(_("This confirmation link is not valid.")) from error
        return {
            **super().get_context_data(**kwargs),
            "reference": reference,
            "working_days": settings.ENQUIRY_RESPONSE_WORKING_DAYS,
        }


class PrivacyNoticeView(TemplateView):
    template_name = "enquiries/privacy.html"

    def get_context_data(self, **kwargs):
        notice = PrivacyNotice.objects.current()
        if notice is None:
            raise Http404(_("No privacy notice has been published yet."))
        return {**super().get_context_data(**kwargs), "notice": notice}
