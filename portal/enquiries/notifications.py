"""The mail about an enquiry: planned in the enquiry's transaction, sent by a worker.

Every message is a Notification row with its state. The request that stores an enquiry only
plans its mail, so a mail server that hangs never holds up a visitor or a web worker; the
worker `send_enquiry_notifications --loop` (or the same command from cron) sends what is due
and retries what failed, waiting longer after each failure. Logs name the reference only,
never a person's data.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext

from .desk import admin_url
from .models import Notification

logger = logging.getLogger(__name__)
RETRY_BASE_SECONDS = 120


def officer_address(enquiry, projects):
    """The responsible officer of the first chosen project, of its park or of the chosen park;
    without one, the first of those with a contact address, else the inbox.

    An officer known by phone only is skipped for the next one with an email address.
    """
    first = projects[0] if projects else None
    subjects = [first, first.park if first else None, enquiry.park]
    for subject in subjects:
        officer = subject.responsible_officer if subject is not None else None
        if officer is not None and officer.is_active and officer.email:
            return officer.email
    candidates = (first.contact if first else None, first.park if first else None, enquiry.park)
    for candidate in candidates:
        if candidate is not None and candidate.contact_email:
            return candidate.contact_email
    return settings.ENQUIRY_DEFAULT_INBOX


def plan_notifications(enquiry, projects):
    return Notification.objects.bulk_create(
        [
            Notification(
                enquiry=enquiry,
                kind=Notification.Kind.OFFICER,
                recipient=officer_address(enquiry, projects),
                language=settings.ENQUIRY_OFFICER_LANGUAGE,
            ),
            Notification(
                enquiry=enquiry,
                kind=Notification.Kind.ACKNOWLEDGEMENT,
                recipient=enquiry.email,
                language=enquiry.language,
            ),
        ]
    )


def list_names(names):
    """Names listed as the active language lists them: "A, B and C", "A、B和C"."""
    if len(names) < 2:
        return "".join(names)
    separator = pgettext("between the names of a list", ", ")
    last = pgettext("before the last name of a list", " and ")
    return separator.join(names[:-1]) + last + names[-1]


def build_message(notification):
    enquiry = notification.enquiry
    projects = list(enquiry.projects.all())
    context = {"enquiry": enquiry, "projects": projects}
    with translation.override(notification.language):
        # The names as published in the reader's language, listed as that language lists them.
        context["project_names"] = list_names([p.name for p in projects])
        if enquiry.kind == enquiry.Kind.VISIT:
            context["visit"] = {
                "parks": list_names([p.name for p in enquiry.visit_parks.all()]),
                "enterprises": list_names([e.name for e in enquiry.visit_enterprises.all()]),
            }
        if notification.kind in (Notification.Kind.OFFICER, Notification.Kind.ASSIGNED):
            context["admin_url"] = admin_url(enquiry)
            if notification.kind == Notification.Kind.OFFICER and "visit" in context:
                subject = gettext("New site visit request %(reference)s") % {
                    "reference": enquiry.reference
                }
            elif notification.kind == Notification.Kind.OFFICER:
                subject = gettext("New enquiry %(reference)s") % {"reference": enquiry.reference}
            else:
                subject = gettext("Enquiry %(reference)s assigned to you") % {
                    "reference": enquiry.reference
                }
            context["assigned"] = notification.kind == Notification.Kind.ASSIGNED
            body = render_to_string("enquiries/email/officer.txt", context)
            reply_to = [enquiry.email] if enquiry.email else None
        elif notification.kind == Notification.Kind.REPLY:
            subject = gettext(
                "Re: your enquiry %(reference)s to the Guanxian investment office"
            ) % {"reference": enquiry.reference}
            context["reply"] = notification.entry.text
            body = render_to_string("enquiries/email/reply.txt", context)
            reply_to = [settings.ENQUIRY_DEFAULT_INBOX]
        else:
            subject = gettext("Your enquiry %(reference)s to the Guanxian investment office") % {
                "reference": enquiry.reference
            }
            body = render_to_string("enquiries/email/acknowledgement.txt", context)
            reply_to = [settings.ENQUIRY_DEFAULT_INBOX]
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.recipient],
        reply_to=reply_to,
    )


def send_notification(notification):
    """Send one notification unless another process already claimed this attempt.

    The claim is a conditional UPDATE on the attempt count, so two cron runs, or a cron run
    and the admin action, never send the same message twice.
    """
    claimed = (
        Notification.objects.filter(pk=notification.pk, attempts=notification.attempts)
        .exclude(state=Notification.State.SENT)
        .update(attempts=F("attempts") + 1)
    )
    if not claimed:
        return False
    notification.refresh_from_db()
    try:
        build_message(notification).send()
    except Exception as error:
        # Whatever the mail server or the network does, the attempt is recorded for a retry.
        notification.state = Notification.State.FAILED
        notification.last_error = f"{type(error).__name__}: {error}"[:500]
        notification.next_attempt_at = timezone.now() + retry_delay(notification.attempts)
        notification.save(update_fields=["state", "last_error", "next_attempt_at"])
        logger.warning(
            "Mail for enquiry %s not sent (attempt %s, %s)",
            notification.enquiry.reference,
            notification.attempts,
            type(error).__name__,
        )
        return False
    notification.state = Notification.State.SENT
    notification.sent_at = timezone.now()
    notification.last_error = ""
    notification.save(update_fields=["state", "sent_at", "last_error"])
    logger.info("Mail for enquiry %s sent (%s)", notification.enquiry.reference, notification.kind)
    return True


def retry_delay(attempts):
    """2, 4, 8 ... minutes after each failure, at most a day: eight attempts span about 4 h.

    A worker that looks every few seconds would otherwise use up every attempt in the first
    minutes of a mail server's outage.
    """
    return datetime.timedelta(seconds=min(RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0), 86400))


def due_notifications(max_attempts=None):
    limit = settings.ENQUIRY_MAX_SEND_ATTEMPTS if max_attempts is None else max_attempts
    retry_due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now())
    return (
        Notification.objects.filter(
            Q(state=Notification.State.PENDING) | (Q(state=Notification.State.FAILED) & retry_due),
            attempts__lt=limit,
        )
        .select_related("enquiry", "entry")
        .order_by("created_at", "pk")
    )


def resend(enquiry):
    """Queue an enquiry's unsent mail for the worker; plan it if it never had any (recovered spam).

    A message that used up its attempts starts again from none (no worker touches it, so this
    cannot race a send); the others are due already. Returns how many messages wait.
    """
    if not enquiry.notifications.exists():
        return len(plan_notifications(enquiry, list(enquiry.projects.all())))
    unsent = enquiry.notifications.exclude(state=Notification.State.SENT)
    unsent.filter(attempts__gte=settings.ENQUIRY_MAX_SEND_ATTEMPTS).update(
        state=Notification.State.PENDING, attempts=0, next_attempt_at=None
    )
    unsent.filter(state=Notification.State.FAILED).update(next_attempt_at=None)
    return unsent.count()
