"""Two or three projects, or parks, side by side at a shareable address.

`/projects/compare/?p=slug-a&p=slug-b` and `/projects/compare/parks/?park=a&park=b`. Each fact
is formatted for the reader's language before the values are compared, so a row is marked as
differing exactly when a reader would see different text.
"""

import re

from django.db.models import Count, Prefetch, Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_GET

from projects.formatting import format_area, format_money
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


def _incentives(park):
    """The park's incentives valid today, each with its document number."""
    return pgettext("separator between items of a list", ", ").join(
        _("%(title)s (%(number)s)") % {"title": i.title, "number": i.document_number}
        for i in park.current_incentives
    )


PARK_ROWS = [
    (gettext_lazy("Status"), lambda p: p.get_status_display()),
    (gettext_lazy("Planned area"), lambda p: format_area(p.planned_area_ha)),
    (gettext_lazy("Developed area"), lambda p: format_area(p.developed_area_ha)),
    (gettext_lazy("Available area"), lambda p: format_area(p.available_area_ha)),
    (gettext_lazy("Industries"), lambda p: ", ".join(str(s) for s in p.sectors.all())),
    (gettext_lazy("Published projects"), lambda p: _number(p.project_count)),
    (gettext_lazy("Power supply"), lambda p: p.power or ""),
    (gettext_lazy("Water supply"), lambda p: p.water or ""),
    (gettext_lazy("Natural gas"), lambda p: p.gas or ""),
    (gettext_lazy("Steam"), lambda p: p.steam or ""),
    (gettext_lazy("Road and rail access"), lambda p: p.transport or ""),
    (gettext_lazy("Address"), lambda p: p.address or ""),
    (gettext_lazy("Incentives valid today"), _incentives),
]


def comparison_rows(items, rows):
    """[{label, values, differs}]: the facts of `items` row by row, in the reader's language."""
    table = []
    for label, read in rows:
        values = [read(item) for item in items]
        table.append({"label": label, "values": values, "differs": len(set(values)) > 1})
    return table


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


def _compare(request, *, param, queryset, rows, template, picker_queryset):
    if param not in request.GET:
        context = {"param": param, "choices": picker_queryset, "slots": picker_slots(param, [])}
        return render(request, template, context)
    values = [value.strip() for value in request.GET.getlist(param) if value.strip()]
    context = {"param": param}
    slugs, error = parse_slugs(values)
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
    context.update(items=items, rows=comparison_rows(items, rows))
    return render(request, template, context)


@require_GET
def compare_projects(request):
    return _compare(
        request,
        param="p",
        queryset=Project.objects.published().select_related("sector", "park"),
        rows=PROJECT_ROWS,
        template="projects/tools/compare_projects.html",
        picker_queryset=Project.objects.published().only("slug", "name_en", "name_zh_hans"),
    )


def parks_with_facts():
    """Published parks with their industries and the number of published projects in each."""
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
        .prefetch_related("sectors", incentives)
    )


@require_GET
def compare_parks(request):
    return _compare(
        request,
        param="park",
        queryset=parks_with_facts(),
        rows=PARK_ROWS,
        template="projects/tools/compare_parks.html",
        picker_queryset=Park.objects.published().only("slug", "name_en", "name_zh_hans"),
    )
