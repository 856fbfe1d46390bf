"""The enquiry form: every field limited in length, and nothing that can reach a mail header."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.chain.models import Enterprise
from portal.core.reading_order import name_sort_key, reading_key
from portal.enquiries.reading_keys import KEYS
from projects.models import InvestmentBand, Park, Project

from . import countries
from .models import Enquiry

MAX_PROJECTS = 3
# Control characters (newlines included) have no place in a one-line field; refusing them
# here makes header injection impossible wherever a value is reused.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def single_line(value):
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError(_("Please keep this to one line of text."), code="control")


class Honeypot(forms.Field):
    """A field people never see and bots fill in; it never makes the form invalid."""

    def clean(self, value):
        return bool(value)


class SafeChoiceMixin:
    """Refuse values a database could choke on (NUL bytes, very long strings) before a query."""

    def _reject_unqueryable(self, values):
        for value in values:
            if not isinstance(value, str) or "\x00" in value or len(value) > 100:
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")


class ByNameIterator(ModelChoiceIterator):
    """The choices in the reader's alphabetical order: pinyin in Chinese, A to Z in English."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in sorted(
            self.queryset, key=lambda o: reading_key(o, self.field.label_from_instance(o))
        ):
            yield self.choice(obj)


def by_label(choices, last=()):
    """(value, label) pairs in the reader's alphabetical order, the values in `last` at the end."""
    return sorted(choices, key=lambda c: (c[0] in last, name_sort_key(c[1], known=KEYS)))


class ProjectChoiceField(SafeChoiceMixin, forms.ModelMultipleChoiceField):
    iterator = ByNameIterator

    def clean(self, value):
        if value and len(value) > MAX_PROJECTS:
            raise ValidationError(_("Choose at most three projects."), code="too_many")
        self._reject_unqueryable(value or [])
        return super().clean(value)


class ParkChoiceField(SafeChoiceMixin, forms.ModelChoiceField):
    iterator = ByNameIterator

    def clean(self, value):
        self._reject_unqueryable([value] if value else [])
        return super().clean(value)


def one_line_field(name, label, *, autocomplete, **kwargs):
    """The model field `name` as a one-line text input; its length and `blank` are the model's."""
    return Enquiry._meta.get_field(name).formfield(
        label=label,
        validators=[single_line],
        widget=forms.TextInput(attrs={"autocomplete": autocomplete}),
        **kwargs,
    )


class CountryInput(forms.TextInput):
    """A text input with the list of countries as suggestions in the reader's language."""

    LIST_ID = "country-suggestions"

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {**(attrs or {}), "list": self.LIST_ID}
        options = format_html_join(
            "", '<option value="{}">', ((n,) for n in countries.suggestions(get_language()))
        )
        return super().render(name, value, attrs, renderer) + format_html(
            '<datalist id="{}">{}</datalist>', self.LIST_ID, options
        )


class EnquiryForm(forms.ModelForm):
    name = one_line_field("name", _("Your name"), autocomplete="name")
    organisation = one_line_field("organisation", _("Organisation"), autocomplete="organization")
    phone = one_line_field(
        "phone",
        _("Phone (optional)"),
        autocomplete="tel",
        help_text=_("With the country code, e.g. +86 635 123 4567 or +49 30 1234567."),
    )
    country = Enquiry._meta.get_field("country").formfield(
        label=_("Country or region"),
        validators=[single_line],
        widget=CountryInput(attrs={"autocomplete": "country-name"}),
    )
    investor_type = forms.ChoiceField(label=_("You are"))
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
    consent = forms.BooleanField(label=_("I agree to the privacy notice"))
    website = Honeypot(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=4000)
    # Ticked on the "please confirm" page a doubtful submission gets instead of the spam folder.
    confirmed = forms.BooleanField(label=_("I am sending this enquiry"), required=False)

    class Meta:
        model = Enquiry
        fields = [
            "name",
            "organisation",
            "email",
            "phone",
            "country",
            "investor_type",
            "projects",
            "park",
            "investment_band",
            "message",
            "language",
        ]
        labels = {
            "email": _("Email"),
            "message": _("Your question"),
            "language": _("Answer me in"),
        }
        help_texts = {"message": _("What would you like to know? At most 5,000 characters.")}
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "message": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["projects"].queryset = Project.objects.published().order_by("slug")
        self.fields["park"].queryset = Park.objects.published().order_by("slug")
        # Sorted as the reader reads, so each time the form is made in the active language;
        # "Other" stays last. The investment bands keep their order, smallest first.
        self.fields["investor_type"].choices = [
            ("", _("Choose one")),
            *by_label(Enquiry.InvestorType.choices, last={Enquiry.InvestorType.OTHER}),
        ]
        # Optional in the model for enquiries logged from a call; the web form answers by mail.
        self.fields["email"].required = True
        if not self.is_bound:
            # The language the visitor reads the form in, not the model's default.
            self.initial["language"] = get_language()

    def clean_country(self):
        """A country on the list is stored by its code and English name; other text as typed."""
        value = self.cleaned_data["country"]
        code = countries.lookup(value)
        self.instance.country_code = code
        return countries.english_name(code) if code else value

    def clean_projects(self):
        projects = self.cleaned_data["projects"]
        # The order of the visitor's choice decides who answers; keep it as posted.
        order = {slug: i for i, slug in enumerate(self.data.getlist("projects"))}
        return sorted(projects, key=lambda p: order.get(p.slug, 0))


