"""What is overdue for review across the site: every record of a model that mixes in
`ReviewDated` whose "review by" date has passed or was never set.

The models are found by walking the app registry, so a model that gains the mixin appears on
the page without a change here. Each model costs one query, however many records it holds, and
only the models the signed-in person may change (through the admin site's own ModelAdmin
permission checks) are asked at all. `portal/admin.py` registers the page on the admin site;
the admin index shows its count (`portal.core.templatetags.review_dates`).
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.db.models import F
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from portal.core.models import ReviewDated, review_overdue_q


@dataclass(frozen=True)
class OverdueRecord:
    record: object
    kind: str
    review_by: datetime.date | None
    change_url: str


@dataclass(frozen=True)
class OverdueKind:
    kind: str
    count: int
    changelist_url: str


def review_dated_models():
    """Every concrete model that carries a "review by" date."""
    return [model for model in apps.get_models() if issubclass(model, ReviewDated)]


def _changeable(site, request):
    for model in review_dated_models():
        model_admin = site._registry.get(model)
        if model_admin is not None and model_admin.has_change_permission(request):
            yield model, model_admin


def _admin_url(model, view, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def overdue_records(site, request, today=None):
    """The overdue records the person may change, never-dated first, then the oldest date."""
    today = today or timezone.localdate()
    records, kinds = [], []
    for model, _model_admin in _changeable(site, request):
        kind = capfirst(model._meta.verbose_name)
        found = model._default_manager.filter(review_overdue_q(today))
        found = found.order_by(F("review_by").asc(nulls_first=True), "pk")
        rows = [
            OverdueRecord(obj, kind, obj.review_by, _admin_url(model, "change", obj.pk))
            for obj in found
        ]
        if rows:
            changelist = _admin_url(model, "changelist") + "?review=overdue"
            kinds.append(
                OverdueKind(capfirst(model._meta.verbose_name_plural), len(rows), changelist)
            )
        records.extend(rows)
    records.sort(key=lambda row: (row.review_by is not None, row.review_by or today, row.kind))
    return records, kinds


def overdue_count(site, request, today=None):
    """How many records the person may change are overdue: one COUNT per model; None when
    they may change none of these models, so that the index says nothing to them."""
    today = today or timezone.localdate()
    models = [model for model, _model_admin in _changeable(site, request)]
    if not models:
        return None
    return sum(model._default_manager.filter(review_overdue_q(today)).count() for model in models)


def review_due_view(request, site):
    records, kinds = overdue_records(site, request)
    context = {
        **site.each_context(request),
        "title": _("Overdue for review"),
        "records": records,
        "kinds": kinds,
    }
    return TemplateResponse(request, "admin/review_due.html", context)
