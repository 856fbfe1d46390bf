"""Enquiries from investors, the officers' notes on them, their mail, and the privacy notice."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.core.models import PublishableQuerySet
from projects.models import InvestmentBand, Park, Project


class PrivacyNoticeQuerySet(PublishableQuerySet):
    def current(self):
        """The notice visitors see and consent to: the latest published version."""
        return self.published().order_by("-published_at", "-pk").first()


class PrivacyNotice(models.Model):
    version = models.CharField(
        _("version"),
        max_length=20,
        unique=True,
        help_text=_(
            "A new label for every change, e.g. 2026-02. Each enquiry records the version its "
            "sender agreed to, so publish a change as a new notice instead of editing the old one."
        ),
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Plain text; a blank line starts a paragraph."))
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("publication time"), default=timezone.now)

    objects = PrivacyNoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")

    def __str__(self):
        return f"{self.title} ({self.version})"

    def get_absolute_url(self):
        return reverse("enquiries:privacy")

    @classmethod
    def published_q(cls, prefix=""):
        """Published, and its publication time has come; `prefix` reaches across a relation."""
        return models.Q(
            **{f"{prefix}is_published": True, f"{prefix}published_at__lte": timezone.now()}
        )


class ReferenceCounter(models.Model):
    """The last reference number handed out in a year; a row is locked while it is raised."""

    year = models.PositiveIntegerField(_("year"), unique=True)
    last = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("reference counter")
        verbose_name_plural = _("reference counters")

    def __str__(self):
        return f"{self.year}: {self.last}"


class Enquiry(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in-progress", _("In progress")
        ANSWERED = "answered", _("Answered")
        AWAITING = "awaiting-investor", _("Waiting for the investor")
        NO_RESPONSE = "no-response", _("No response")
        CLOSED = "closed", _("Closed")
        SPAM = "spam", _("Spam")

    class InvestorType(models.TextChoices):
        COMPANY = "company", _("Manufacturing or trading company")
        FUND = "fund", _("Investment fund or financial institution")
        ASSOCIATION = "association", _("Industry association or chamber")
        GOVERNMENT = "government", _("Government or public agency")
        INTERMEDIARY = "intermediary", _("Consultant or intermediary")
        INDIVIDUAL = "individual", _("Individual investor")
        OTHER = "other", _("Other")

    class Channel(models.TextChoices):
        WEB = "web", _("Web form")
        PHONE = "phone", _("Phone")
        WECHAT = "wechat", _("WeChat")
        EMAIL = "email", _("E-mail")
        FAIR = "fair", _("Fair or event")
        LETTER = "letter", _("Letter")
        VISIT = "visit", _("Visit")

    class Kind(models.TextChoices):
        ENQUIRY = "enquiry", _("Enquiry")
        VISIT = "visit", _("Site visit request")

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=Kind.choices,
        default=Kind.ENQUIRY,
        db_index=True,
        help_text=_("A site visit request carries the dates and the places to see."),
    )
    channel = models.CharField(
        _("channel"),
        max_length=10,
        choices=Channel.choices,
        default=Channel.WEB,
        db_index=True,
        help_text=_("How the enquiry reached us."),
    )
    received_at = models.DateTimeField(
        _("received"),
        default=timezone.now,
        db_index=True,
        help_text=_("When the investor called, wrote or came; the due date counts from it."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    spam_reason = models.CharField(_("why flagged as spam"), max_length=40, blank=True)
    is_test = models.BooleanField(
        _("test enquiry"),
        default=False,
        db_index=True,
        help_text=_(
            "Tick for an enquiry sent to try out the form or the desk: it stays in the queue "
            "but counts in no figure, on the dashboard or on the service standard page."
        ),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enquiries",
        verbose_name=_("owner"),
        help_text=_("The officer who answers this enquiry."),
    )
    response_due = models.DateField(
        _("first response due"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Set from the working days allowed for a first answer; change it if agreed."),
    )
    answered_at = models.DateTimeField(
        _("first answered"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set by the first reply sent from here or logged as given by other means."),
    )

    name = models.CharField(pgettext_lazy("of a person", "name"), max_length=120)
    organisation = models.CharField(_("organisation"), max_length=200)
    # Blank only for enquiries an officer logs from a call or a visit; the web form requires it.
    email = models.EmailField(_("email"), max_length=254, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    country = models.CharField(_("country or region"), max_length=100, db_index=True)
    country_code = models.CharField(
        _("country code"),
        max_length=2,
        blank=True,
        db_index=True,
        help_text=_("ISO 3166 code, when the country typed is on the list."),
    )
    investor_type = models.CharField(
        _("investor type"), max_length=20, choices=InvestorType.choices
    )
    projects = models.ManyToManyField(
        Project, blank=True, related_name="enquiries", verbose_name=_("projects")
    )
    park = models.ForeignKey(
        Park,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enquiries",
        verbose_name=_("industrial park"),
    )
    investment_band = models.CharField(
        _("investment band"), max_length=20, choices=InvestmentBand.choices, blank=True
    )
    message = models.TextField(_("message"), max_length=5000)
    # A site visit request's itinerary: the dates proposed and what the investor wants to see
    # (the projects are `projects` above).
    visit_from = models.DateField(_("visit from"), null=True, blank=True)
    visit_to = models.DateField(_("visit until"), null=True, blank=True)
    visit_parks = models.ManyToManyField(
        Park, blank=True, related_name="visit_requests", verbose_name=_("parks to see")
    )
    visit_enterprises = models.ManyToManyField(
        "chain.Enterprise",
        blank=True,
        related_name="visit_requests",
        verbose_name=_("enterprises to see"),
    )
    language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    privacy_notice = models.ForeignKey(
        PrivacyNotice,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enquiries",
        verbose_name=_("privacy notice agreed to"),
    )
    privacy_version = models.CharField(_("privacy notice version"), max_length=20, blank=True)

    referrer = models.CharField(_("referring page"), max_length=500, blank=True)
    utm = models.JSONField(_("campaign parameters"), default=dict, blank=True)
    fingerprint = models.CharField(max_length=64, db_index=True, editable=False)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        indexes = [models.Index(fields=["status", "response_due"])]

    def __str__(self):
        return self.reference

    @property
    def is_overdue(self):
        return (
            self.status in (self.Status.NEW, self.Status.IN_PROGRESS)
            and self.response_due is not None
            and self.response_due < timezone.localdate()
        )


class Holiday(models.Model):
    """A day off on a weekday, or a make-up working day (调休) on a weekend."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    is_working_day = models.BooleanField(
        _("make-up working day"),
        default=False,
        help_text=_("Tick for a Saturday or Sunday that is worked in exchange for a holiday."),
    )

    class Meta:
        ordering = ["date"]
        verbose_name = _("public holiday or make-up day")
        verbose_name_plural = _("public holidays and make-up days")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}"


