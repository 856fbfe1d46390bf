"""The officers' queue: enquiries by status, owner and due date, with notes and mail state."""

import csv

from django.contrib import admin, messages
from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from .models import Enquiry, Note, Notification, PrivacyNotice
from .notifications import resend

OPEN_STATUSES = (Enquiry.Status.NEW, Enquiry.Status.IN_PROGRESS)
SUBMITTED_FIELDS = (
    "reference",
    "received_at",
    "name",
    "organisation",
    "email",
    "phone",
    "country",
    "investor_type",
    "projects",
    "park",
    "investment_band",
    "message",
    "language",
    "consent_at",
    "privacy_version",
    "referrer",
    "utm",
    "spam_reason",
    "anonymised_at",
)


class OverdueFilter(admin.SimpleListFilter):
    title = _("first response")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Overdue")), ("no", _("On time"))]

    def queryset(self, request, queryset):
        overdue = Q(status__in=OPEN_STATUSES, response_due__lt=timezone.localdate())
        if self.value() == "yes":
            return queryset.filter(overdue)
        if self.value() == "no":
            return queryset.exclude(overdue)
        return queryset


class NoteInline(admin.TabularInline):
    model = Note
    extra = 1
    fields = ("text", "author", "created_at")
    readonly_fields = ("author", "created_at")

    def has_change_permission(self, request, obj=None):
        # A note is a record of what happened: written once, then kept as it was.
        return False


class NotificationInline(admin.TabularInline):
    model = Notification
    extra = 0
    can_delete = False
    fields = ("kind", "recipient", "language", "state", "attempts", "last_error", "sent_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Enquiry)
class EnquiryAdmin(admin.ModelAdmin):
    list_display = (
        "reference",
        "received_at",
        "name",
        "organisation",
        "country",
        "status",
        "owner",
        "response_due",
        "overdue",
    )
    list_filter = (
        "status",
        OverdueFilter,
        "owner",
        "projects",
        "park",
        "country",
        "investor_type",
    )
    search_fields = ("reference", "name", "organisation", "email")
    date_hierarchy = "received_at"
    list_select_related = ("owner",)
    readonly_fields = SUBMITTED_FIELDS
    fieldsets = (
        (_("Handling"), {"fields": ("status", "owner", "response_due", "answered_at")}),
        (_("The enquiry"), {"fields": SUBMITTED_FIELDS}),
    )
    inlines = (NoteInline, NotificationInline)
    actions = ("assign_to_me", "mark_answered", "mark_spam", "resend_notifications", "export_csv")

    def has_add_permission(self, request):
        # Enquiries come from the form, which gives each its reference; none is made up here.
        return False

    @admin.display(boolean=True, description=_("overdue"))
    def overdue(self, obj):
        return obj.is_overdue

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("owner", "park")

    def save_model(self, request, obj, form, change):
        if obj.status == Enquiry.Status.ANSWERED and obj.answered_at is None:
            obj.answered_at = timezone.now()
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for note in formset.save(commit=False):
            if note.author_id is None:
                note.author = request.user
            note.save()
        for note in formset.deleted_objects:
            note.delete()

    @admin.action(description=_("Assign to me"), permissions=["change"])
    def assign_to_me(self, request, queryset):
        count = queryset.update(owner=request.user)
        queryset.filter(status=Enquiry.Status.NEW).update(status=Enquiry.Status.IN_PROGRESS)
        self.message_user(
            request,
            ngettext(
                "%(count)d enquiry assigned to you.", "%(count)d enquiries assigned to you.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark answered"), permissions=["change"])
    def mark_answered(self, request, queryset):
        queryset.filter(answered_at__isnull=True).update(answered_at=timezone.now())
        count = queryset.update(status=Enquiry.Status.ANSWERED)
        self.message_user(
            request,
            ngettext(
                "%(count)d enquiry marked answered.", "%(count)d enquiries marked answered.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        count = queryset.update(status=Enquiry.Status.SPAM)
        self.message_user(
            request,
            ngettext(
                "%(count)d enquiry marked as spam.", "%(count)d enquiries marked as spam.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Resend notifications"), permissions=["change"])
    def resend_notifications(self, request, queryset):
        queued = sum(resend(enquiry) for enquiry in queryset.exclude(status=Enquiry.Status.SPAM))
        self.message_user(
            request,
            ngettext(
                "%(count)d message queued; it is sent within a few minutes.",
                "%(count)d messages queued; they are sent within a few minutes.",
                queued,
            )
            % {"count": queued},
            messages.SUCCESS if queued else messages.WARNING,
        )

    @admin.action(description=_("Export selected as CSV (opens in Excel)"), permissions=["view"])
    def export_csv(self, request, queryset):
        # UTF-8 with a byte-order mark: without it Excel reads the file as ANSI and garbles
        # every Chinese character.
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="enquiries.csv"'
        response.write("\ufeff")
        writer = csv.writer(response)
        columns = (
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
        writer.writerow([str(Enquiry._meta.get_field(c).verbose_name) for c in columns])
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
            writer.writerow([_spreadsheet_safe(str(cell)) for cell in row])
        return response


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _spreadsheet_safe(value):
    """No cell runs as a spreadsheet formula (CSV injection), not even after leading spaces.

    A phone number such as +86 138 0000 1234 is guarded too: Excel would read it as a sum.
    """
    if value.lstrip(" ").startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


@admin.register(PrivacyNotice)
class PrivacyNoticeAdmin(TranslationAdmin):
    list_display = ("version", "title", "is_published", "published_at")
    list_filter = ("is_published",)
    search_fields = ("version", "title")

    def has_change_permission(self, request, obj=None):
        # A notice people have agreed to stays as it was; a change is a new version.
        if obj is not None and obj.enquiries.exists():
            return False
        return super().has_change_permission(request, obj)
