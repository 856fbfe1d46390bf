"""The registry's filters in one place, so the list page and the open data answer alike."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from projects.models import InvestmentBand, Project, band_q

QUERY_MAX_LENGTH = 100


class RegistryFilterForm(forms.Form):
    """Filters of the project list: every field optional, each narrowing the published set.

    Sectors and parks are given by slug and matched in the same query as the projects, so
    filtering costs no extra query; an unknown slug simply matches nothing.
    """

    q = forms.CharField(label=_("Search"), required=False, max_length=QUERY_MAX_LENGTH)
    sector = forms.SlugField(label=_("Sector"), required=False, max_length=80)
    park = forms.SlugField(label=_("Industrial park"), required=False, max_length=80)
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=[("", _("Any"))] + Project.Stage.choices
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any"))] + Project.Kind.choices
    )
    band = forms.ChoiceField(
        label=_("Investment"), required=False, choices=[("", _("Any"))] + InvestmentBand.choices
    )

    def filter(self, queryset):
        """`queryset` narrowed by the cleaned filters; call after `is_valid()`."""
        data = self.cleaned_data
        if data.get("sector"):
            queryset = queryset.filter(sector__slug=data["sector"])
        if data.get("park"):
            queryset = queryset.filter(park__slug=data["park"])
        if data.get("stage"):
            queryset = queryset.filter(stage=data["stage"])
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("band"):
            queryset = queryset.filter(band_q(data["band"]))
        if data.get("q"):
            queryset = queryset.filter(text_q(data["q"]))
        return queryset


def text_q(text):
    """A word search over names, summaries and investors in both languages."""
    condition = Q()
    for word in text.split():
        word_condition = Q()
        for field in (
            "name_en",
            "name_zh_hans",
            "summary_en",
            "summary_zh_hans",
            "investor_en",
            "investor_zh_hans",
        ):
            word_condition |= Q(**{f"{field}__icontains": word})
        condition &= word_condition
    return condition


def filtered_projects(params, queryset=None):
    """(form, projects) for a query string; projects is None when the filters are invalid."""
    form = RegistryFilterForm(params)
    if queryset is None:
        queryset = Project.objects.published()
    if not form.is_valid():
        return form, None
    return form, form.filter(queryset)
