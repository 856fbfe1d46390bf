"""The enquiry form, its confirmation page and the privacy notice."""

from django.conf import settings
from django.core import signing
from django.core.validators import slug_re
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from projects.models import Park, Project

from . import abuse
from .forms import MAX_PROJECTS, EnquiryForm
from .models import PrivacyNotice
from .storage import store_enquiry

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


@method_decorator(never_cache, name="dispatch")
class EnquiryCreateView(View):
    """GET hands out the form with a signed token; POST checks, stores and redirects.

    never_cache: the page carries a CSRF token, so no shared cache may keep it.
    """

    template_name = "enquiries/enquiry_form.html"

    def render_form(self, request, form, status=200):
        context = {
            "form": form,
            "notice": PrivacyNotice.objects.current(),
            "max_projects": MAX_PROJECTS,
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request):
        initial = {**_preselected(request), "token": abuse.make_form_token(request)}
        return self.render_form(request, EnquiryForm(initial=initial))

    def post(self, request):
        if abuse.is_rate_limited(request):
            return rate_limited(request)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.ENQUIRY_MAX_BODY_BYTES:
            form = EnquiryForm(initial={"token": abuse.make_form_token(request)})
            form.oversized = True
            return self.render_form(request, form, status=413)
        form = EnquiryForm(request.POST)
        if not form.is_valid():
            return self.render_form(request, form, status=200)
        token = abuse.read_form_token(form.cleaned_data["token"])
        if form.cleaned_data["website"]:
            spam_reason = "honeypot"
        elif token is None:
            spam_reason = "no valid form token"
        elif abuse.filled_too_fast(token):
            spam_reason = "filled too fast"
        else:
            spam_reason = ""
        enquiry, _created = store_enquiry(
            form.cleaned_data,
            utm=token["utm"] if token else {},
            referrer=token["referrer"] if token else "",
            spam_reason=spam_reason,
        )
        abuse.count_submission(request)
        # A flagged sender sees the same page as anyone: nothing tells a bot what tripped it.
        signed = signing.dumps(enquiry.reference, salt=THANKS_SALT)
        return redirect(reverse("enquiries:thanks", kwargs={"token": signed}))


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
