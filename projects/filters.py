"""The registry's filters: one form that validates the query string, and the filter itself.

The project list and the open data (projects/tools/opendata.py) read their filters through
this module alone, so a CSV or JSON download holds exactly the projects the list shows.

Every filter is a plain GET parameter, so each state of the list is a URL a visitor can share.
A value the form does not accept is dropped (the rest of the filters still apply) and the page
says which one was ignored; nothing a visitor types can make the list fail.
"""

from django import forms
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from portal.core.languages import localized_fieldnames
from portal.core.reading_order import reading_key

from .models import InvestmentBand, Park, Project, Sector, band_q

SEARCH_MAX_LENGTH = 100
FACETS = ("sector", "park", "stage", "kind", "band")
KNOWN_PARAMETERS = {*FACETS, "q", "sort", "page"}


# Opportunities have no signing date yet: they follow the signed projects on every database
# (PostgreSQL would otherwise put NULL first in a descending sort).
NEWEST_SIGNING_FIRST = F("signing_date").desc(nulls_last=True)


class Sort:
    NEWEST = "newest"
    LARGEST = "largest"
    NAME = "name"
    CHOICES = [
        (NEWEST, _("Newest signing first")),
        (LARGEST, _("Largest investment first")),
        (NAME, _("Name, A to Z")),
    ]
    ORDER = {
        NEWEST: (NEWEST_SIGNING_FIRST, "-investment_yuan", "slug"),
        LARGEST: ("-investment_yuan", "slug"),
        NAME: ("name", "slug"),
    }


class ProjectFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        strip=True,
        help_text=_("Name, summary or investor, in English or Chinese."),
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    park = forms.ChoiceField(label=_("Industrial park"), required=False)
    stage = forms.ChoiceField(label=_("Stage"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    band = forms.ChoiceField(label=_("Investment"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=Sort.CHOICES)

    def __init__(self, data, *, sectors, parks):
        """`sectors` and `parks` are the Sector and published Park rows offered."""
        super().__init__(data)
        self.sectors, self.parks = sectors, parks
        # Offered in the reader's alphabetical order: pinyin in Chinese, A to Z in English.
        self.fields["sector"].choices = [("", _("All sectors")), *_by_name(sectors)]
        self.fields["park"].choices = [("", _("All parks")), *_by_name(parks)]
        self.fields["stage"].choices = [("", _("All stages")), *Project.Stage.choices]
        self.fields["kind"].choices = [("", _("All kinds")), *Project.Kind.choices]
        self.fields["band"].choices = [("", _("Any amount")), *InvestmentBand.choices]

    def values(self):
        """The accepted values; an invalid field counts as not given."""
        self.is_valid()
        return {
            name: self.cleaned_data.get(name, "") if name not in self.errors else ""
            for name in self.fields
        }

    def chosen(self):
        """The chosen facet values as the registry stores them (sector and park by id), for
        counting in the registry overview."""
        values = self.values()
        ids = {
            "sector": {s.slug: s.pk for s in self.sectors},
            "park": {p.slug: p.pk for p in self.parks},
        }
        return {
            facet: ids[facet][values[facet]] if facet in ids else values[facet]
            for facet in FACETS
            if values[facet]
        }

    def ignored(self):
        """The labels of the filters whose values were not understood."""
        self.is_valid()
        return [str(self.fields[name].label) for name in self.fields if name in self.errors]


def _by_name(rows):
    """(slug, name) of `rows`, sorted by name as the reader's language sorts."""
    return [(row.slug, row.name) for row in sorted(rows, key=reading_key)]


def _place_choices():
    names = localized_fieldnames("name")
    return (
        list(Sector.objects.only("slug", "name_pinyin", *names)),
        list(Park.objects.published().only("slug", "name_pinyin", *names)),
    )


def filter_form(params):
    """The filter form for a query string, with the sectors and parks it offers (two queries)."""
    sectors, parks = _place_choices()
    return ProjectFilterForm(params, sectors=sectors, parks=parks)


def filtered_projects(params, queryset=None):
    """(form, published projects matching `params`), or (form, None) if a value is not valid.

    For callers that answer bad input with an error (the open data's 400) rather than ignoring
    it as the list page does.
    """
    form = filter_form(params)
    if form.ignored():
        return form, None
    if queryset is None:
        queryset = Project.objects.published()
    return form, queryset.filter(facet_q(form.values()))


def search_q(text):
    """Matches the words of `text` in the name, summary or investor, in either language."""
    condition = Q()
    for word in text.split():
        word_condition = Q()
        for field in ("name", "summary", "investor"):
            for column in localized_fieldnames(field):
                word_condition |= Q(**{f"{column}__icontains": word})
        condition &= word_condition
    return condition


def facet_q(values, skip=None):
    """The filter for every chosen value except the facet `skip` (whose counts we compute)."""
    condition = Q()
    if values["q"]:
        condition &= search_q(values["q"])
    if values["sector"] and skip != "sector":
        condition &= Q(sector__slug=values["sector"])
    if values["park"] and skip != "park":
        condition &= Q(park__slug=values["park"])
    if values["stage"] and skip != "stage":
        condition &= Q(stage=values["stage"])
    if values["kind"] and skip != "kind":
        condition &= Q(kind=values["kind"])
    if values["band"] and skip != "band":
        condition &= band_q(values["band"])
    return condition