class HolidayYear(models.Model):
    """A year whose State Council schedule is entered in full in the holiday table.

    Until its year is recorded here, a due date in it counts Monday to Friday only, and
    officers are warned that it may be wrong.
    """

    year = models.PositiveSmallIntegerField(
        _("year"),
        unique=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_(
            "Record a year once every day off and make-up working day of its State Council "
            "notice is entered in the holiday table."
        ),
    )
    notice = models.CharField(
        _("notice"),
        max_length=200,
        blank=True,
        help_text=_("The notice the days follow, e.g. 国务院办公厅关于2027年部分节假日安排的通知."),
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("holiday calendar of a year")
        verbose_name_plural = _("holiday calendars entered")

    def __str__(self):
        return str(self.year)


# A due date set today lies within this many days, even across the Spring Festival.
DUE_DATE_HORIZON_DAYS = 31


def years_without_calendar(first, last):
    """The years from `first` to `last` (dates) whose holiday calendar is not entered yet."""
    years = range(first.year, last.year + 1)
    entered = set(HolidayYear.objects.filter(year__in=years).values_list("year", flat=True))
    return [year for year in years if year not in entered]


def calendar_gaps(today=None):
    """The years, this one or the next, that a due date set today may fall in and whose
    holiday calendar is missing."""
    today = today or timezone.localdate()
    return years_without_calendar(today, today + datetime.timedelta(days=DUE_DATE_HORIZON_DAYS))


def holiday_exceptions(first, last):
    """{date: is_working_day} for the holidays and make-up days from `first` to `last`."""
    return dict(
        Holiday.objects.filter(date__range=(first, last)).values_list("date", "is_working_day")
    )


def is_working_day(day, exceptions):
    return exceptions.get(day, day.weekday() < 5)


def add_working_days(start, days, exceptions=None):
    """The date `days` working days after `start`, skipping weekends and public holidays and
    counting make-up working days (调休), as the State Council's schedule lays them down.

    In a year whose calendar is not entered (`calendar_gaps`) this counts Monday to Friday.
    """
    if exceptions is None:
        # The longest run of days off (the Spring Festival with its weekends) is under two weeks.
        exceptions = holiday_exceptions(start, start + datetime.timedelta(days=days * 2 + 21))
    current = start
    while days > 0:
        current += datetime.timedelta(days=1)
        if is_working_day(current, exceptions):
            days -= 1
    return current


def working_days_between(start, end, exceptions=None):
    """Working days after `start` up to and including `end`: 0 for the same day."""
    if exceptions is None:
        exceptions = holiday_exceptions(start, end)
    count, current = 0, start
    while current < end:
        current += datetime.timedelta(days=1)
        count += is_working_day(current, exceptions)
    return count


class ReplyTemplate(models.Model):
    """A starting text for replies, in one language; the officer edits it before sending."""

    title = models.CharField(_("title"), max_length=100)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    body = models.TextField(
        _("text"),
        max_length=5000,
        help_text=_("{name} and {reference} are replaced by the investor's name and reference."),
    )

    class Meta:
        ordering = ["language", "title"]
        verbose_name = _("reply template")
        verbose_name_plural = _("reply templates")

    def __str__(self):
        return f"{self.title} ({self.get_language_display()})"

    def render(self, enquiry):
        return self.body.replace("{name}", enquiry.name).replace("{reference}", enquiry.reference)


class Note(models.Model):
    """One entry of an enquiry's thread: a reply sent, a note, a call, a change of hands."""

    class Kind(models.TextChoices):
        MESSAGE = "message", _("Message from the investor")
        REPLY = "reply", _("Reply sent")
        NOTE = "note", _("Internal note")
        STATUS = "status", _("Status change")
        ASSIGNMENT = "assignment", _("Change of owner")
        CALL = "call", _("Answered by other means (call, meeting)")

    # The kinds that answer the investor and so set the first-response time.
    ANSWERS = (Kind.REPLY, Kind.CALL)

    enquiry = models.ForeignKey(
        Enquiry, on_delete=models.CASCADE, related_name="notes", verbose_name=_("enquiry")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("author"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NOTE)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    text = models.TextField(_("text"), max_length=5000)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("thread entry")
        verbose_name_plural = _("thread")

    def __str__(self):
        return f"{self.enquiry.reference} #{self.pk}"


class Notification(models.Model):
    class Kind(models.TextChoices):
        OFFICER = "officer", _("To the officer")
        ACKNOWLEDGEMENT = "acknowledgement", _("To the investor")
        ASSIGNED = "assigned", _("To the new owner")
        REPLY = "reply", _("Reply to the investor")

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    enquiry = models.ForeignKey(
        Enquiry, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("enquiry")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    entry = models.ForeignKey(
        Note,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("thread entry"),
        help_text=_("The reply this message carries."),
    )
    recipient = models.EmailField(_("recipient"), max_length=254)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self):
        return f"{self.enquiry.reference}: {self.get_kind_display()}"


class RecentSubmission(models.Model):
    """One stored enquiry, by a keyed hash of its sender's address, for the rate limit.

    Kept only as long as the rate limit looks back: each new enquiry deletes the older rows.
    """

    client = models.CharField(_("client"), max_length=64)
    created_at = models.DateTimeField(_("received"), db_index=True)

    class Meta:
        verbose_name = _("recent submission")
        verbose_name_plural = _("recent submissions")
        indexes = [models.Index(fields=["client", "created_at"])]

    def __str__(self):
        return f"{self.client[:8]} {self.created_at:%Y-%m-%d %H:%M:%S}"
