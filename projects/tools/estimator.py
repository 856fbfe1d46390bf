"""The cost estimator: land and a year of running a plant in every published park, side by side.

`/projects/estimate/?land=50&electricity=2000000&gas=0&water=30000&role=3&staff=40&tonnage=8000
&sector=ring-forging&investment=3亿` is the estimate, so it can be shared; the same query on
`estimate.csv` downloads it. A headcount travels as a `role` (the workforce figure's key) followed
by its `staff` count, so the parameter names stay fixed (the page cache keeps only names it knows,
portal.core.page_cache.QUERY_PARAMETERS) and an address stays right when roles are reordered.

Each amount is a quantity times a park's cost row of that kind (ParkCost.kind), shown with the
row's source and date. Wages are county-wide (WorkforceFigure): headcount x the midpoint of the
role's range x 12, the same in every park. A park without the row an input needs says so and
its total is marked incomplete: a missing price is never counted as zero. Incentives are listed,
not subtracted: those valid today for the park whose sectors and smallest investment the
investor's sector and planned investment meet.
"""

import csv
import io
from decimal import Decimal, InvalidOperation
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_GET

from portal.core.money_fields import INVALID as INVALID_AMOUNT
from portal.core.money_fields import parse_amount
from portal.core.page_cache import do_not_store
from portal.core.spreadsheets import spreadsheet_safe
from projects.formatting import format_money, format_quantity
from projects.models import Incentive, Park, ParkCost, Sector, WorkforceFigure

Kind = ParkCost.Kind
CENT = Decimal("0.01")
MONTHS = 12
# The inputs a page reads besides the headcounts (`role` and `staff`, read in pairs).
QUANTITIES = ("land", "electricity", "gas", "water")
PARAMETERS = (*QUANTITIES, "tonnage", "sector", "investment", "role", "staff")
# (input, the cost row it is priced by, its label, the unit of the quantity)
UTILITIES = [
    ("electricity", Kind.ELECTRICITY, gettext_lazy("Electricity"), gettext_lazy("kWh")),
    ("gas", Kind.GAS, gettext_lazy("Natural gas"), gettext_lazy("m³")),
    ("water", Kind.WATER, gettext_lazy("Water"), gettext_lazy("tons")),
]
LEAVES_OUT = [
    gettext_lazy("buildings or factory rent"),
    gettext_lazy("equipment and its installation"),
    gettext_lazy("taxes and fees"),
    gettext_lazy("financing"),
    gettext_lazy("logistics and transport"),
]


