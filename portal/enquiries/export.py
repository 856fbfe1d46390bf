"""The queue as a CSV file for Excel: every cell guarded against formulas."""

import csv

from django.http import HttpResponse
from django.utils import timezone

from portal.core.spreadsheets import spreadsheet_safe

from .models import Enquiry

COLUMNS = (
    "reference",
    "received_at",
    "status",
    "owner",
    "response_due",
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


def enquiries_csv(queryset):
    # UTF-8 with a byte-order mark: without it Excel reads the file as ANSI and garbles
    # every Chinese character.
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="enquiries.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([str(Enquiry._meta.get_field(c).verbose_name) for c in COLUMNS])
    for enquiry in queryset.select_related("owner", "park").prefetch_related("projects"):
        row = [
            enquiry.reference,
            timezone.localtime(enquiry.received_at).strftime("%Y-%m-%d %H:%M"),
            enquiry.get_status_display(),
            enquiry.owner.get_username() if enquiry.owner else "",
            enquiry.response_due or "",
            enquiry.name,
            enquiry.organisation,
            enquiry.email,
            enquiry.phone,
            enquiry.country,
            enquiry.get_investor_type_display(),
            "; ".join(p.name for p in enquiry.projects.all()),
            enquiry.park.name if enquiry.park else "",
            enquiry.get_investment_band_display(),
            enquiry.language,
            enquiry.message,
        ]
        # Every cell, not only the visitor's: staff-entered names reach the sheet too.
        writer.writerow([spreadsheet_safe(str(cell)) for cell in row])
    return response
