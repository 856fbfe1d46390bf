"""The mail about an enquiry: planned in the enquiry's transaction, sent after it commits.

Every message is a Notification row with its state, so a mail server that is down loses
nothing: `send_enquiry_notifications` (cron) and an admin action retry what is not sent.
Logs name the reference only, never a person's data.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from .models import Notification

logger = logging.getLogger(__name__)


def officer_address(enquiry, projects):
    """The first chosen project's officer (or its park's), else the chosen park's, else the inbox.

    An officer known by phone only is skipped for the next one with an email address.
    """
    first = projects[0] if projects else None
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


def build_message(notification):
    enquiry = notification.enquiry
    context = {
        "enquiry": enquiry,
        "projects": list(enquiry.projects.all()),
    }
    with translation.override(notification.language):
        if notification.kind == Notification.Kind.OFFICER:
            subject = gettext("New enquiry %(reference)s") % {"reference": enquiry.reference}
            body = render_to_string("enquiries/email/officer.txt", context)
            reply_to = [enquiry.email] if enquiry.email else None
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
        notification.save(update_fields=["state", "last_error"])
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


def due_notifications(max_attempts=None):
    limit = settings.ENQUIRY_MAX_SEND_ATTEMPTS if max_attempts is None else max_attempts
    return (
        Notification.objects.filter(
            Q(state=Notification.State.PENDING) | Q(state=Notification.State.FAILED),
            attempts__lt=limit,
        )
        .select_related("enquiry")
        .order_by("created_at", "pk")
    )


def deliver_later(ids):
    """Called after the enquiry's transaction commits: send what was planned, now."""
    for notification in Notification.objects.filter(pk__in=ids).select_related("enquiry"):
        send_notification(notification)


def resend(enquiry):
    """Send an enquiry's unsent mail again, or plan it if it never had any (recovered spam)."""
    notifications = list(enquiry.notifications.exclude(state=Notification.State.SENT))
    if not enquiry.notifications.exists():
        notifications = plan_notifications(enquiry, list(enquiry.projects.all()))
    return sum(send_notification(n) for n in notifications)
