"""The published registry as open data: CSV for spreadsheets and JSON for programs.

Field names are stable English identifiers whatever the reader's language, and both languages
of every translated field are given. Officers' names, emails and phones are personal data and
are never exported.
"""

import csv
import io
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Max
from django.http import HttpResponse
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal.core.spreadsheets import spreadsheet_safe
from projects.filters import filtered_projects

# (field name, how to read it from a project). The order is the CSV's column order.
FIELDS = [
    ("slug", lambda p, url: p.slug),
    ("url", lambda p, url: url(p.get_absolute_url())),
    ("name_en", lambda p, url: p.name_en or ""),
    ("name_zh_hans", lambda p, url: p.name_zh_hans or ""),
    ("kind", lambda p, url: p.kind),
    ("stage", lambda p, url: p.stage),
    ("sector", lambda p, url: p.sector.slug),
    ("sector_name_en", lambda p, url: p.sector.name_en or ""),
    ("sector_name_zh_hans", lambda p, url: p.sector.name_zh_hans or ""),
    ("park", lambda p, url: p.park.slug if p.park else ""),
    ("park_name_en", lambda p, url: (p.park.name_en or "") if p.park else ""),
    ("park_name_zh_hans", lambda p, url: (p.park.name_zh_hans or "") if p.park else ""),
    ("investment_yuan", lambda p, url: p.investment_yuan),
    ("investor_en", lambda p, url: p.investor_en or ""),
    ("investor_zh_hans", lambda p, url: p.investor_zh_hans or ""),
    ("investor_country_en", lambda p, url: p.investor_country_en or ""),
    ("investor_country_zh_hans", lambda p, url: p.investor_country_zh_hans or ""),
    ("signing_date", lambda p, url: p.signing_date),
    ("annual_output_yuan", lambda p, url: p.annual_output_yuan),
    ("jobs", lambda p, url: p.jobs),
    ("land_area_ha", lambda p, url: p.land_area_ha),
    ("construction_start", lambda p, url: p.construction_start),
    ("construction_end", lambda p, url: p.construction_end),
    ("summary_en", lambda p, url: p.summary_en or ""),
    ("summary_zh_hans", lambda p, url: p.summary_zh_hans or ""),
    ("updated_at", lambda p, url: p.updated_at),
]
FIELD_NAMES = [name for name, _read in FIELDS]


def licence():
    return {"name": settings.OPEN_DATA_LICENCE, "url": settings.OPEN_DATA_LICENCE_URL}


def _rows(request, projects):
    absolute = request.build_absolute_uri
    for project in projects:
        yield {name: read(project, absolute) for name, read in FIELDS}


def _dataset(request):
    """(projects, last updated) for the request's filters, or None for invalid filters."""
    _form, projects = filtered_projects(request.GET)
    if projects is None:
        return None
    projects = projects.select_related("sector", "park").order_by("-signing_date", "slug")
    last_updated = projects.aggregate(last=Max("updated_at"))["last"]
    return list(projects), last_updated


def _bad_filters():
    return HttpResponse(
        _("The filters are not valid. Check the sector, park, stage, kind and band values."),
        status=400,
        content_type="text/plain; charset=utf-8",
    )


def download_headers(response, filename, last_updated):
    """An open-data download: its file name, licence link, CORS and Last-Modified."""
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = f'<{settings.OPEN_DATA_LICENCE_URL}>; rel="license"'
    response["Access-Control-Allow-Origin"] = "*"
    if last_updated:
        response["Last-Modified"] = http_date(last_updated.timestamp())
    return response


def _csv_value(value):
    """Text guarded against spreadsheet formulas; numbers and dates as they are."""
    if value is None:
        return ""
    if isinstance(value, str):
        return spreadsheet_safe(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


@require_GET
def projects_csv(request):
    dataset = _dataset(request)
    if dataset is None:
        return _bad_filters()
    projects, last_updated = dataset
    buffer = io.StringIO()
    # The byte order mark makes Excel read the file as UTF-8, so Chinese shows correctly.
    buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=FIELD_NAMES, lineterminator="\r\n")
    writer.writeheader()
    for row in _rows(request, projects):
        writer.writerow({name: _csv_value(value) for name, value in row.items()})
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    return download_headers(response, "guanxian-projects.csv", last_updated)


@require_GET
def projects_json(request):
    dataset = _dataset(request)
    if dataset is None:
        return _bad_filters()
    projects, last_updated = dataset
    document = {
        "title": "Guanxian bearing (forging) cluster: investment projects",
        "licence": licence(),
        "publisher": "Guanxian County",
        "source": request.build_absolute_uri(),
        "last_updated": last_updated,
        "count": len(projects),
        "fields": FIELD_NAMES,
        "projects": list(_rows(request, projects)),
    }
    body = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    return download_headers(response, "guanxian-projects.json", last_updated)