MAX_VISIT_PLACES = 8
# How far ahead a visit may be proposed, and how long it may last.
VISIT_HORIZON_DAYS = 365
VISIT_MAX_DAYS = 14


class PlacesChoiceField(SafeChoiceMixin, forms.ModelMultipleChoiceField):
    iterator = ByNameIterator

    def clean(self, value):
        if value and len(value) > MAX_VISIT_PLACES:
            raise ValidationError(
                _("Choose at most %(count)s.") % {"count": MAX_VISIT_PLACES}, code="too_many"
            )
        self._reject_unqueryable(value or [])
        return super().clean(value)


class SiteVisitForm(EnquiryForm):
    """A site visit request: the enquiry form with the dates proposed and the places to see.

    It is stored, routed, numbered and reminded like any enquiry; the officer of the first
    park or project chosen answers it.
    """

    visit_from = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    visit_to = forms.DateField(
        label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    visit_parks = PlacesChoiceField(
        label=_("Industrial parks"),
        queryset=Park.objects.none(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    visit_enterprises = PlacesChoiceField(
        label=_("Enterprises"),
        queryset=Enterprise.objects.none(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Suppliers or partners you would like to meet, from the directory."),
    )

    class Meta(EnquiryForm.Meta):
        fields = [
            *(f for f in EnquiryForm.Meta.fields if f != "park"),
            "visit_from",
            "visit_to",
            "visit_parks",
            "visit_enterprises",
        ]
        labels = {**EnquiryForm.Meta.labels, "message": _("Anything we should prepare")}
        help_texts = {"message": _("Who will come, what you want to discuss, how you will travel.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["park"]
        self.fields["message"].required = False
        self.fields["projects"].label = _("Projects to see")
        self.fields["visit_parks"].queryset = Park.objects.published().order_by("slug")
        self.fields["visit_enterprises"].queryset = Enterprise.objects.published().order_by("slug")

    def clean(self):
        data = super().clean()
        start, end = data.get("visit_from"), data.get("visit_to")
        today = timezone.localdate()
        if start and start <= today:
            self.add_error("visit_from", _("Please propose a day after today."))
        elif start and start > today + datetime.timedelta(days=VISIT_HORIZON_DAYS):
            self.add_error("visit_from", _("Please propose a day within the next twelve months."))
        if start and end and end < start:
            self.add_error("visit_to", _("The last day comes before the first."))
        elif start and end and (end - start).days >= VISIT_MAX_DAYS:
            self.add_error("visit_to", _("A visit of up to two weeks can be arranged here."))
        if not (data.get("visit_parks") or data.get("projects") or data.get("visit_enterprises")):
            raise ValidationError(
                _("Choose at least one park, project or enterprise to see."), code="nothing"
            )
        return data

    def save(self, commit=True):
        enquiry = super().save(commit=False)
        enquiry.kind = Enquiry.Kind.VISIT
        parks = self.cleaned_data.get("visit_parks") or []
        # The desk routes an enquiry by its park when no project decides.
        enquiry.park = parks[0] if parks else None
        if commit:
            enquiry.save()
            self.save_m2m()
        return enquiry
