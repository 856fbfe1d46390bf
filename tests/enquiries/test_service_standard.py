"""The published service standard: the promise and the last 90 days' figures from the queue."""

import datetime

import pytest
from django.utils import timezone

from portal.enquiries.models import Enquiry, add_working_days

from .conftest import enquiry_data
from .test_admin import make_enquiry

URL = "/en/enquire/service-standard/"


def answered(n, working_days, **fields):
    """An enquiry received in a fortnight of 2026 without holidays, answered after so many days."""
    received = timezone.make_aware(datetime.datetime(2026, 11, 16, 10, 0))
    answer_day = add_working_days(received.date(), working_days)
    at = timezone.make_aware(datetime.datetime.combine(answer_day, datetime.time(15, 0)))
    return make_enquiry(n, received_at=received, answered_at=at, **fields)


@pytest.fixture
def on_1_december(db, monkeypatch):
    now = timezone.make_aware(datetime.datetime(2026, 12, 1, 12, 0))
    monkeypatch.setattr(timezone, "now", lambda: now)


def test_fewer_than_five_enquiries_show_no_share(client, on_1_december):
    answered(1, 2)
    answered(2, 8)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<dd data-figure="received">2</dd>' in html
    assert "Too few enquiries yet to give a share." in html
    assert "csrfmiddlewaretoken" not in html
    assert "no-cache" not in response.get("Cache-Control", "")


def test_the_figures_leave_out_spam_and_count_working_days(client, on_1_december):
    for n, days in enumerate([1, 2, 3, 7, 9], start=1):
        answered(n, days)
    make_enquiry(6, received_at=timezone.now() - datetime.timedelta(days=2))
    answered(7, 1, status=Enquiry.Status.SPAM)
    # Outside the 90 days.
    make_enquiry(8, received_at=timezone.now() - datetime.timedelta(days=120))
    html = client.get(URL).content.decode()
    assert '<dd data-figure="received">6</dd>' in html
    assert '<dd data-figure="median">3 working days</dd>' in html
    # 3 of 6 answered within 5 working days.
    assert '<dd data-figure="share">50%</dd>' in html


def test_the_promise_is_the_setting_and_the_page_is_linked(client, settings, db):
    settings.ENQUIRY_RESPONSE_WORKING_DAYS = 3
    html = client.get(URL).content.decode()
    assert "within 3 working days of receiving it" in html
    assert client.get("/zh-hans/enquire/service-standard/").status_code == 200
    thanks = client.get(client.post("/en/enquire/", enquiry_data())["Location"])
    assert URL in thanks.content.decode()
    assert URL in client.get("/en/enquire/").content.decode()


def test_test_enquiries_count_for_nothing(client, on_1_december):
    # Five real enquiries answered after 1, 2, 4, 6 and 8 working days: the median is 4 and
    # 3 of 5 (60%) were answered within the 5 days promised.
    for n, days in enumerate([1, 2, 4, 6, 8], start=1):
        answered(n, days)
    # Tests and spam, fast or unanswered, would change every figure if they counted.
    answered(6, 0, is_test=True)
    answered(7, 0, is_test=True)
    make_enquiry(8, is_test=True, received_at=timezone.now() - datetime.timedelta(days=1))
    answered(9, 0, status=Enquiry.Status.SPAM)
    html = client.get(URL).content.decode()
    assert '<dd data-figure="received">5</dd>' in html
    assert '<dd data-figure="median">4 working days</dd>' in html
    assert '<dd data-figure="share">60%</dd>' in html
    assert "spam and test enquiries are left out" in html
