"""Honeypot, minimum fill time, rate limit, duplicates and the body limit."""

import pytest
from django.core import mail

from portal.enquiries.models import Enquiry

from .conftest import enquiry_data, form_token, reference_from

URL = "/en/enquire/"


@pytest.fixture(autouse=True)
def _db(db):
    pass


def test_honeypot_is_stored_as_spam_without_mail(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, enquiry_data(website="http://cheap-bearings.example"))
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert (enquiry.status, enquiry.spam_reason) == (Enquiry.Status.SPAM, "honeypot")
    assert enquiry.reference == reference_from(response)
    assert enquiry.notifications.count() == 0
    assert mail.outbox == []


def test_too_fast_is_stored_as_spam(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, enquiry_data(token=form_token(age_seconds=1)))
    enquiry = Enquiry.objects.get()
    assert (enquiry.status, enquiry.spam_reason) == (Enquiry.Status.SPAM, "filled too fast")
    assert mail.outbox == []


def test_forged_or_missing_token_is_stored_as_spam(client):
    client.post(URL, enquiry_data(token="eyJ0IjoxfQ:forged:signature"))
    client.post(URL, enquiry_data(token="", email="other@example.de"))
    assert list(Enquiry.objects.values_list("status", "spam_reason")) == [
        ("spam", "no valid form token"),
        ("spam", "no valid form token"),
    ]


def test_a_human_pace_is_not_spam(client):
    client.post(URL, enquiry_data(token=form_token(age_seconds=4)))
    assert Enquiry.objects.get().status == Enquiry.Status.NEW


def test_rate_limit_answers_429_in_the_visitors_language(client, settings):
    settings.ENQUIRY_RATE_LIMIT = 2
    for n in range(2):
        assert client.post(URL, enquiry_data(email=f"n{n}@example.de")).status_code == 302
    response = client.post(URL, enquiry_data(email="third@example.de"))
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert "Please wait a moment" in response.content.decode()
    chinese = client.post("/zh-hans/enquire/", enquiry_data(email="fourth@example.de"))
    assert chinese.status_code == 429
    assert "请稍候" in chinese.content.decode()
    assert Enquiry.objects.count() == 2
    # Another client is not affected.
    other = client.post(URL, enquiry_data(email="x@example.de"), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_invalid_forms_do_not_use_up_the_limit(client, settings):
    settings.ENQUIRY_RATE_LIMIT = 1
    for _ in range(3):
        assert client.post(URL, enquiry_data(email="bad")).status_code == 200
    assert client.post(URL, enquiry_data()).status_code == 302


def test_double_submission_is_stored_once(client, django_capture_on_commit_callbacks):
    data = enquiry_data()
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(URL, data)
        second = client.post(URL, {**data, "message": "  " + data["message"] + "\n"})
    assert Enquiry.objects.count() == 1
    assert reference_from(first) == reference_from(second)
    assert len(mail.outbox) == 2


def test_same_person_with_another_question_is_stored_again(client):
    client.post(URL, enquiry_data())
    client.post(URL, enquiry_data(message="And what about water supply?"))
    assert Enquiry.objects.count() == 2


def test_the_same_enquiry_after_the_window_is_stored_again(client, settings):
    settings.ENQUIRY_DUPLICATE_WINDOW = 0
    client.post(URL, enquiry_data())
    client.post(URL, enquiry_data())
    assert Enquiry.objects.count() == 2


def test_oversized_body_is_refused_with_413(client):
    response = client.post(URL, enquiry_data(message="x" * 70_000))
    assert response.status_code == 413
    assert "Your enquiry was too long to send" in response.content.decode()
    assert Enquiry.objects.count() == 0


def test_over_long_field_is_an_error_not_a_crash(client):
    response = client.post(URL, enquiry_data(name="N" * 121))
    assert response.status_code == 200
    assert 'id="id_name_error"' in response.content.decode()
