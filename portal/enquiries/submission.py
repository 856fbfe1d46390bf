"""Storing an enquiry: one transaction, a reference number that is never handed out twice.

The same transaction decides the rate limit, under the same lock as the reference counter,
so parallel posts from one client cannot all slip under the limit.
"""

import datetime
import hashlib
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import countries
from .abuse import rate_window_start
from .models import Enquiry, PrivacyNotice, RecentSubmission, ReferenceCounter, add_working_days
from .notifications import plan_notifications

logger = logging.getLogger(__name__)


def fingerprint(enquiry, projects):
    """The same person sending the same text about the same subjects gives the same value."""
    parts = [
        enquiry.email.strip().lower(),
        " ".join(enquiry.name.split()).lower(),
        " ".join(enquiry.message.split()),
        ",".join(sorted(p.slug for p in projects)),
        enquiry.park.slug if enquiry.park else "",
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _locked_counter(year):
    """The year's counter row, locked until the transaction ends.

    PostgreSQL: SELECT ... FOR UPDATE makes concurrent submissions queue here, and a
    concurrent first insert of the year's row is caught and re-read. SQLite: settings open
    every transaction with BEGIN IMMEDIATE, so writers are already serialised.
    """
    counter = ReferenceCounter.objects.select_for_update().filter(year=year).first()
    if counter is None:
        try:
            with transaction.atomic():
                ReferenceCounter.objects.create(year=year)
        except IntegrityError:
            pass
        counter = ReferenceCounter.objects.select_for_update().get(year=year)
    return counter


class RateLimited(Exception):
    """The client has sent as many enquiries as the rate limit allows in its window."""


def _count_against_rate_limit(client, now):
    """Record one more enquiry from `client`, or raise RateLimited; call with the lock held."""
    since = rate_window_start(now)
    # Rows older than the window count for nothing: the hashed addresses go with them.
    RecentSubmission.objects.filter(created_at__lt=since).delete()
    recent = RecentSubmission.objects.filter(client=client, created_at__gte=since).count()
    if recent >= settings.ENQUIRY_RATE_LIMIT:
        raise RateLimited
    RecentSubmission.objects.create(client=client, created_at=now)


def store_enquiry(form, *, utm, referrer, spam_reason="", client=""):
    """Store a valid enquiry form and plan its mail; return (enquiry, created).

    An identical enquiry received within the duplicate window is returned instead of a new
    one, so a double click or a resent form is stored once. `client` is the sender's key for
    the rate limit (`abuse.client_key`); RateLimited is raised, and nothing stored, when the
    sender has reached it.
    """
    now = timezone.now()
    enquiry = form.save(commit=False)
    projects = form.cleaned_data["projects"]
    digest = fingerprint(enquiry, projects)
    with transaction.atomic():
        counter = _locked_counter(timezone.localdate(now).year)
        since = now - datetime.timedelta(seconds=settings.ENQUIRY_DUPLICATE_WINDOW)
        existing = Enquiry.objects.filter(fingerprint=digest, received_at__gte=since).first()
        if existing is not None:
            logger.info("Enquiry %s received again; stored once", existing.reference)
            return existing, False
        if client:
            _count_against_rate_limit(client, now)
        counter.last += 1
        counter.save(update_fields=["last"])
        notice = PrivacyNotice.objects.current()
        enquiry.reference = f"GX-{counter.year}-{counter.last:05d}"
        enquiry.received_at = now
        enquiry.status = Enquiry.Status.SPAM if spam_reason else Enquiry.Status.NEW
        enquiry.spam_reason = spam_reason
        enquiry.response_due = add_working_days(
            timezone.localdate(now), settings.ENQUIRY_RESPONSE_WORKING_DAYS
        )
        enquiry.consent_at = now
        enquiry.privacy_notice = notice
        enquiry.privacy_version = notice.version if notice else ""
        enquiry.referrer = referrer
        enquiry.utm = utm
        enquiry.fingerprint = digest
        enquiry.save()
        form.save_m2m()
        if not spam_reason:
            # Spam gets no mail; an officer who recovers one resends from the admin. The
            # worker sends the rows once this transaction commits, never this request.
            plan_notifications(enquiry, list(projects))
    logger.info("Enquiry %s stored%s", enquiry.reference, " as spam" if spam_reason else "")
    return enquiry, True


def file_logged_enquiry(enquiry):
    """Number and save an enquiry an officer logs from a call, a visit, a fair or a letter.

    It takes its reference from the same counter as the web form's and joins the same queue;
    its due date counts from when it was received. No acknowledgement is mailed: the officer
    who took it is in touch already.
    """
    with transaction.atomic():
        counter = _locked_counter(timezone.localdate().year)
        counter.last += 1
        counter.save(update_fields=["last"])
        enquiry.reference = f"GX-{counter.year}-{counter.last:05d}"
        enquiry.response_due = add_working_days(
            timezone.localdate(enquiry.received_at), settings.ENQUIRY_RESPONSE_WORKING_DAYS
        )
        enquiry.fingerprint = fingerprint(enquiry, [])
        enquiry.country_code = countries.lookup(enquiry.country)
        if enquiry.country_code:
            enquiry.country = countries.english_name(enquiry.country_code)
        enquiry.save()
    logger.info("Enquiry %s logged (%s)", enquiry.reference, enquiry.channel)
    return enquiry
