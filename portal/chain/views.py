"""The enterprise directory, an enterprise's page, the industry chain and the directory as
open data.

Every filter is a GET parameter, so each state of the directory is an address to share. A value
the filters do not know is named on the page and left out; nothing typed into the address makes
a page fail. Each page makes a fixed number of queries however many enterprises there are.
"""

import csv
import io
import json
from decimal import Decimal
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Prefetch, Q, Subquery, Sum
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal.core.page_cache import do_not_store
from portal.core.spreadsheets import spreadsheet_safe
from projects.models import Park, Project
from projects.tools.opendata import download_headers, licence

from .models import (
    CapacityUnit,
    Certification,
    ChainGap,
    ChainStage,
    Enterprise,
    capacity_text,
)

PER_PAGE = 20
SEARCH_MAX_LENGTH = 100
FACETS = ("stage", "cert", "park")
MANY_TO_MANY_FACETS = frozenset({"stage", "cert"})


def _search_q(text):
    q = Q()
    for field in ("name", "main_products", "key_equipment"):
        for suffix in ("en", "zh_hans"):
            q |= Q(**{f"{field}_{suffix}__icontains": text})
    return q


class DirectoryFilters:
    """The chosen filters, read from a query string: {facet: slug}, the search text, and
    what was ignored and why."""

    def __init__(self, query):
        self.chosen = {}
        self.ignored = []
        for facet in FACETS:
            values = [v.strip() for v in query.getlist(facet) if v.strip()]
            # A slug is short and plain: anything else (a NUL byte, which PostgreSQL refuses
            # in a query, or a page of text) is left out before it reaches the database.
            if values and (len(values[-1]) > 80 or "\x00" in values[-1]):
                self.ignored.append(
                    _("A filter in this address was not understood; it was left out.")
                )
            elif values:
                self.chosen[facet] = values[-1]
        text = query.get("q", "").strip()
        if len(text) > SEARCH_MAX_LENGTH or "\x00" in text:
            self.ignored.append(_("The search text is too long or holds characters it cannot."))
            text = ""
        self.text = text

    def queryset(self, skip=None):
        """Published enterprises passing every chosen filter but `skip`'s."""
        enterprises = Enterprise.objects.published()
        lookups = {"stage": "stages__slug", "cert": "certifications__slug", "park": "park__slug"}
        joined = False
        for facet, value in self.chosen.items():
            if facet != skip:
                enterprises = enterprises.filter(**{lookups[facet]: value})
                joined = joined or facet in MANY_TO_MANY_FACETS
        if self.text:
            enterprises = enterprises.filter(_search_q(self.text))
        # A filter across a many-to-many relation may find an enterprise twice; DISTINCT on
        # every column costs a sort of the whole table, so only such a filter pays for it.
        return enterprises.distinct() if skip is None and joined else enterprises

    def link(self, **change):
        """The query string with `change` applied (None removes a filter), without the page."""
        params = {**self.chosen, **({"q": self.text} if self.text else {})}
        for key, value in change.items():
            if value is None:
                params.pop(key, None)
            else:
                params[key] = value
        return "?" + urlencode(params) if params else "?"


def _facet(rows, filters, facet, label_of):
    """[(slug, label, count, chosen, link)] for one facet."""
    chosen = filters.chosen.get(facet)
    return [
        {
            "slug": row.slug,
            "label": label_of(row),
            "count": row.matching,
            "chosen": row.slug == chosen,
            "link": filters.link(**{facet: None if row.slug == chosen else row.slug}),
        }
        for row in rows
    ]


def _matching(relation, filters, facet):
    """A count of the enterprises behind `relation` that pass the other filters."""
    others = filters.queryset(skip=facet).values("pk")
    return Count(relation, filter=Q(**{f"{relation}__in": Subquery(others)}), distinct=True)


