"""The enquiry form: every field limited in length, and nothing that can reach a mail header."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from projects.models import InvestmentBand, Park, Project

from .models import Enquiry

MAX_PROJECTS = 3
# Control characters (newlines included) have no place in a one-line field; refusing them
# here makes header injection impossible wherever a value is reused.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
PHONE = re.compile(r"^\+?[0-9 ()./-]{5,30}(?:\s*(?:ext\.?|x|#)\s*[0-9]{1,6})?$", re.IGNORECASE)


def single_line(value):
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError(_("Please keep this to one line of text."), code="control")


def valid_phone(value):
    if not PHONE.match(value) or sum(c.isdigit() for c in value) < 5:
        raise ValidationError(
            _("Enter a phone number with digits only, e.g. +86 635 123 4567."), code="phone"
        )


class Honeypot(forms.Field):
    """A field people never see and bots fill in; it never makes the form invalid."""

    widget = forms.TextInput

    def clean(self, value):
        return bool(value)


class SafeChoiceMixin:
    """Refuse values a database could choke on (NUL bytes, very long strings) before a query."""

    def _reject_odd(self, values):
        for value in values:
            if not isinstance(value, str) or "\x00" in value or len(value) > 100:
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")


class ProjectChoiceField(SafeChoiceMixin, forms.ModelMultipleChoiceField):
    def clean(self, value):
        if value and len(value) > MAX_PROJECTS:
            raise ValidationError(_("Choose at most three projects."), code="too_many")
        self._reject_odd(value or [])
        return super().clean(value)


class ParkChoiceField(SafeChoiceMixin, forms.ModelChoiceField):
    def clean(self, value):
        self._reject_odd([value] if value else [])
        return super().clean(value)


def text(label, max_length, *, required=True, autocomplete=None, one_line=True, **kwargs):
    attrs = {"autocomplete": autocomplete} if autocomplete else {}
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        validators=[single_line] if one_line else [],
        widget=forms.TextInput(attrs=attrs),
        **kwargs,
    )


class EnquiryForm(forms.Form):
    name = text(_("Your name"), 120, autocomplete="name")
    organisation = text(_("Organisation"), 200, autocomplete="organization")
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = text(
        _("Phone (optional)"),
        40,
        required=False,
        autocomplete="tel",
        help_text=_("With the country code, e.g. +86 635 123 4567 or +49 30 1234567."),
    )
    country = text(_("Country or region"), 100, autocomplete="country-name")
    investor_type = forms.ChoiceField(
        label=_("You are"), choices=[("", _("Choose one")), *Enquiry.InvestorType.choices]
    )
    projects = ProjectChoiceField(
        label=_("Projects"),
        queryset=Project.objects.none(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Up to three."),
    )
    park = ParkChoiceField(
        label=_("Industrial park"),
        queryset=Park.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("No particular park"),
    )
    investment_band = forms.ChoiceField(
        label=_("Estimated investment"),
        choices=[("", _("Not decided yet")), *InvestmentBand.choices],
        required=False,
    )
    message = forms.CharField(
        label=_("Your question"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What would you like to know? At most 5,000 characters."),
    )
    language = forms.ChoiceField(label=_("Answer me in"), choices=settings.LANGUAGES)
    consent = forms.BooleanField(label=_("I agree to the privacy notice"))
    website = Honeypot(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=4000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["projects"].queryset = Project.objects.published().order_by("name", "slug")
        self.fields["park"].queryset = Park.objects.published().order_by("name", "slug")
        if not self.is_bound:
            self.fields["language"].initial = get_language()

    def clean_projects(self):
        projects = self.cleaned_data["projects"]
        # The order of the visitor's choice decides who answers; keep it as posted.
        order = {slug: i for i, slug in enumerate(self.data.getlist("projects"))}
        return sorted(projects, key=lambda p: order.get(p.slug, 0))
