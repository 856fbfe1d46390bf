"""Mail that fails is kept and retried; no enquiry is lost, nothing is sent twice."""

import logging

import pytest
from django.core import mail
from django.core.management import call_command

from portal.enquiries.models import Enquiry, Notification

from .conftest import enquiry_data, reference_from

URL = "/en/enquire/"
UNREACHABLE = "tests.enquiries.mail_backends.UnreachableBackend"


@pytest.fixture
def failed_enquiry(client, db, settings, django_capture_on_commit_callbacks, caplog):
    settings.EMAIL_BACKEND = UNREACHABLE
    with caplog.at_level(logging.INFO), django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, enquiry_data())
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return response


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


def test_the_retry_command_sends_later_and_only_once(failed_enquiry):
    reference = reference_from(failed_enquiry)
    call_command("send_enquiry_notifications")
    assert sorted(m.subject for m in mail.outbox) == sorted(
        [f"新咨询 {reference}", f"Your enquiry {reference} to the Guanxian investment office"]
    )
    assert set(Notification.objects.values_list("state", "attempts")) == {("sent", 2)}
    call_command("send_enquiry_notifications")
    assert len(mail.outbox) == 2


def test_the_retry_command_gives_up_after_max_attempts(failed_enquiry, settings):
    settings.EMAIL_BACKEND = UNREACHABLE
    for _ in range(5):
        call_command("send_enquiry_notifications", max_attempts=3)
    assert set(Notification.objects.values_list("state", "attempts")) == {("failed", 3)}


def test_a_second_sender_of_the_same_attempt_sends_nothing(failed_enquiry):
    from portal.enquiries.notifications import send_notification

    notification = Notification.objects.first()
    stale = Notification.objects.get(pk=notification.pk)
    assert send_notification(notification) is True
    assert send_notification(stale) is False
    assert len(mail.outbox) == 1
