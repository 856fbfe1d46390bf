"""Send the enquiry mail that is pending or failed; safe to run from cron every few minutes."""

from django.conf import settings
from django.core.management.base import BaseCommand

from portal.enquiries.notifications import due_notifications, send_notification


class Command(BaseCommand):
    help = "Send pending or failed enquiry notifications, up to the maximum number of attempts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-attempts",
            type=int,
            default=settings.ENQUIRY_MAX_SEND_ATTEMPTS,
            help="Leave a message alone once it has been tried this often.",
        )

    def handle(self, *args, max_attempts, **options):
        sent = failed = 0
        for notification in due_notifications(max_attempts).iterator():
            if send_notification(notification):
                sent += 1
            else:
                failed += 1
        self.stdout.write(f"{sent} sent, {failed} not sent")
