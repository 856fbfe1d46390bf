"""The daily round (cron): each officer's late and nearly due enquiries, and the silent ones.

One mail to each owner listing their overdue enquiries and those due by the next working day;
the ones nobody owns go to the inbox; nobody with nothing due is mailed. While a year a due date
may fall in has no holiday calendar entered, each mail says so. Enquiries that have
waited for the investor for ENQUIRY_NO_RESPONSE_WEEKS weeks become "no response", said on
their thread. The mail is a digest for the day, sent at once: tomorrow's run sends a fresh one.
"""

import datetime
import logging
from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from portal.enquiries import desk
from portal.enquiries.models import Enquiry, Note, add_working_days, calendar_gaps

DEFAULT_NO_RESPONSE_WEEKS = 4
logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Mail each officer their overdue enquiries and those due next; age silent enquiries."

    def handle(self, *args, **options):
        aged = self.age_silent_enquiries()
        sent = self.send_reminders()
        self.stdout.write(f"{sent} reminder(s) sent, {aged} enquiry(ies) marked no response.")

    def age_silent_enquiries(self):
        weeks = getattr(settings, "ENQUIRY_NO_RESPONSE_WEEKS", DEFAULT_NO_RESPONSE_WEEKS)
        cutoff = timezone.now() - datetime.timedelta(weeks=weeks)
        silent = (
            Enquiry.objects.filter(status=Enquiry.Status.AWAITING)
            .annotate(last_entry=Max("notes__created_at"))
            .filter(last_entry__lt=cutoff)
        )
        count = 0
        for enquiry in silent:
            Enquiry.objects.filter(pk=enquiry.pk).update(status=Enquiry.Status.NO_RESPONSE)
            with translation.override(settings.ENQUIRY_OFFICER_LANGUAGE):
                text = gettext("No answer from the investor for %(weeks)d weeks.") % {
                    "weeks": weeks
                }
            desk.log(enquiry, Note.Kind.STATUS, text)
            count += 1
        return count

    def send_reminders(self):
        today = timezone.localdate()
        next_working_day = add_working_days(today, 1)
        due = (
            Enquiry.objects.filter(
                status__in=desk.OPEN_STATUSES, response_due__lte=next_working_day
            )
            .select_related("owner")
            .order_by("response_due", "reference")
        )
        by_recipient = defaultdict(list)
        gaps = calendar_gaps(today)
        failed = 0
        for enquiry in due:
            owner = enquiry.owner
            recipient = owner.email if owner and owner.email else settings.ENQUIRY_DEFAULT_INBOX
            enquiry.admin_link = desk.admin_url(enquiry)
            by_recipient[recipient].append(enquiry)
        for recipient, enquiries in by_recipient.items():
            with translation.override(settings.ENQUIRY_OFFICER_LANGUAGE):
                context = {
                    "overdue": [e for e in enquiries if e.response_due < today],
                    "due_soon": [e for e in enquiries if e.response_due >= today],
                    "next_working_day": next_working_day,
                    "calendar_gaps": gaps,
                }
                subject = gettext("Enquiries due: %(count)d") % {"count": len(enquiries)}
                body = render_to_string("enquiries/email/reminder.txt", context)
            try:
                EmailMessage(
                    subject=subject,
                    body=body,
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    to=[recipient],
                ).send()
            except Exception as error:
                # One unreachable mailbox does not hold back the other officers' reminders.
                failed += 1
                logger.warning("Enquiry reminder not sent (%s)", type(error).__name__)
        if failed:
            raise CommandError(f"{failed} of {len(by_recipient)} reminder(s) not sent.")
        return len(by_recipient)
