"""Send the enquiry mail that is due: once (from cron), or as a worker with --loop SECONDS.

The enquiry form only stores its mail as Notification rows; this command is what sends them.
As a worker it also clears expired sessions once an hour, so that anonymous sessions (the
shortlist) do not pile up without a separate cron job.
"""

import logging
import signal
import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, close_old_connections, connections

from portal.enquiries.notifications import due_notifications, send_notification

logger = logging.getLogger("portal.enquiries.worker")
CLEAR_SESSIONS_EVERY = 60 * 60
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class Command(BaseCommand):
    help = (
        "Send pending or failed enquiry notifications, up to the maximum number of attempts. "
        "With --loop SECONDS, keep running: send what is due every SECONDS and clear expired "
        "sessions every hour, until SIGTERM or SIGINT."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-attempts",
            type=int,
            default=settings.ENQUIRY_MAX_SEND_ATTEMPTS,
            help="Leave a message alone once it has been tried this often.",
        )
        parser.add_argument(
            "--loop",
            type=float,
            metavar="SECONDS",
            help="Run as a worker that looks for due mail every SECONDS.",
        )

    def handle(self, *args, max_attempts, loop, **options):
        if loop is None:
            sent, failed = self.send_due(max_attempts, threading.Event())
            self.stdout.write(f"{sent} sent, {failed} not sent")
            return
        if loop <= 0:
            raise CommandError("--loop needs a number of seconds above 0.")
        self.work(loop, max_attempts)

    def send_due(self, max_attempts, stop):
        sent = failed = 0
        for notification in due_notifications(max_attempts).iterator():
            if stop.is_set():
                break
            if send_notification(notification):
                sent += 1
            else:
                failed += 1
        return sent, failed

    def work(self, interval, max_attempts):
        stop = threading.Event()
        previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in STOP_SIGNALS}
        self.stdout.write(f"Sending enquiry mail every {interval:g} s; stop with SIGTERM or ^C")
        clear_sessions_at = time.monotonic()
        try:
            while not stop.is_set():
                # As a request would: a connection past its age, or broken by a database
                # restart, is replaced instead of failing every round from then on.
                close_old_connections()
                try:
                    if time.monotonic() >= clear_sessions_at:
                        call_command("clearsessions")
                        clear_sessions_at = time.monotonic() + CLEAR_SESSIONS_EVERY
                    sent, failed = self.send_due(max_attempts, stop)
                except DatabaseError as error:
                    logger.warning("Database unavailable (%s); trying again", type(error).__name__)
                else:
                    if sent or failed:
                        self.stdout.write(f"{sent} sent, {failed} not sent")
                stop.wait(interval)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            connections.close_all()
        self.stdout.write("Stopped")
