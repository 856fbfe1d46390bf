"""The request only stores its mail; the worker sends it, retries it, and never sends twice."""

import datetime
import logging
import time

import pytest
from django.core import mail
from django.utils import timezone

from portal.enquiries.models import Enquiry, Notification
from portal.enquiries.notifications import send_notification

from .conftest import enquiry_data, reference_from, send_due_mail
from .mail_backends import HangingSMTPServer, SMTPSink

URL = "/en/enquire/"
UNREACHABLE = "tests.enquiries.mail_backends.UnreachableBackend"


def smtp_at(settings, port, timeout):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, timeout
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False


@pytest.fixture
def failed_enquiry(client, db, settings, caplog):
    """An enquiry stored, then a round of the worker against a mail server that refuses."""
    response = client.post(URL, enquiry_data())
    settings.EMAIL_BACKEND = UNREACHABLE
    with caplog.at_level(logging.INFO):
        send_due_mail()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return response


def after_the_retry_delay(time_machine):
    time_machine.move_to(timezone.now() + datetime.timedelta(hours=1))


def test_the_request_stores_the_mail_and_sends_nothing(client, db):
    response = client.post(URL, enquiry_data())
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert sorted(enquiry.notifications.values_list("kind", "state", "attempts")) == [
        ("acknowledgement", "pending", 0),
        ("officer", "pending", 0),
    ]
    assert mail.outbox == []
    send_due_mail()
    assert len(mail.outbox) == 2
    assert set(enquiry.notifications.values_list("state", "attempts")) == {("sent", 1)}


@pytest.mark.django_db(transaction=True)
def test_a_hung_mail_relay_does_not_hold_up_the_investor(client, settings):
    with HangingSMTPServer() as relay:
        # Were the mail sent in the request, each message would wait this long.
        smtp_at(settings, relay.port, timeout=15)
        started = time.monotonic()
        response = client.post(URL, enquiry_data())
        elapsed = time.monotonic() - started
        assert response.status_code == 302
        assert elapsed < 1, f"the enquiry took {elapsed:.1f} s"
        assert relay.connections == []
        enquiry = Enquiry.objects.get()
        assert set(enquiry.notifications.values_list("state", "attempts")) == {("pending", 0)}

        # The worker meets the hung relay instead, gives up after its timeout, and keeps both.
        smtp_at(settings, relay.port, timeout=1)
        send_due_mail()
        assert relay.connections
    states = set(enquiry.notifications.values_list("state", "attempts"))
    assert states == {("failed", 1)}

    with SMTPSink() as sink:
        smtp_at(settings, sink.port, timeout=5)
        Notification.objects.update(next_attempt_at=timezone.now())
        send_due_mail()
        send_due_mail()
    recipients = sorted(address for _, to, _ in sink.received for address in to)
    assert recipients == sorted(["anna@example.de", settings.ENQUIRY_DEFAULT_INBOX])
    subjects = sorted(message["Subject"] for _, _, message in sink.received)
    assert subjects == sorted(
        [
            f"新咨询 {enquiry.reference}",
            f"Your enquiry {enquiry.reference} to the Guanxian investment office",
        ]
    )
    assert set(enquiry.notifications.values_list("state", "attempts")) == {("sent", 2)}


def test_a_failing_mail_server_loses_nothing(client, failed_enquiry, caplog):
    assert failed_enquiry.status_code == 302
    enquiry = Enquiry.objects.get()
    page = client.get(failed_enquiry["Location"])
    assert page.status_code == 200 and enquiry.reference in page.content.decode()
    states = list(enquiry.notifications.values_list("state", "attempts", "last_error"))
    assert states == [("failed", 1, "ConnectionRefusedError: [Errno 111] Connection refused")] * 2
    assert mail.outbox == []
    # The log names the reference and never the person.
    logged = "\n".join(record.getMessage() for record in caplog.get_records("setup"))
    assert enquiry.reference in logged and "not sent" in logged
    for personal in ("Anna", "anna@example.de", "Schmidt", "+49"):
        assert personal not in logged


def test_a_failed_message_waits_before_it_is_tried_again(failed_enquiry, time_machine):
    send_due_mail()
    assert mail.outbox == []
    assert set(Notification.objects.values_list("attempts", flat=True)) == {1}
    after_the_retry_delay(time_machine)
    send_due_mail()
    assert len(mail.outbox) == 2


def test_each_failure_doubles_the_wait(failed_enquiry, settings, time_machine):
    settings.EMAIL_BACKEND = UNREACHABLE
    waits = []
    for _ in range(4):
        notification = Notification.objects.order_by("pk").first()
        waits.append(round((notification.next_attempt_at - timezone.now()).total_seconds() / 60))
        time_machine.move_to(notification.next_attempt_at)
        send_due_mail()
    assert waits == [2, 4, 8, 16]


def test_the_retry_command_sends_later_and_only_once(failed_enquiry, time_machine):
    reference = reference_from(failed_enquiry)
    after_the_retry_delay(time_machine)
    send_due_mail()
    assert sorted(m.subject for m in mail.outbox) == sorted(
        [f"新咨询 {reference}", f"Your enquiry {reference} to the Guanxian investment office"]
    )
    assert set(Notification.objects.values_list("state", "attempts")) == {("sent", 2)}
    send_due_mail()
    assert len(mail.outbox) == 2


def test_the_retry_command_gives_up_after_max_attempts(failed_enquiry, settings, time_machine):
    settings.EMAIL_BACKEND = UNREACHABLE
    for _ in range(5):
        after_the_retry_delay(time_machine)
        send_due_mail(max_attempts=3)
    assert set(Notification.objects.values_list("state", "attempts")) == {("failed", 3)}


def test_a_second_sender_of_the_same_attempt_sends_nothing(failed_enquiry):
    notification = Notification.objects.first()
    stale = Notification.objects.get(pk=notification.pk)
    assert send_notification(notification) is True
    assert send_notification(stale) is False
    assert len(mail.outbox) == 1
