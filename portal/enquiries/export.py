"""The queue as a CSV file for Excel: every cell guarded against formulas."""

import csv

from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext

from portal.core.spreadsheets import spreadsheet_safe

from .desk import full_name
from .models import Enquiry, Note, holiday_exceptions, working_days_between

FIELD_COLUMNS = (
    "reference",
    "kind",
    "channel",
    "received_at",
    "status",
    "is_test",
    "owner",
    "response_due",
    "answered_at",
)
DETAIL_COLUMNS = (
    "name",
    "organisation",
    "email",
    "phone",
    "country",
    "investor_type",
    "projects",
    "park",
    "investment_band",
    "language",
    "message",
)


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _label(name):
    return str(Enquiry._meta.get_field(name).verbose_name)


def _thread(enquiry):
    return "\n".join(
        f"{_local(e.created_at)} {e.get_kind_display()} ({full_name(e.author) or '-'}): {e.text}"
        for e in enquiry.notes.all()
    )


def enquiries_csv(queryset):
    # UTF-8 with a byte-order mark: without it Excel reads the file as ANSI and garbles
    # every Chinese character.
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="enquiries.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        [
            *(_label(c) for c in FIELD_COLUMNS),
            gettext("first response (working days)"),
            *(_label(c) for c in DETAIL_COLUMNS),
            gettext("thread"),
        ]
    )
    enquiries = list(
        queryset.select_related("owner", "park").prefetch_related(
            "projects", Prefetch("notes", queryset=Note.objects.select_related("author"))
        )
    )
    answered = [e for e in enquiries if e.answered_at]
    exceptions = (
        holiday_exceptions(
            timezone.localdate(min(e.received_at for e in answered)),
            timezone.localdate(max(e.answered_at for e in answered)),
        )
        if answered
        else {}
    )
    for enquiry in enquiries:
        first_response = (
            working_days_between(
                timezone.localdate(enquiry.received_at),
                timezone.localdate(enquiry.answered_at),
                exceptions,
            )
            if enquiry.answered_at
            else ""
        )
        row = [
            enquiry.reference,
            enquiry.get_kind_display(),
            enquiry.get_channel_display(),
            _local(enquiry.received_at),
            enquiry.get_status_display(),
            gettext("Yes") if enquiry.is_test else "",
            full_name(enquiry.owner),
            enquiry.response_due or "",
            _local(enquiry.answered_at),
            first_response,
            enquiry.name,
            enquiry.organisation,
            enquiry.email,
            enquiry.phone,
            enquiry.country,
            enquiry.get_investor_type_display(),
            "; ".join(p.name for p in enquiry.projects.all()),
            enquiry.park.name if enquiry.park else "",
            enquiry.get_investment_band_display(),
            enquiry.get_language_display(),
            enquiry.message,
            _thread(enquiry),
        ]
        # Every cell, not only the visitor's: staff-entered names reach the sheet too.
        writer.writerow([spreadsheet_safe(str(cell)) for cell in row])
    return response
