"""The officer's first page: the office's figures and one's own, each a link into the queue.

A fixed number of queries however many enquiries: one aggregate for the counts, one for the
first-response times with one for the holidays they span, one per breakdown, and one for the
years whose holiday calendar is missing. Spam and test enquiries count for nothing.
"""

import datetime
import statistics

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from projects.models import Park, Project

from . import countries
from .desk import OPEN_STATUSES
from .models import Enquiry, calendar_gaps, holiday_exceptions, working_days_between

PERIOD_DAYS = 90
# Each count, its label and the queue's filter that lists the enquiries it counts.
COUNTS = (
    ("new", _("New"), "status__exact=new&test=no"),
    ("in_progress", _("In progress"), "status__exact=in-progress&test=no"),
    ("due_today", _("Due today"), "overdue=today&test=no"),
    ("overdue", _("Overdue"), "overdue=yes&test=no"),
    ("answered_this_month", _("Answered this month"), "period=answered-this-month"),
)


def counted():
    """The enquiries figures count: all but spam and test enquiries."""
    return Enquiry.objects.exclude(status=Enquiry.Status.SPAM).exclude(is_test=True)


def period_start(now=None):
    return (now or timezone.now()) - datetime.timedelta(days=PERIOD_DAYS)


def _counts(user):
    today = timezone.localdate()
    month_start = timezone.make_aware(
        datetime.datetime.combine(today.replace(day=1), datetime.time())
    )
    kinds = {
        "new": Q(status=Enquiry.Status.NEW),
        "in_progress": Q(status=Enquiry.Status.IN_PROGRESS),
        "due_today": Q(status__in=OPEN_STATUSES, response_due=today),
        "overdue": Q(status__in=OPEN_STATUSES, response_due__lt=today),
        "answered_this_month": Q(answered_at__gte=month_start),
    }
    aggregates = {}
    for name, condition in kinds.items():
        aggregates[f"office_{name}"] = Count("pk", filter=condition)
        aggregates[f"mine_{name}"] = Count("pk", filter=condition & Q(owner=user))
    return counted().aggregate(**aggregates)


def first_response_days(since):
    """(owner id, working days from receipt to the first answer) of enquiries received since."""
    rows = list(
        counted()
        .filter(received_at__gte=since, answered_at__isnull=False)
        .values_list("owner_id", "received_at", "answered_at")
    )
    if not rows:
        return []
    first = timezone.localdate(min(r[1] for r in rows))
    last = timezone.localdate(max(r[2] for r in rows))
    exceptions = holiday_exceptions(first, last)
    return [
        (
            owner,
            working_days_between(
                timezone.localdate(received), timezone.localdate(answered), exceptions
            ),
        )
        for owner, received, answered in rows
    ]


def median(values):
    return statistics.median(values) if values else None


def _breakdown(queryset, field):
    return list(
        queryset.values(field).annotate(count=Count("pk", distinct=True)).order_by("-count", field)
    )


def _named(rows, field, model):
    # Objects rather than values, so the name falls back to the other language as pages do.
    names = {o.pk: o.name for o in model.objects.filter(pk__in=[r[field] for r in rows])}
    return [(r[field], names.get(r[field], "-"), r["count"]) for r in rows]


def _country_name(stored):
    """A listed country in the reader's language (stored by its English name); other text as
    typed."""
    code = countries.lookup(stored)
    return countries.local_name(code) if code else stored


def figures(user):
    since = period_start()
    counts = _counts(user)
    days = first_response_days(since)
    recent = counted().filter(received_at__gte=since)
    projects = _breakdown(recent.filter(projects__isnull=False), "projects")
    parks = _breakdown(recent.filter(park__isnull=False), "park")
    return {
        "counts": [
            (label, query, counts[f"office_{key}"], counts[f"mine_{key}"])
            for key, label, query in COUNTS
        ],
        "office_median": median([d for _owner, d in days]),
        "mine_median": median([d for owner, d in days if owner == user.pk]),
        "by_project": _named(projects, "projects", Project),
        "by_park": _named(parks, "park", Park),
        "by_country": [
            (r["country"], _country_name(r["country"]), r["count"])
            for r in _breakdown(recent, "country")
        ],
        "by_channel": [
            (r["channel"], Enquiry.Channel(r["channel"]).label, r["count"])
            for r in _breakdown(recent, "channel")
        ],
        "period_days": PERIOD_DAYS,
        "calendar_gaps": calendar_gaps(),
    }