@require_GET
def directory(request):
    filters = DirectoryFilters(request.GET)
    stages = list(
        ChainStage.objects.published().annotate(matching=_matching("enterprises", filters, "stage"))
    )
    certifications = list(
        Certification.objects.annotate(matching=_matching("enterprises", filters, "cert"))
    )
    parks = list(
        Park.objects.published().annotate(matching=_matching("enterprises", filters, "park"))
    )
    known = {
        "stage": {s.slug for s in stages},
        "cert": {c.slug for c in certifications},
        "park": {p.slug for p in parks},
    }
    names = {"stage": _("chain stage"), "cert": _("certification"), "park": _("park")}
    for facet, value in list(filters.chosen.items()):
        if value not in known[facet]:
            del filters.chosen[facet]
            filters.ignored.append(
                _("There is no %(what)s “%(value)s”; it was left out.")
                % {"what": names[facet], "value": value[:60]}
            )
    enterprises = filters.queryset().for_cards().in_reading_order()
    paginator = Paginator(enterprises, PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "filters": filters,
        "page_obj": page,
        "enterprises": page.object_list,
        "count": paginator.count,
        "facets": [
            (_("Chain stage"), "stage", _facet(stages, filters, "stage", lambda r: r.name)),
            (
                _("Certification"),
                "cert",
                _facet(certifications, filters, "cert", lambda r: r.code),
            ),
            (_("Park"), "park", _facet(parks, filters, "park", lambda r: r.name)),
        ],
        "chosen_stage": next((s for s in stages if s.slug == filters.chosen.get("stage")), None),
        "query_string": filters.link()[1:],
    }
    response = render(request, "chain/directory.html", context)
    pages = request.GET.getlist("page")
    if filters.ignored or (pages and pages != [str(page.number)]):
        # A page for an address nobody links to: shown, never kept by the page cache.
        do_not_store(response)
    return response


@require_GET
def enterprise_detail(request, slug):
    enterprise = (
        Enterprise.objects.published()
        .select_related("park")
        .prefetch_related(
            Prefetch("stages", queryset=ChainStage.objects.published()), "certifications"
        )
        .filter(slug=slug)
        .first()
    )
    if enterprise is None:
        raise Http404(_("No such enterprise."))
    stages = list(enterprise.stages.all())
    projects = list(
        Project.objects.published()
        .signed()
        .filter(sector__chain_stages__in=[s.pk for s in stages])
        .distinct()
        .order_by("-signing_date", "slug")[:6]
    )
    return render(
        request,
        "chain/enterprise_detail.html",
        {"enterprise": enterprise, "stages": stages, "projects": projects},
    )


def chain_stages():
    """The published stages in order, each with its enterprises, their capacity by unit, its
    signed projects, and its published gaps with their published open opportunities."""
    published = Q(enterprises__in=Subquery(Enterprise.objects.published().values("pk")))
    stages = list(
        ChainStage.objects.published()
        .annotate(
            enterprise_count=Count("enterprises", filter=published, distinct=True),
            tonnes=Sum(
                "enterprises__capacity",
                filter=published & Q(enterprises__capacity_unit=CapacityUnit.TONNES),
            ),
            pieces=Sum(
                "enterprises__capacity",
                filter=published & Q(enterprises__capacity_unit=CapacityUnit.PIECES),
            ),
        )
        .prefetch_related(
            "sectors",
            Prefetch(
                "gaps",
                queryset=ChainGap.objects.published().prefetch_related(
                    Prefetch(
                        "opportunities",
                        queryset=Project.objects.published().filter(kind=Project.Kind.OPPORTUNITY),
                    )
                ),
            ),
        )
    )
    signed = dict(
        Project.objects.published()
        .signed()
        .order_by()
        .values_list("sector_id")
        .annotate(n=Count("pk"))
    )
    for stage in stages:
        stage.project_count = sum(signed.get(s.pk, 0) for s in stage.sectors.all())
        stage.published_gaps = list(stage.gaps.all())
        stage.tonnes_text = capacity_text(stage.tonnes, CapacityUnit.TONNES)
        stage.pieces_text = capacity_text(stage.pieces, CapacityUnit.PIECES)
    return stages


# The chain drawn as boxes in rows, left to right: sizes in SVG user units.
BOX_W, BOX_H, GAP_X, GAP_Y, PER_ROW = 180, 96, 36, 40, 5


