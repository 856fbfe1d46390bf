"""The daily round: one reminder per officer with something due, silent enquiries aged."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from portal.enquiries.models import Enquiry, Note, add_working_days

from .test_admin import make_enquiry


@pytest.fixture
def officers(staff_in_group):
    return staff_in_group("Enquiry officers", "wang"), staff_in_group("Enquiry officers", "li")


def test_each_officer_gets_one_mail_with_their_overdue_and_nearly_due(officers, settings):
    wang, li = officers
    today = timezone.localdate()
    make_enquiry(1, owner=wang, response_due=today - datetime.timedelta(days=2))
    make_enquiry(2, owner=wang, response_due=add_working_days(today, 1))
    make_enquiry(3, owner=wang, response_due=today + datetime.timedelta(days=30))
    make_enquiry(
        4, owner=wang, status=Enquiry.Status.ANSWERED, response_due=today - datetime.timedelta(1)
    )
    make_enquiry(5, response_due=today - datetime.timedelta(days=1))
    make_enquiry(6, owner=li, response_due=today + datetime.timedelta(days=30))
    call_command("enquiry_reminders", stdout=io.StringIO())
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([wang.email, settings.ENQUIRY_DEFAULT_INBOX])
    to_wang = next(m for m in mail.outbox if m.to == [wang.email])
    assert "GX-2026-00001" in to_wang.body and "GX-2026-00002" in to_wang.body
    assert "GX-2026-00003" not in to_wang.body and "GX-2026-00004" not in to_wang.body
    assert to_wang.body.index("GX-2026-00001") < to_wang.body.index("GX-2026-00002")
    assert "/enquiries/enquiry/" in to_wang.body


def test_enquiries_waiting_for_the_investor_too_long_get_no_response(db, settings):
    settings.ENQUIRY_NO_RESPONSE_WEEKS = 4
    silent = make_enquiry(1, status=Enquiry.Status.AWAITING)
    recent = make_enquiry(2, status=Enquiry.Status.AWAITING)
    old = Note.objects.create(enquiry=silent, kind=Note.Kind.REPLY, text="Our answer")
    Note.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(weeks=5))
    Note.objects.create(enquiry=recent, kind=Note.Kind.REPLY, text="Our answer")
    call_command("enquiry_reminders", stdout=io.StringIO())
    silent.refresh_from_db(), recent.refresh_from_db()
    assert silent.status == Enquiry.Status.NO_RESPONSE
    assert recent.status == Enquiry.Status.AWAITING
    assert silent.notes.filter(kind=Note.Kind.STATUS).count() == 1
    assert not mail.outbox


def test_an_unreachable_mail_server_is_reported_after_trying_everyone(officers, settings):
    settings.EMAIL_BACKEND = "tests.enquiries.mail_backends.UnreachableBackend"
    wang, li = officers
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    make_enquiry(1, owner=wang, response_due=yesterday)
    make_enquiry(2, owner=li, response_due=yesterday)
    with pytest.raises(CommandError, match="2 of 2"):
        call_command("enquiry_reminders", stdout=io.StringIO())