class QuantityInput(forms.TextInput):
    """Text, not type=number: "200万" and "2,000,000" are numbers as people type them."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})


class HeadcountInput(QuantityInput):
    """Sent as `role=<key>&staff=<count>`: the hidden key before the count names its role."""

    def __init__(self, role_key):
        super().__init__({"inputmode": "numeric"})
        self.role_key = role_key

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["name"] = "staff"
        return context

    def render(self, name, value, attrs=None, renderer=None):
        hidden = format_html('<input type="hidden" name="role" value="{}">', self.role_key)
        return hidden + super().render(name, value, attrs, renderer)


class QuantityField(forms.Field):
    """A number from 0 (or above `minimum`) to `maximum`, typed with 万/亿 and grouping if
    wished; text, `1e400`, NaN and a number of 10,000 digits are answered with a message."""

    widget = QuantityInput

    def __init__(self, *, maximum, unit="", whole=False, positive=False, **kwargs):
        self.maximum, self.unit, self.whole, self.positive = maximum, unit, whole, positive
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            number = parse_amount(value)
        except ValueError as error:
            raise ValidationError(self.invalid_message(), code="invalid") from error
        except InvalidOperation as error:
            # More digits than a Decimal holds (a number of 10,000 digits): far too large.
            raise self.too_large() from error
        if number < 0 or (self.positive and number == 0):
            message = _("Enter more than 0.") if self.positive else _("Enter 0 or more.")
            raise ValidationError(message, code="min_value")
        if number > self.maximum:
            raise self.too_large()
        if self.whole and number != number.to_integral_value():
            raise ValidationError(_("Enter a whole number of people."), code="whole")
        return number

    def too_large(self):
        limit = format_quantity(self.maximum, str(self.unit), places=0)
        return ValidationError(_("Enter at most %(limit)s.") % {"limit": limit}, code="max_value")

    def invalid_message(self):
        return _("Enter a number, for example 50, 2,000,000 or 200万.")


class MoneyField(QuantityField):
    def invalid_message(self):
        return str(INVALID_AMOUNT)


REQUIRED = gettext_lazy("Enter a number; 0 if you need none.")


class EstimateForm(forms.Form):
    land = QuantityField(
        label=gettext_lazy("Land (mu)"),
        maximum=Decimal(100_000),
        unit=gettext_lazy("mu"),
        error_messages={"required": REQUIRED},
        help_text=gettext_lazy("1 hectare = 15 mu."),
    )
    electricity = QuantityField(
        label=gettext_lazy("Electricity a year (kWh)"),
        maximum=Decimal(10_000_000_000),
        unit=gettext_lazy("kWh"),
        error_messages={"required": REQUIRED},
    )
    gas = QuantityField(
        label=gettext_lazy("Natural gas a year (m³)"),
        maximum=Decimal(1_000_000_000),
        unit=gettext_lazy("m³"),
        error_messages={"required": REQUIRED},
    )
    water = QuantityField(
        label=gettext_lazy("Water a year (tons)"),
        maximum=Decimal(100_000_000),
        unit=gettext_lazy("tons"),
        error_messages={"required": REQUIRED},
    )
    tonnage = QuantityField(
        label=gettext_lazy("Output a year (tons, optional)"),
        maximum=Decimal(10_000_000),
        unit=gettext_lazy("tons"),
        positive=True,
        required=False,
        help_text=gettext_lazy("Gives the cost per ton."),
    )
    sector = forms.ChoiceField(label=gettext_lazy("Your sector (optional)"), required=False)
    investment = MoneyField(
        label=gettext_lazy("Planned investment in yuan (optional)"),
        maximum=Decimal(1_000_000_000_000),
        required=False,
        widget=QuantityInput(attrs={"inputmode": "text"}),
        help_text=gettext_lazy("For example 300000000, 30000万 or 3亿."),
    )

    def __init__(self, data=None, *, roles, sectors, stale_roles=False):
        super().__init__(data)
        self.roles = roles
        self.stale_roles = stale_roles
        self.fields["sector"].choices = [("", _("Not given"))] + [
            (sector.slug, sector.name) for sector in sectors
        ]
        for figure in roles:
            self.fields[staff_field(figure)] = QuantityField(
                label=figure.role,
                maximum=Decimal(100_000),
                whole=True,
                required=False,
                widget=HeadcountInput(figure.pk),
                help_text=_("%(wage)s a month (county-wide)") % {"wage": wage_text(figure)},
            )

    def clean(self):
        data = super().clean()
        if self.stale_roles:
            raise ValidationError(
                _(
                    "This address gives a headcount for a role the county no longer lists. "
                    "Check the headcounts and estimate again."
                ),
                code="stale_role",
            )
        needs = [data.get(name) for name in QUANTITIES] + [
            data.get(staff_field(figure)) for figure in self.roles
        ]
        if not self.errors and not any(needs):
            raise ValidationError(
                _("Enter at least one quantity or headcount above 0."), code="empty"
            )
        return data

    def staff_fields(self):
        return [self[staff_field(figure)] for figure in self.roles]


def staff_field(figure):
    return f"staff_{figure.pk}"


def wage_text(figure):
    if figure.wage_to_yuan and figure.wage_to_yuan != figure.wage_from_yuan:
        return _("%(low)s to %(high)s") % {
            "low": format_money(figure.wage_from_yuan),
            "high": format_money(figure.wage_to_yuan),
        }
    return format_money(figure.wage_from_yuan)


def midpoint_wage(figure):
    high = figure.wage_to_yuan or figure.wage_from_yuan
    return (Decimal(figure.wage_from_yuan) + Decimal(high)) / 2


def form_data(query, roles):
    """The form's data from the query string, and whether it names a role no longer listed."""
    data = {name: query.get(name, "") for name in PARAMETERS[:-2]}
    keys = {str(figure.pk): figure for figure in roles}
    stale = False
    for key, count in zip(query.getlist("role"), query.getlist("staff"), strict=False):
        if key in keys:
            data[staff_field(keys[key])] = count
        elif count.strip():
            stale = True
    return data, stale


def _date(value):
    return date_format(value, "DATE_FORMAT") if value else ""


def _list(texts):
    return pgettext("separator between items of a list", ", ").join(str(t) for t in texts)


def _line(label, amount, detail, source="", as_of=None, missing=False):
    return {
        "label": label,
        "amount": amount.quantize(CENT) if amount is not None else None,
        "money": format_money(amount.quantize(CENT)) if amount is not None else "",
        "detail": detail,
        "source": source,
        "as_of": as_of,
        "as_of_text": _date(as_of),
        "missing": missing,
    }