def _layout(stages):
    boxes = []
    for index, stage in enumerate(stages):
        row, column = divmod(index, PER_ROW)
        boxes.append(
            {
                "stage": stage,
                "number": index + 1,
                "x": column * (BOX_W + GAP_X),
                "y": row * (BOX_H + GAP_Y),
                "arrow": index + 1 < len(stages) and column + 1 < PER_ROW,
                "arrow_x": column * (BOX_W + GAP_X) + BOX_W + 4,
                "arrow_y": row * (BOX_H + GAP_Y) + BOX_H // 2,
            }
        )
    rows = (len(stages) + PER_ROW - 1) // PER_ROW
    return {
        "boxes": boxes,
        "width": PER_ROW * BOX_W + (PER_ROW - 1) * GAP_X,
        "height": max(1, rows) * BOX_H + max(0, rows - 1) * GAP_Y,
        "box_w": BOX_W,
        "box_h": BOX_H,
    }


@require_GET
def chain(request):
    stages = chain_stages()
    return render(
        request,
        "chain/chain.html",
        {
            "stages": stages,
            "drawing": _layout(stages),
            "enterprise_total": Enterprise.objects.published().count(),
            "gap_total": sum(len(s.published_gaps) for s in stages),
        },
    )


# The directory's open data: stable English field names, both languages of translated fields,
# a business contact and nothing personal.
FIELDS = [
    ("slug", lambda e, url: e.slug),
    ("url", lambda e, url: url(e.get_absolute_url())),
    ("name_en", lambda e, url: e.name_en or ""),
    ("name_zh_hans", lambda e, url: e.name_zh_hans or ""),
    ("park", lambda e, url: e.park.slug if e.park else ""),
    ("town_en", lambda e, url: e.town_en or ""),
    ("town_zh_hans", lambda e, url: e.town_zh_hans or ""),
    ("stages", lambda e, url: " ".join(s.slug for s in e.stages.all())),
    ("main_products_en", lambda e, url: e.main_products_en or ""),
    ("main_products_zh_hans", lambda e, url: e.main_products_zh_hans or ""),
    ("capacity", lambda e, url: e.capacity),
    ("capacity_unit", lambda e, url: e.capacity_unit),
    ("key_equipment_en", lambda e, url: e.key_equipment_en or ""),
    ("key_equipment_zh_hans", lambda e, url: e.key_equipment_zh_hans or ""),
    ("certifications", lambda e, url: "; ".join(c.code for c in e.certifications.all())),
    ("export_markets_en", lambda e, url: e.export_markets_en or ""),
    ("export_markets_zh_hans", lambda e, url: e.export_markets_zh_hans or ""),
    ("year_founded", lambda e, url: e.year_founded),
    ("business_email", lambda e, url: e.business_email),
    ("business_phone", lambda e, url: e.business_phone),
    ("website", lambda e, url: e.website),
    ("last_checked", lambda e, url: e.last_checked),
    ("is_illustrative", lambda e, url: e.is_illustrative),
]
FIELD_NAMES = [name for name, _read in FIELDS]


def _open_data(request):
    filters = DirectoryFilters(request.GET)
    enterprises = list(filters.queryset().for_cards().order_by("slug"))
    last = max((e.updated_at for e in enterprises), default=None)
    absolute = request.build_absolute_uri
    rows = [{name: read(e, absolute) for name, read in FIELDS} for e in enterprises]
    return rows, last


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return spreadsheet_safe(value)
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


@require_GET
def enterprises_csv(request):
    rows, last = _open_data(request)
    buffer = io.StringIO()
    # The byte order mark makes Excel read the file as UTF-8, so Chinese shows correctly.
    buffer.write("\ufeff")
    writer = csv.DictWriter(buffer, fieldnames=FIELD_NAMES, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: _cell(value) for name, value in row.items()})
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    return download_headers(response, "guanxian-enterprises.csv", last)


@require_GET
def enterprises_json(request):
    rows, last = _open_data(request)
    document = {
        "title": "Guanxian bearing (forging) cluster: enterprise directory",
        "licence": licence(),
        "publisher": "Guanxian County",
        "source": request.build_absolute_uri(),
        "last_updated": last,
        "count": len(rows),
        "fields": FIELD_NAMES,
        "enterprises": rows,
    }
    body = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    return download_headers(response, "guanxian-enterprises.json", last)
