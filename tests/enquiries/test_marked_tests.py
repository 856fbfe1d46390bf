"""Officers mark an enquiry as a test: it stays in the queue, out of every figure."""

import csv
import io

import pytest
from django.urls import reverse

from portal.enquiries.models import Enquiry, Note

from .test_admin import CHANGELIST, make_enquiry
from .test_desk import change_data, change_url


@pytest.fixture
def officer(staff_in_group):
    user = staff_in_group("Enquiry officers", "officer.wang")
    user.first_name, user.last_name = "Fang", "Wang"
    user.save()
    return user


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def test_the_action_marks_tests_and_says_so_on_the_thread(officer_client, officer):
    trial, real = make_enquiry(1), make_enquiry(2)
    data = {"action": "mark_test", "_selected_action": [trial.pk]}
    response = officer_client.post(reverse(CHANGELIST), data, follow=True)
    assert "1 enquiry marked as a test." in response.content.decode()
    trial.refresh_from_db(), real.refresh_from_db()
    assert trial.is_test and not real.is_test
    [entry] = trial.notes.all()
    assert (entry.kind, entry.author) == (Note.Kind.STATUS, officer)
    assert entry.text == "Marked as a test enquiry: left out of the figures."
    # Marking it again changes nothing and writes nothing.
    officer_client.post(reverse(CHANGELIST), data)
    assert trial.notes.count() == 1


def test_the_tick_on_the_enquiry_page_and_its_undoing_are_on_the_thread(officer_client):
    enquiry = make_enquiry(1)
    assert 'name="is_test"' in officer_client.get(change_url(enquiry)).content.decode()
    officer_client.post(change_url(enquiry), change_data(enquiry, is_test="on"))
    enquiry.refresh_from_db()
    assert enquiry.is_test
    officer_client.post(change_url(enquiry), change_data(enquiry))
    enquiry.refresh_from_db()
    assert not enquiry.is_test
    assert list(enquiry.notes.values_list("text", flat=True)) == [
        "Marked as a test enquiry: left out of the figures.",
        "No longer a test enquiry: counted in the figures again.",
    ]


def test_the_queue_filters_tests_in_and_out(officer_client):
    make_enquiry(1, is_test=True)
    make_enquiry(2)
    tests = officer_client.get(reverse(CHANGELIST), {"test": "yes"})
    real = officer_client.get(reverse(CHANGELIST), {"test": "no"})
    assert [e.reference for e in tests.context["cl"].result_list] == ["GX-2026-00001"]
    assert [e.reference for e in real.context["cl"].result_list] == ["GX-2026-00002"]


def test_an_officer_logs_a_test_enquiry(officer_client):
    response = officer_client.post(
        reverse("admin:enquiries_enquiry_add"),
        {
            "channel": "phone",
            "received_at_0": "2026-11-30",
            "received_at_1": "10:00:00",
            "name": "Trying the desk",
            "organisation": "Investment office",
            "country": "China",
            "investor_type": "other",
            "message": "A call logged to learn the form.",
            "language": "zh-hans",
            "is_test": "on",
        },
    )
    assert response.status_code == 302
    assert Enquiry.objects.get().is_test


def test_the_export_says_which_enquiries_are_tests(officer_client):
    trial, real = make_enquiry(1, is_test=True), make_enquiry(2)
    response = officer_client.post(
        reverse(CHANGELIST), {"action": "export_csv", "_selected_action": [trial.pk, real.pk]}
    )
    header, *rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
    marked = {row[0]: dict(zip(header, row, strict=True))["test enquiry"] for row in rows}
    assert marked == {"GX-2026-00001": "Yes", "GX-2026-00002": ""}