def _priced(label, quantity, unit, row):
    """A line priced by a park's cost row, or the line that says the park lists no price."""
    amount_text = format_quantity(quantity, str(unit))
    if row is None:
        return _line(label, None, amount_text, missing=True)
    detail = _("%(quantity)s × %(price)s") % {
        "quantity": amount_text,
        "price": format_quantity(row.amount, row.unit, places=4),
    }
    return _line(label, quantity * row.amount, detail, row.source, row.as_of)


def labour_lines(data, roles):
    """The wage lines, the same for every park: headcount x midpoint wage x 12."""
    lines = []
    for figure in roles:
        people = data.get(staff_field(figure))
        if not people:
            continue
        wage = midpoint_wage(figure)
        detail = _("%(people)s people × %(wage)s a month × 12 months") % {
            "people": format_quantity(people, ""),
            "wage": format_money(wage),
        }
        lines.append(
            _line(figure.role, people * wage * MONTHS, detail, figure.source, figure.as_of)
        )
    return lines


def matching_incentives(park, incentives, sector, investment):
    """Current incentives of `park` whose sectors and smallest investment the inputs meet."""
    found = []
    for incentive in incentives:
        if park.pk not in {p.pk for p in incentive.parks.all()}:
            continue
        sectors = {s.slug for s in incentive.sectors.all()}
        if sectors and sector not in sectors:
            continue
        least = incentive.min_investment_yuan
        if least is not None and (investment is None or investment < least):
            continue
        found.append(incentive)
    return found


def park_estimate(park, data, labour, incentives):
    rows = {}
    for cost in park.estimator_costs:
        rows.setdefault(cost.kind, cost)
    land = None
    if data["land"]:
        land = _priced(_("Land"), data["land"], _("mu"), rows.get(Kind.LAND))
    yearly = [
        _priced(label, data[name], unit, rows.get(kind))
        for name, kind, label, unit in UTILITIES
        if data[name]
    ] + labour
    missing = [line["label"] for line in yearly if line["missing"]]
    total = sum((line["amount"] for line in yearly if not line["missing"]), Decimal(0))
    per_ton = total / data["tonnage"] if data.get("tonnage") else None
    return {
        "park": park,
        "land": land,
        "yearly": yearly,
        "total": total,
        "total_money": format_money(total),
        "missing": missing,
        "missing_text": _list(str(label).lower() for label in missing),
        "per_ton": per_ton.quantize(CENT) if per_ton is not None else None,
        "per_ton_money": format_money(per_ton.quantize(CENT)) if per_ton is not None else "",
        "incentives": [
            {"incentive": incentive, "validity": validity(incentive)}
            for incentive in matching_incentives(
                park, incentives, data["sector"], data["investment"]
            )
        ],
    }


def validity(incentive):
    if incentive.valid_until:
        return _("valid %(start)s to %(end)s") % {
            "start": _date(incentive.valid_from),
            "end": _date(incentive.valid_until),
        }
    return _("valid from %(start)s, no end date") % {"start": _date(incentive.valid_from)}


def side_by_side(estimates):
    """The lines as groups of table rows, one cell per park (every park has the same lines)."""
    if not estimates:
        return []
    groups = []
    if estimates[0]["land"]:
        land = {"label": _("Land"), "cells": [e["land"] for e in estimates]}
        groups.append({"title": _("One-off"), "rows": [land], "yearly": False})
    yearly = [
        {"label": line["label"], "cells": [e["yearly"][n] for e in estimates]}
        for n, line in enumerate(estimates[0]["yearly"])
    ]
    groups.append({"title": _("Every year"), "rows": yearly, "yearly": True})
    return groups


def build_estimate(data, roles):
    costs = Prefetch("costs", queryset=ParkCost.objects.exclude(kind=""), to_attr="estimator_costs")
    parks = list(Park.objects.published().prefetch_related(costs))
    incentives = list(Incentive.objects.current().prefetch_related("parks", "sectors"))
    labour = labour_lines(data, roles)
    estimates = [park_estimate(park, data, labour, incentives) for park in parks]
    return {"estimates": estimates, "groups": side_by_side(estimates), "labour": bool(labour)}


