"""Old closed enquiries lose their personal data; the counts stay."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from portal.enquiries.models import Enquiry, Note, Notification

from .test_admin import make_enquiry


@pytest.fixture
def old_and_new(db):
    long_ago = timezone.now() - datetime.timedelta(days=800)
    old_closed = make_enquiry(
        1, received_at=long_ago, status=Enquiry.Status.CLOSED, phone="+1 555 0100"
    )
    old_open = make_enquiry(2, received_at=long_ago, status=Enquiry.Status.IN_PROGRESS)
    recent_closed = make_enquiry(3, status=Enquiry.Status.CLOSED)
    Note.objects.create(enquiry=old_closed, text="Spoke to Investor 1 on +1 555 0100")
    Notification.objects.create(
        enquiry=old_closed, kind="acknowledgement", recipient="investor1@example.com", language="en"
    )
    return old_closed, old_open, recent_closed


def test_purge_anonymises_old_closed_enquiries_and_keeps_counts(old_and_new):
    old_closed, old_open, recent_closed = old_and_new
    call_command("purge_enquiries", "--older-than", "24")
    assert Enquiry.objects.count() == 3
    old_closed.refresh_from_db()
    assert (old_closed.name, old_closed.email, old_closed.phone) == ("[removed]", "", "")
    assert old_closed.organisation == "[removed]" and old_closed.message == "[removed]"
    assert old_closed.anonymised_at is not None
    assert old_closed.reference == "GX-2026-00001" and old_closed.country == "Germany"
    assert Note.objects.get().text == "[removed]"
    assert Notification.objects.get().recipient == ""
    for untouched in (old_open, recent_closed):
        untouched.refresh_from_db()
        assert untouched.name.startswith("Investor") and untouched.anonymised_at is None
    assert Enquiry.objects.filter(status=Enquiry.Status.CLOSED).count() == 2


def test_purge_is_idempotent_and_refuses_nonsense(old_and_new):
    call_command("purge_enquiries", "--older-than", "24")
    first = Enquiry.objects.get(pk=old_and_new[0].pk).anonymised_at
    call_command("purge_enquiries", "--older-than", "24")
    assert Enquiry.objects.get(pk=old_and_new[0].pk).anonymised_at == first
    with pytest.raises(CommandError):
        call_command("purge_enquiries", "--older-than", "0")


def test_the_cutoff_is_calendar_months_back(db, time_machine):
    # A month before 31 March is the last day of February.
    time_machine.move_to(datetime.datetime(2026, 3, 31, 12, tzinfo=datetime.UTC), tick=False)
    cutoff = datetime.datetime(2026, 2, 28, 12, tzinfo=datetime.UTC)
    hour = datetime.timedelta(hours=1)
    closed = Enquiry.Status.CLOSED
    before = make_enquiry(1, received_at=cutoff - hour, status=closed)
    after = make_enquiry(2, received_at=cutoff + hour, status=closed)
    out = io.StringIO()
    call_command("purge_enquiries", "--older-than", "1", stdout=out)
    assert out.getvalue() == "1 enquiries anonymised (received before 2026-02-28)\n"
    assert Enquiry.objects.get(pk=before.pk).anonymised_at is not None
    assert Enquiry.objects.get(pk=after.pk).anonymised_at is None
