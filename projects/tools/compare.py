"""Two or three projects, or parks, side by side at a shareable address.

`/projects/compare/?p=slug-a&p=slug-b` and `/projects/compare/parks/?park=a&park=b`. Each fact
is formatted for the reader's language before the values are compared, so a row is marked as
differing exactly when a reader would see different text.

A table is a list of groups, each a title (or None) and its rows: a list of (label, read) pairs,
where `read(item)` gives the text shown, or a function of all the items that returns finished
rows (the parks' costs, whose rows are the cost items the parks list). A new fact is one more
pair in PROJECT_ROWS or PARK_ROWS; a new kind of fact is one more group.

`?p=slug` alone opens the picker with that project chosen first, so "Compare with other
projects" starts from the page it is on. With no more parks published than a comparison holds,
the park picker has nothing to choose and sends the reader to all of them side by side.
"""

import re
from urllib.parse import urlencode

from django.db.models import Count, Prefetch, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_GET

from portal.core.languages import localized_fieldnames
from projects.formatting import format_area, format_money, format_quantity
from projects.models import Incentive, Park, Project

MIN_ITEMS, MAX_ITEMS = 2, 3
SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")


def _date(value):
    return date_format(value, "DATE_FORMAT") if value else ""


def _number(value):
    return f"{value:,}" if value is not None else ""


PROJECT_ROWS = [
    (gettext_lazy("Investment"), lambda p: format_money(p.investment_yuan)),
    (gettext_lazy("Kind"), lambda p: p.get_kind_display()),
    (gettext_lazy("Stage"), lambda p: p.get_stage_display()),
    (gettext_lazy("Sector"), lambda p: str(p.sector)),
    (gettext_lazy("Industrial park"), lambda p: str(p.park) if p.park else ""),
    (gettext_lazy("Investor or promoter"), lambda p: p.investor or ""),
    (gettext_lazy("Signing date"), lambda p: _date(p.signing_date)),
    (gettext_lazy("Expected annual output"), lambda p: format_money(p.annual_output_yuan)),
    (gettext_lazy("Expected jobs"), lambda p: _number(p.jobs)),
    (gettext_lazy("Land area"), lambda p: format_area(p.land_area_ha)),
    (gettext_lazy("Construction start"), lambda p: _date(p.construction_start)),
    (gettext_lazy("Construction end"), lambda p: _date(p.construction_end)),
]


def _list(texts):
    return pgettext("separator between items of a list", ", ").join(texts)


def _incentives(park):
    """The park's incentives valid today, each with its document number."""
    return _list(
        _("%(title)s (%(number)s)") % {"title": i.title, "number": i.document_number}
        for i in park.current_incentives
    )


PARK_ROWS = [
    (gettext_lazy("Status"), lambda p: p.get_status_display()),
    (gettext_lazy("Planned area"), lambda p: format_area(p.planned_area_ha)),
    (gettext_lazy("Developed area"), lambda p: format_area(p.developed_area_ha)),
    (gettext_lazy("Available area"), lambda p: format_area(p.available_area_ha)),
    (gettext_lazy("Industries"), lambda p: _list(str(s) for s in p.sectors.all())),
    (gettext_lazy("Published projects"), lambda p: _number(p.project_count)),
    (gettext_lazy("Power supply"), lambda p: p.power or ""),
    (gettext_lazy("Water supply"), lambda p: p.water or ""),
    (gettext_lazy("Natural gas"), lambda p: p.gas or ""),
    (gettext_lazy("Steam"), lambda p: p.steam or ""),
    (gettext_lazy("Road and rail access"), lambda p: p.transport or ""),
    (gettext_lazy("Address"), lambda p: p.address or ""),
    (gettext_lazy("Incentives valid today"), _incentives),
]


def row(label, values, notes=None):
    """One row of a table: the label, the text of each item, and whether they differ."""
    notes = notes or [""] * len(values)
    return {
        "label": label,
        "values": values,
        "cells": [{"value": v, "note": n} for v, n in zip(values, notes, strict=True)],
        "differs": len(set(zip(values, notes, strict=True))) > 1,
    }


def comparison_rows(items, rows):
    """[{label, values, cells, differs}]: the facts of `items` row by row, in the reader's
    language."""
    return [row(label, [read(item) for item in items]) for label, read in rows]


def _cost_key(label):
    return " ".join(str(label).split()).casefold()


def _local_date(moment):
    return _date(timezone.localtime(moment).date()) if moment else ""


def cost_provenance(cost):
    """When and by whom a cost was quoted, as far as the record says."""
    date = _date(cost.as_of)
    if date and cost.source:
        return _("As of %(date)s; source: %(source)s") % {"date": date, "source": cost.source}
    if date:
        return _("As of %(date)s") % {"date": date}
    if cost.source:
        return _("Source: %(source)s") % {"source": cost.source}
    return ""


