"""One-page A4 fact sheets for a project and a park, built from the live data.

The page prints on its own (static/css/sheet.css holds the A4 print rules) and carries a QR
code of its public address, so a printed sheet opens the live page on a phone.
"""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from projects.models import Project

from .compare import PARK_ROWS, PROJECT_ROWS, comparison_rows, cost_provenance, parks_with_facts
from .qr import qr_svg


def _facts(item, rows):
    return [
        {"label": row["label"], "value": row["values"][0]}
        for row in comparison_rows([item], rows)
        if row["values"][0]
    ]


def _sheet_context(request, item, rows, image):
    public_url = request.build_absolute_uri(item.get_absolute_url())
    return {
        "object": item,
        "facts": _facts(item, rows),
        "image": image,
        "public_url": public_url,
        "qr": qr_svg(public_url, _("QR code that opens %(url)s") % {"url": public_url}),
        "generated_on": date_format(timezone.localdate(), "DATE_FORMAT"),
    }


@require_GET
def project_sheet(request, slug):
    project = get_object_or_404(
        Project.objects.published().select_related("sector", "park"), slug=slug
    )
    context = _sheet_context(request, project, PROJECT_ROWS, project.images.first())
    context.update(project=project, contact=project.contact)
    return render(request, "projects/tools/sheet_project.html", context)


@require_GET
def park_sheet(request, slug):
    park = get_object_or_404(parks_with_facts(), slug=slug)
    context = _sheet_context(request, park, PARK_ROWS, park.images.first())
    context.update(
        park=park,
        contact=park if park.has_contact else None,
        costs=[{"cost": cost, "provenance": cost_provenance(cost)} for cost in park.costs.all()],
        # Costs without a date of their own are as recent as the park's record.
        costs_updated=(
            timezone.localtime(park.updated_at).date()
            if any(cost.as_of is None for cost in park.costs.all())
            else None
        ),
    )
    return render(request, "projects/tools/sheet_park.html", context)