def inputs_summary(form, roles):
    """(label, value) of every input given, in the reader's language."""
    data = form.cleaned_data
    given = [
        (form.fields[name].label, format_quantity(data[name], str(form.fields[name].unit)))
        for name in (*QUANTITIES, "tonnage")
        if data.get(name) is not None
    ]
    given += [
        (figure.role, format_quantity(data[staff_field(figure)], ""))
        for figure in roles
        if data.get(staff_field(figure))
    ]
    if data["sector"]:
        given.append(
            (form.fields["sector"].label, dict(form.fields["sector"].choices)[data["sector"]])
        )
    if data["investment"] is not None:
        given.append((form.fields["investment"].label, format_money(data["investment"])))
    return given


def share_query(form, roles):
    pairs = [(name, form.data.get(name, "")) for name in PARAMETERS[:-2]]
    for figure in roles:
        pairs += [("role", figure.pk), ("staff", form.data.get(staff_field(figure), ""))]
    return urlencode([(name, value) for name, value in pairs if str(value).strip()])


def enquiry_link(request, form, roles, query):
    page = request.build_absolute_uri(f"{reverse('projects:estimate')}?{query}")
    lines = [_("I would like to discuss this cost estimate: %(url)s") % {"url": page}, ""]
    lines += [
        _("%(label)s: %(value)s") % {"label": label, "value": value}
        for label, value in inputs_summary(form, roles)
    ]
    message = "\n".join(str(line) for line in lines)
    return f"{reverse('enquiries:enquiry_create')}?{urlencode({'message': message})}"


def _read(request):
    roles = list(WorkforceFigure.objects.published())
    sectors = Sector.objects.all()
    submitted = any(name in request.GET for name in PARAMETERS)
    if not submitted:
        return EstimateForm(roles=roles, sectors=sectors), roles
    data, stale = form_data(request.GET, roles)
    form = EstimateForm(data, roles=roles, sectors=sectors, stale_roles=stale)
    return form, roles


@require_GET
def estimate(request):
    form, roles = _read(request)
    context = {"form": form}
    if form.is_bound and form.is_valid():
        query = share_query(form, roles)
        context.update(
            build_estimate(form.cleaned_data, roles),
            inputs=inputs_summary(form, roles),
            csv_url=f"{reverse('projects:estimate_csv')}?{query}",
            enquiry_url=enquiry_link(request, form, roles, query),
            leaves_out=leaves_out_text(),
        )
    response = render(request, "projects/tools/estimate.html", context)
    if form.is_bound and form.errors:
        do_not_store(response)
    return response


def csv_rows(context):
    yield [_("Park"), _("Item"), _("Calculation"), _("Amount (yuan)"), _("Source"), _("As of")]
    for entry in context["estimates"]:
        name = entry["park"].name
        lines = ([entry["land"]] if entry["land"] else []) + entry["yearly"]
        for line in lines:
            label = _("Land (one-off)") if line is entry["land"] else line["label"]
            amount = line["amount"] if not line["missing"] else _("no price listed")
            yield [name, label, line["detail"], amount, line["source"], line["as_of"]]
        total_label = _("Yearly operating cost")
        if entry["missing"]:
            total_label = _("Yearly operating cost, incomplete: no price for %(items)s") % {
                "items": entry["missing_text"]
            }
        yield [name, total_label, "", entry["total"].quantize(CENT), "", ""]
        if entry["per_ton"] is not None:
            yield [name, _("Cost per ton"), "", entry["per_ton"], "", ""]
        for item in entry["incentives"]:
            incentive = item["incentive"]
            yield [
                name,
                _("Incentive: %(title)s") % {"title": incentive.title},
                incentive.benefit,
                "",
                incentive.document_number,
                item["validity"],
            ]
    yield [leaves_out_text(), "", "", "", "", ""]


def leaves_out_text():
    return _(
        "This estimate leaves out %(items)s. The incentives' value is not subtracted. "
        "The amounts are indicative: the park officer confirms them."
    ) % {"items": _list(LEAVES_OUT)}


def _cell(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return spreadsheet_safe(str(value)) if not isinstance(value, Decimal) else f"{value:f}"


@require_GET
def estimate_csv(request):
    form, roles = _read(request)
    if not (form.is_bound and form.is_valid()):
        response = HttpResponse(
            _("The estimate's inputs are not valid: open the estimator to correct them."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
        return do_not_store(response)
    context = build_estimate(form.cleaned_data, roles)
    buffer = io.StringIO()
    # The byte order mark makes Excel read the file as UTF-8, so Chinese shows correctly.
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in csv_rows(context):
        writer.writerow([_cell(value) for value in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="cost-estimate.csv"'
    return response
