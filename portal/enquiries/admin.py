"""The officers' queue: enquiries by status, owner and due date, each with its thread."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.template.defaultfilters import linebreaksbr
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from portal.core.revisions import RevisionAdmin

from . import dashboard, desk
from .export import enquiries_csv
from .models import (
    Enquiry,
    Holiday,
    HolidayYear,
    Note,
    Notification,
    PrivacyNotice,
    ReplyTemplate,
    calendar_gaps,
    years_without_calendar,
)
from .notifications import resend
from .submission import file_logged_enquiry

OPEN_STATUSES = desk.OPEN_STATUSES
# What an officer types for an enquiry that came by phone, WeChat, mail, a fair or a visit.
LOGGED_FIELDS = (
    "channel",
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
)
# What the enquiry arrived with: read-only once it is stored.
SUBMITTED_FIELDS = (
    "reference",
    *LOGGED_FIELDS,
    "consent_at",
    "privacy_version",
    "referrer",
    "utm",
    "spam_reason",
    "anonymised_at",
)
# Kinds an officer adds by hand; replies, status changes and changes of owner are made by
# the portal as they happen.
HAND_KINDS = [(k.value, k.label) for k in (Note.Kind.NOTE, Note.Kind.CALL, Note.Kind.MESSAGE)]


class OverdueFilter(admin.SimpleListFilter):
    title = _("first response")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("Overdue")), ("today", _("Due today")), ("no", _("On time"))]

    def queryset(self, request, queryset):
        overdue = Q(status__in=OPEN_STATUSES, response_due__lt=timezone.localdate())
        if self.value() == "yes":
            return queryset.filter(overdue)
        if self.value() == "today":
            return queryset.filter(status__in=OPEN_STATUSES, response_due=timezone.localdate())
        if self.value() == "no":
            return queryset.exclude(overdue)
        return queryset


class PeriodFilter(admin.SimpleListFilter):
    """The dashboard's periods: answered this month, received in the last 90 days; like the
    figures they link from, without spam and test enquiries."""

    title = _("period")
    parameter_name = "period"

    def lookups(self, request, model_admin):
        return [
            ("answered-this-month", _("Answered this month")),
            ("last-90-days", _("Received in the last 90 days")),
        ]

    def queryset(self, request, queryset):
        counted = queryset.filter(pk__in=dashboard.counted().values("pk"))
        if self.value() == "answered-this-month":
            month_start = timezone.localdate().replace(day=1)
            return counted.filter(answered_at__date__gte=month_start)
        if self.value() == "last-90-days":
            return counted.filter(received_at__gte=dashboard.period_start())
        return queryset


class TestEnquiryFilter(admin.SimpleListFilter):
    title = _("test enquiries")
    parameter_name = "test"

    def lookups(self, request, model_admin):
        return [("no", _("Real enquiries only")), ("yes", _("Test enquiries only"))]

    def queryset(self, request, queryset):
        if self.value() in ("no", "yes"):
            return queryset.filter(is_test=self.value() == "yes")
        return queryset


class OwnerFilter(admin.SimpleListFilter):
    """The owners to filter by: the officers, by full name, and "nobody"."""

    title = _("owner")
    parameter_name = "owner__id__exact"

    def lookups(self, request, model_admin):
        return [
            ("none", _("Nobody")),
            *((str(u.pk), desk.full_name(u)) for u in desk.officers()),
        ]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(owner__isnull=True)
        if self.value() and self.value().isdigit():
            return queryset.filter(owner_id=self.value())
        return queryset


class OfficerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return desk.full_name(obj)


class EnquiryAdminForm(forms.ModelForm):
    reply = forms.CharField(
        label=_("Reply to the investor"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10, "cols": 80}),
        help_text=_(
            "Sent by mail to the investor when you save, and kept on the thread. Write in the "
            "language they chose."
        ),
    )

    class Meta:
        model = Enquiry
        fields = ("status", "owner", "response_due", "is_test")

    def clean_reply(self):
        reply = self.cleaned_data["reply"].strip()
        if reply and self.instance.pk and not self.instance.email:
            raise forms.ValidationError(
                _("This enquiry has no email address: log the answer as a call instead.")
            )
        return reply


class NoteForm(forms.ModelForm):
    kind = forms.ChoiceField(label=_("kind"), choices=HAND_KINDS, initial=Note.Kind.NOTE)

    class Meta:
        model = Note
        fields = ("kind", "text")


class NoteInline(admin.TabularInline):
    """Adds entries to the thread; the thread itself is shown whole, in order, above."""

    model = Note
    form = NoteForm
    extra = 1
    fields = ("kind", "text")
    verbose_name = _("entry to add to the thread")
    verbose_name_plural = _("add to the thread")

    def get_queryset(self, request):
        return super().get_queryset(request).none()

    def has_change_permission(self, request, obj=None):
        # An entry is a record of what happened: written once, then kept as it was.
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
    form = EnquiryAdminForm
    list_display = (
        "reference",
        "received_at",
        "name",
        "organisation",
        "country",
        "status",
        "owner_name",
        "response_due",
        "overdue",
    )
    list_filter = (
        "status",
        OverdueFilter,
        PeriodFilter,
        OwnerFilter,
        TestEnquiryFilter,
        "kind",
        "channel",
        "projects",
        "park",
        "country",
        "investor_type",
    )
    search_fields = ("reference", "name", "organisation", "email")
    date_hierarchy = "received_at"
    list_select_related = ("owner",)
    actions = (
        "assign_to_me",
        "take_over",
        "mark_answered",
        "mark_spam",
        "mark_test",
        "resend_notifications",
        "export_csv",
        "erase_personal_data",
    )

    def get_urls(self):
        return [
            path(
                "dashboard/",
                self.admin_site.admin_view(self.dashboard_view),
                name="enquiries_enquiry_dashboard",
            ),
            *super().get_urls(),
        ]

    def dashboard_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Enquiry desk"),
            "opts": self.model._meta,
            "queue": reverse("admin:enquiries_enquiry_changelist"),
            "me": request.user,
            **dashboard.figures(request.user),
        }
        return TemplateResponse(request, "admin/enquiries/dashboard.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            enquiry = self.get_object(request, object_id)
            due = enquiry.response_due if enquiry is not None else None
            if due and enquiry.status in OPEN_STATUSES and years_without_calendar(due, due):
                messages.warning(request, desk.calendar_warning(due.year))
        return super().change_view(request, object_id, form_url, extra_context)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return (
                (None, {"fields": LOGGED_FIELDS}),
                (_("Handling"), {"fields": ("owner", "is_test")}),
            )
        return (
            (
                _("Handling"),
                {"fields": ("status", "owner", "response_due", "answered_at", "is_test")},
            ),
            *(
                ((_("Site visit"), {"fields": ("itinerary",)}),)
                if obj.kind == Enquiry.Kind.VISIT
                else ()
            ),
            (_("Reply"), {"fields": ("reply_templates", "reply")}),
            (_("Thread"), {"fields": ("thread",)}),
            (_("The enquiry"), {"fields": ("earlier_enquiries", *SUBMITTED_FIELDS)}),
        )

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return (
            "answered_at",
            "itinerary",
            "reply_templates",
            "thread",
            "earlier_enquiries",
            *SUBMITTED_FIELDS,
        )

    def get_inlines(self, request, obj):
        return (NoteInline, NotificationInline) if obj is not None else ()

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        template = request.GET.get("template", "")
        if obj is not None and template.isdigit():
            chosen = ReplyTemplate.objects.filter(pk=template).first()
            if chosen is not None:
                form.base_fields["reply"].initial = chosen.render(obj)
        return form

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "owner":
            kwargs["queryset"] = desk.officers()
            kwargs["form_class"] = OfficerChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(boolean=True, description=_("overdue"))
    def overdue(self, obj):
        return obj.is_overdue

    @admin.display(description=_("owner"), ordering="owner__first_name")
    def owner_name(self, obj):
        return desk.full_name(obj.owner)

    @admin.display(description=_("templates"))
    def reply_templates(self, obj):
        templates = ReplyTemplate.objects.filter(language=obj.language)
        if not templates:
            return gettext("None in this language yet.")
        return format_html_join(
            " · ", '<a href="?template={}">{}</a>', ((t.pk, t.title) for t in templates)
        )

    @admin.display(description=_("itinerary requested"))
    def itinerary(self, obj):
        """The dates proposed and each place to see, linked to its public page."""
        lines = [
            format_html(
                "<strong>{}</strong> {} – {}",
                gettext("Dates:"),
                obj.visit_from or "?",
                obj.visit_to or "?",
            )
        ]
        places = (
            (gettext("Parks:"), obj.visit_parks.all()),
            (gettext("Projects:"), obj.projects.all()),
            (gettext("Enterprises:"), obj.visit_enterprises.all()),
        )
        for label, items in places:
            links = format_html_join(
                pgettext("between the names of a list", ", "),
                '<a href="{}">{}</a>',
                ((i.get_absolute_url(), i) for i in items),
            )
            lines.append(format_html("<strong>{}</strong> {}", label, links or "-"))
        return format_html_join("", "<p>{}</p>", ((line,) for line in lines))

    @admin.display(description=_("earlier enquiries from this address"))
    def earlier_enquiries(self, obj):
        if not obj.email:
            return "-"
        earlier = (
            Enquiry.objects.filter(email__iexact=obj.email, received_at__lt=obj.received_at)
            .exclude(pk=obj.pk)
            .order_by("-received_at")
            .values_list("pk", "reference", "status")[:20]
        )
        if not earlier:
            return gettext("None")
        return format_html_join(
            ", ",
            '<a href="{}">{}</a> ({})',
            (
                (
                    reverse("admin:enquiries_enquiry_change", args=[pk]),
                    reference,
                    Enquiry.Status(status).label,
                )
                for pk, reference, status in earlier
            ),
        )

    @admin.display(description=_("thread"))
    def thread(self, obj):
        entries = obj.notes.select_related("author")
        rows = [
            (
                timezone.localtime(obj.received_at).strftime("%Y-%m-%d %H:%M"),
                Note.Kind.MESSAGE.label,
                obj.name,
                linebreaksbr(obj.message, autoescape=True),
            ),
            *(
                (
                    timezone.localtime(e.created_at).strftime("%Y-%m-%d %H:%M"),
                    e.get_kind_display(),
                    desk.full_name(e.author),
                    linebreaksbr(e.text, autoescape=True),
                )
                for e in entries
            ),
        ]
        return format_html(
            '<ol class="enquiry-thread">{}</ol>',
            format_html_join(
                "",
                "<li><p><strong>{}</strong> · {} · {}</p><p>{}</p></li>",
                rows,
            ),
        )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("owner", "park")

    def save_model(self, request, obj, form, change):
        if not change:
            file_logged_enquiry(obj)
            return
        before = Enquiry.objects.only("status", "owner", "is_test").get(pk=obj.pk)
        super().save_model(request, obj, form, change)
        desk.record_status(obj, before.status, obj.status, request.user)
        desk.record_test_marker(obj, before.is_test, obj.is_test, request.user)
        if before.owner_id != obj.owner_id:
            desk.assign(obj, obj.owner, request.user, previous=before.owner)
        if form.cleaned_data.get("reply"):
            desk.send_reply(obj, form.cleaned_data["reply"], request.user)

    def save_related(self, request, form, formsets, change):
        form.save_m2m()
        if not change and form.instance.owner_id:
            desk.assign(form.instance, form.instance.owner, request.user)
        for formset in formsets:
            self.save_formset(request, form, formset, change)

    def save_formset(self, request, form, formset, change):
        for entry in formset.save(commit=False):
            entry.author = request.user
            entry.save()
            desk.apply_entry(form.instance, entry)

    def response_add(self, request, obj, post_url_continue=None):
        # To the new enquiry's page, where its reference and thread are.
        return super().response_add(
            request, obj, reverse("admin:enquiries_enquiry_change", args=[obj.pk])
        )

    def _report(self, request, done, skipped, done_message, skipped_message):
        if done:
            self.message_user(request, done_message % {"count": done}, messages.SUCCESS)
        if skipped:
            self.message_user(request, skipped_message % {"count": skipped}, messages.WARNING)

    @admin.action(description=_("Assign to me"), permissions=["change"])
    def assign_to_me(self, request, queryset):
        free = list(queryset.filter(owner__isnull=True))
        for enquiry in free:
            desk.assign(enquiry, request.user, request.user)
            desk.start_if_new(enquiry, request.user)
        skipped = queryset.count() - len(free)
        self._report(
            request,
            len(free),
            skipped,
            ngettext(
                "%(count)d enquiry assigned to you.",
                "%(count)d enquiries assigned to you.",
                len(free),
            ),
            ngettext(
                "%(count)d enquiry already has an owner and was left to them; use "
                "“Take over” to take it.",
                "%(count)d enquiries already have an owner and were left to them; use "
                "“Take over” to take them.",
                skipped,
            ),
        )

    @admin.action(description=_("Take over from a colleague"), permissions=["change"])
    def take_over(self, request, queryset):
        theirs = list(
            queryset.filter(owner__isnull=False).exclude(owner=request.user).select_related("owner")
        )
        for enquiry in theirs:
            desk.assign(enquiry, request.user, request.user, previous=enquiry.owner)
            desk.start_if_new(enquiry, request.user)
        self._report(
            request,
            len(theirs),
            0,
            ngettext(
                "%(count)d enquiry taken over.", "%(count)d enquiries taken over.", len(theirs)
            ),
            "",
        )

    @admin.action(description=_("Mark answered (by other means)"), permissions=["change"])
    def mark_answered(self, request, queryset):
        open_ones = list(queryset.filter(status__in=OPEN_STATUSES))
        for enquiry in open_ones:
            desk.log(
                enquiry,
                Note.Kind.CALL,
                gettext("Marked answered from the queue."),
                request.user,
            )
        self._report(
            request,
            len(open_ones),
            queryset.count() - len(open_ones),
            ngettext(
                "%(count)d enquiry marked answered.",
                "%(count)d enquiries marked answered.",
                len(open_ones),
            ),
            ngettext(
                "%(count)d enquiry was not open and was left as it was.",
                "%(count)d enquiries were not open and were left as they were.",
                queryset.count() - len(open_ones),
            ),
        )

    @admin.action(description=_("Mark as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        enquiries = list(queryset.exclude(status=Enquiry.Status.SPAM))
        queryset.update(status=Enquiry.Status.SPAM)
        for enquiry in enquiries:
            desk.record_status(enquiry, enquiry.status, Enquiry.Status.SPAM, request.user)
        count = len(enquiries)
        self._report(
            request,
            count,
            0,
            ngettext(
                "%(count)d enquiry marked as spam.", "%(count)d enquiries marked as spam.", count
            ),
            "",
        )

    @admin.action(
        description=_("Mark as test enquiry (left out of the figures)"), permissions=["change"]
    )
    def mark_test(self, request, queryset):
        enquiries = list(queryset.filter(is_test=False))
        for enquiry in enquiries:
            Enquiry.objects.filter(pk=enquiry.pk).update(is_test=True)
            desk.record_test_marker(enquiry, False, True, request.user)
        count = len(enquiries)
        self._report(
            request,
            count,
            0,
            ngettext(
                "%(count)d enquiry marked as a test.", "%(count)d enquiries marked as tests.", count
            ),
            "",
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
        return enquiries_csv(queryset)

    @admin.action(
        description=_("Delete this person's data (every enquiry from the same address)"),
        permissions=["change"],
    )
    def erase_personal_data(self, request, queryset):
        """A person's request under the PIPL: all their enquiries anonymised, the rows kept.

        The log says that the request was carried out and on which references, never whose.
        """
        affected = desk.same_person(queryset).filter(anonymised_at__isnull=True)
        if request.POST.get("confirmed") != "yes":
            return TemplateResponse(
                request,
                "admin/enquiries/erase_confirmation.html",
                {
                    **self.admin_site.each_context(request),
                    "title": gettext("Delete this person's data"),
                    "opts": self.model._meta,
                    "references": list(affected.values_list("reference", flat=True)),
                    "selected": queryset.values_list("pk", flat=True),
                    "action": "erase_personal_data",
                },
            )
        enquiries = list(affected.only("pk", "reference"))
        desk.anonymise([e.pk for e in enquiries])
        message = gettext("Personal data erased at the person's request (PIPL).")
        for enquiry in enquiries:
            self.log_change(request, enquiry, message)
        self.message_user(
            request,
            ngettext(
                "%(count)d enquiry anonymised.", "%(count)d enquiries anonymised.", len(enquiries)
            )
            % {"count": len(enquiries)},
            messages.SUCCESS,
        )


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(admin.ModelAdmin):
    list_display = ("title", "language")
    list_filter = ("language",)
    search_fields = ("title", "body")


def warn_of_calendar_gaps(request):
    for year in calendar_gaps():
        messages.warning(request, desk.calendar_warning(year))


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ("date", "name", "is_working_day")
    list_filter = ("is_working_day",)
    search_fields = ("name",)
    date_hierarchy = "date"

    def changelist_view(self, request, extra_context=None):
        warn_of_calendar_gaps(request)
        return super().changelist_view(request, extra_context)


@admin.register(HolidayYear)
class HolidayYearAdmin(admin.ModelAdmin):
    """Whoever keeps the holiday table records a year as entered; open due dates then follow."""

    list_display = ("year", "notice", "recorded_at")
    fields = ("year", "notice")

    def _may(self, request, action):
        return request.user.has_perm(f"enquiries.{action}_holiday")

    def has_view_permission(self, request, obj=None):
        return self._may(request, "view") or self._may(request, "change")

    def has_add_permission(self, request):
        return self._may(request, "add")

    def has_change_permission(self, request, obj=None):
        return self._may(request, "change")

    def has_delete_permission(self, request, obj=None):
        return self._may(request, "delete")

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def changelist_view(self, request, extra_context=None):
        warn_of_calendar_gaps(request)
        return super().changelist_view(request, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            moved = desk.recalculate_due_dates(obj.year, request.user)
            self.message_user(
                request,
                ngettext(
                    "%(count)d open enquiry's due date now follows the %(year)s calendar.",
                    "%(count)d open enquiries' due dates now follow the %(year)s calendar.",
                    moved,
                )
                % {"count": moved, "year": obj.year},
                messages.SUCCESS,
            )


@admin.register(PrivacyNotice)
class PrivacyNoticeAdmin(RevisionAdmin, TranslationAdmin):
    list_display = ("version", "title", "is_published", "published_at")
    list_filter = ("is_published",)
    search_fields = ("version", "title")

    def has_change_permission(self, request, obj=None):
        # A notice people have agreed to stays as it was; a change is a new version.
        if obj is not None and obj.enquiries.exists():
            return False
        return super().has_change_permission(request, obj)