def cost_rows(parks):
    """A row per cost item any of the parks lists, matched by its name as the reader sees it,
    in the order the first park lists them; each amount with its unit, note, date and source.
    Costs without a date of their own are as recent as their park's record, edited with it:
    a last row gives that date then."""
    labels = {}
    by_park = []
    for park in parks:
        costs = {}
        for cost in park.costs.all():
            key = _cost_key(cost.label)
            labels.setdefault(key, cost.label)
            costs.setdefault(key, cost)
        by_park.append(costs)
    if not labels:
        return []
    rows = []
    for key, label in labels.items():
        costs = [park_costs.get(key) for park_costs in by_park]
        notes = [
            "\n".join(part for part in (c.note, cost_provenance(c)) if part) if c else ""
            for c in costs
        ]
        rows.append(
            row(label, [format_quantity(c.amount, c.unit) if c else "" for c in costs], notes)
        )
    if any(cost.as_of is None for park_costs in by_park for cost in park_costs.values()):
        rows.append(row(_("Costs last updated"), [_local_date(park.updated_at) for park in parks]))
    return rows


def comparison_table(items, groups):
    """[{title, rows}]: each group's rows for `items`; groups without any row are left out."""
    table = []
    for title, rows in groups:
        built = rows(items) if callable(rows) else comparison_rows(items, rows)
        if built:
            table.append({"title": title, "rows": built})
    return table


PROJECT_GROUPS = [(None, PROJECT_ROWS)]
PARK_GROUPS = [(None, PARK_ROWS), (gettext_lazy("Costs"), cost_rows)]


def parse_slugs(values):
    """(slugs, error): the distinct slugs asked for, in order, or a message for the reader."""
    if any(not SLUG_RE.match(value) for value in values):
        return [], _("One of the addresses you asked to compare is not valid.")
    slugs = list(dict.fromkeys(values))
    if not MIN_ITEMS <= len(slugs) <= MAX_ITEMS:
        return slugs, _("Choose two or three different items to compare.")
    return slugs, None


SLOT_LABELS = [gettext_lazy("First"), gettext_lazy("Second"), gettext_lazy("Third (optional)")]


def picker_slots(param, chosen):
    """The picker's three selects, each remembering what the reader chose in it."""
    chosen = list(chosen) + [""] * MAX_ITEMS
    return [
        {"id": f"compare-{param}-{n + 1}", "label": label, "selected": chosen[n]}
        for n, label in enumerate(SLOT_LABELS)
    ]


def _compare(request, *, param, queryset, groups, template, picker_queryset, show_all=False):
    values = [value.strip() for value in request.GET.getlist(param) if value.strip()]
    if show_all and len(values) <= 1:
        everything = list(picker_queryset.values_list("slug", flat=True))
        if MIN_ITEMS <= len(everything) <= MAX_ITEMS and set(values) <= set(everything):
            ordered = values + [slug for slug in everything if slug not in values]
            return redirect(f"{request.path}?{urlencode([(param, slug) for slug in ordered])}")
    if param not in request.GET:
        context = {"param": param, "choices": picker_queryset, "slots": picker_slots(param, [])}
        return render(request, template, context)
    context = {"param": param}
    slugs, error = parse_slugs(values)
    if len(slugs) == 1:
        # A single item starts the picker: the page the reader came from, chosen first.
        start = queryset.filter(slug=slugs[0]).first()
        if start is not None:
            context.update(start=start, choices=picker_queryset, slots=picker_slots(param, slugs))
            return render(request, template, context)
    items = []
    if error is None:
        found = {item.slug: item for item in queryset.filter(slug__in=slugs)}
        missing = [slug for slug in slugs if slug not in found]
        if missing:
            error = _("We could not find every item you asked for; it may have been removed.")
        else:
            items = [found[slug] for slug in slugs]
    if error:
        context.update(
            error=error, choices=picker_queryset, slots=picker_slots(param, slugs[:MAX_ITEMS])
        )
        return render(request, template, context, status=400)
    context.update(items=items, groups=comparison_table(items, groups))
    return render(request, template, context)


@require_GET
def compare_projects(request):
    return _compare(
        request,
        param="p",
        queryset=Project.objects.published().select_related("sector", "park"),
        groups=PROJECT_GROUPS,
        template="projects/tools/compare_projects.html",
        picker_queryset=Project.objects.published().only(
            "slug", "name_pinyin", *localized_fieldnames("name")
        ),
    )


def parks_with_facts():
    """Published parks with their industries, costs, incentives valid today and the number of
    published projects in each."""
    project_count = Count(
        "projects",
        filter=Q(projects__is_published=True, projects__published_at__lte=timezone.now()),
    )
    incentives = Prefetch(
        "incentive_policies", queryset=Incentive.objects.current(), to_attr="current_incentives"
    )
    return (
        Park.objects.published()
        .annotate(project_count=project_count)
        .prefetch_related("sectors", "costs", incentives)
    )


@require_GET
def compare_parks(request):
    return _compare(
        request,
        param="park",
        queryset=parks_with_facts(),
        groups=PARK_GROUPS,
        template="projects/tools/compare_parks.html",
        picker_queryset=Park.objects.published().only(
            "slug", "name_pinyin", *localized_fieldnames("name")
        ),
        show_all=True,
    )
