"""What officers do with an enquiry, each step kept as an entry of its thread.

The admin calls these; so do the management commands. Mail is only planned here, as
Notification rows that the worker sends and retries.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    Enquiry,
    Note,
    Notification,
    add_working_days,
    holiday_exceptions,
)

OFFICERS_GROUP = "Enquiry officers"
OPEN_STATUSES = (Enquiry.Status.NEW, Enquiry.Status.IN_PROGRESS)


def officers():
    """The people an enquiry may belong to: active members of "Enquiry officers"."""
    return (
        get_user_model()
        .objects.filter(groups__name=OFFICERS_GROUP, is_active=True)
        .order_by("first_name", "last_name", "username")
    )


def full_name(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def admin_url(enquiry, request=None):
    """The enquiry's admin page as an absolute address, for mail read outside the site.

    PORTAL_BASE_URL (e.g. https://invest.guanxian.gov.cn) when set, else the request's host.
    """
    path = reverse("admin:enquiries_enquiry_change", args=[enquiry.pk])
    base = getattr(settings, "PORTAL_BASE_URL", "").rstrip("/")
    if base:
        return base + path
    if request is not None:
        return request.build_absolute_uri(path)
    return path


def log(enquiry, kind, text, author=None):
    """Add an entry to the thread; an answer sets the first-response time and the status."""
    entry = Note.objects.create(enquiry=enquiry, kind=kind, text=text, author=author)
    apply_entry(enquiry, entry)
    return entry


def apply_entry(enquiry, entry):
    """What a stored entry changes on its enquiry: an answer is the first response."""
    if entry.kind in Note.ANSWERS:
        changes = {}
        if enquiry.answered_at is None:
            changes["answered_at"] = entry.created_at
        if enquiry.status in OPEN_STATUSES:
            changes["status"] = Enquiry.Status.ANSWERED
        if changes:
            Enquiry.objects.filter(pk=enquiry.pk).update(**changes)
            for field, value in changes.items():
                setattr(enquiry, field, value)


@transaction.atomic
def send_reply(enquiry, text, author):
    """Keep the reply on the thread and queue it to the investor, in their language."""
    entry = log(enquiry, Note.Kind.REPLY, text, author)
    Notification.objects.create(
        enquiry=enquiry,
        entry=entry,
        kind=Notification.Kind.REPLY,
        recipient=enquiry.email,
        language=enquiry.language,
    )
    return entry


def record_status(enquiry, old, new, author):
    if old != new:
        log(
            enquiry,
            Note.Kind.STATUS,
            _("%(old)s → %(new)s")
            % {
                "old": Enquiry.Status(old).label if old else "-",
                "new": Enquiry.Status(new).label,
            },
            author,
        )


def record_test_marker(enquiry, old, new, author):
    if old != new:
        text = (
            _("Marked as a test enquiry: left out of the figures.")
            if new
            else _("No longer a test enquiry: counted in the figures again.")
        )
        log(enquiry, Note.Kind.STATUS, text, author)


@transaction.atomic
def assign(enquiry, owner, by, *, previous=None):
    """Give the enquiry to `owner`, say so on its thread, and tell them unless they took it."""
    Enquiry.objects.filter(pk=enquiry.pk).update(owner=owner)
    enquiry.owner = owner
    if owner is None:
        text = _("No longer assigned (was %(previous)s)") % {"previous": full_name(previous)}
    elif previous is not None:
        text = _("Passed from %(previous)s to %(owner)s") % {
            "previous": full_name(previous),
            "owner": full_name(owner),
        }
    else:
        text = _("Assigned to %(owner)s") % {"owner": full_name(owner)}
    log(enquiry, Note.Kind.ASSIGNMENT, text, by)
    if owner is not None and owner != by and owner.email:
        Notification.objects.create(
            enquiry=enquiry,
            kind=Notification.Kind.ASSIGNED,
            recipient=owner.email,
            language=settings.ENQUIRY_OFFICER_LANGUAGE,
        )


def start_if_new(enquiry, by):
    if enquiry.status == Enquiry.Status.NEW:
        Enquiry.objects.filter(pk=enquiry.pk).update(status=Enquiry.Status.IN_PROGRESS)
        record_status(enquiry, enquiry.status, Enquiry.Status.IN_PROGRESS, by)
        enquiry.status = Enquiry.Status.IN_PROGRESS


def calendar_warning(year):
    return _(
        "The %(year)s holiday calendar has not been entered yet: due dates in %(year)s count "
        "Monday to Friday only, without its public holidays and make-up working days."
    ) % {"year": year}


def recalculate_due_dates(year, by):
    """Move the open enquiries' due dates in `year` to what its newly entered calendar says.

    Only a due date that is the Monday-to-Friday count from the day received moves; one an
    officer set otherwise (agreed with the investor) stays. Each move is said on the thread.
    Returns how many moved.
    """
    days = settings.ENQUIRY_RESPONSE_WORKING_DAYS
    # Every due date in `year` was counted from a day received at most a few weeks before.
    exceptions = holiday_exceptions(datetime.date(year - 1, 11, 1), datetime.date(year, 12, 31))
    without_year = {day: works for day, works in exceptions.items() if day.year != year}
    moved = 0
    for enquiry in Enquiry.objects.filter(status__in=OPEN_STATUSES, response_due__year=year):
        received = timezone.localdate(enquiry.received_at)
        if enquiry.response_due != add_working_days(received, days, without_year):
            continue
        due = add_working_days(received, days, exceptions)
        if due == enquiry.response_due:
            continue
        Enquiry.objects.filter(pk=enquiry.pk).update(response_due=due)
        log(
            enquiry,
            Note.Kind.STATUS,
            _(
                "First response due moved from %(old)s to %(new)s: the %(year)s holiday "
                "calendar is now entered."
            )
            % {"old": enquiry.response_due.isoformat(), "new": due.isoformat(), "year": year},
            by,
        )
        moved += 1
    return moved


ERASED = "[removed]"


def anonymise(ids):
    """Erase the personal data of the enquiries `ids`; the rows, their dates and counts stay."""
    with transaction.atomic():
        Enquiry.objects.filter(pk__in=ids).update(
            name=ERASED,
            organisation=ERASED,
            email="",
            phone="",
            message=ERASED,
            referrer="",
            utm={},
            fingerprint="",
            anonymised_at=timezone.now(),
        )
        Note.objects.filter(enquiry__in=ids).update(text=ERASED)
        Notification.objects.filter(enquiry__in=ids).update(recipient="", last_error="")


def same_person(queryset):
    """Every enquiry sent from the e-mail addresses of the enquiries in `queryset`."""
    addresses = {e.lower() for e in queryset.exclude(email="").values_list("email", flat=True)}
    same = Q(pk__in=queryset.values("pk"))
    for address in addresses:
        same |= Q(email__iexact=address)
    return Enquiry.objects.filter(same)
