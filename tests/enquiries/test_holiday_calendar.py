"""A year whose holiday calendar is not entered: due dates count Monday to Friday, and officers
are told so until the year is entered and recorded; then the open due dates follow it."""

import datetime
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.enquiries.models import (
    Enquiry,
    Holiday,
    HolidayYear,
    Note,
    add_working_days,
    calendar_gaps,
)

from .test_admin import make_enquiry

DASHBOARD = "admin:enquiries_enquiry_dashboard"
WARNING_2027 = (
    "The 2027 holiday calendar has not been entered yet: due dates in 2027 count Monday to "
    "Friday only, without its public holidays and make-up working days."
)
WARNING_2027_ZH = (
    "2027年节假日安排尚未录入：2027年的答复期限暂按周一至周五计算，未计入法定节假日和调休上班日。"
)


def on(monkeypatch, day):
    now = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))
    monkeypatch.setattr(timezone, "now", lambda: now)


@pytest.fixture
def officer(staff_in_group):
    return staff_in_group("Enquiry officers", "wang")


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def test_2026_is_seeded_and_recorded_and_2027_is_not(db):
    assert list(HolidayYear.objects.values_list("year", flat=True)) == [2026]
    assert not Holiday.objects.filter(date__year=2027).exists()


@pytest.mark.parametrize(
    ("today", "gaps"),
    [
        # Mid-year, no due date set today can reach 2027.
        (datetime.date(2026, 6, 1), []),
        # In December it can.
        (datetime.date(2026, 12, 2), [2027]),
        # In January 2027 the year itself is missing.
        (datetime.date(2027, 1, 5), [2027]),
    ],
)
def test_the_years_a_due_date_may_fall_in_without_a_calendar(db, today, gaps):
    assert calendar_gaps(today) == gaps


def test_the_dashboard_warns_until_the_year_is_recorded(officer_client, monkeypatch):
    on(monkeypatch, datetime.date(2026, 12, 2))
    html = officer_client.get(reverse(DASHBOARD)).content.decode()
    assert WARNING_2027 in html
    assert reverse("admin:enquiries_holidayyear_add") in html
    assert reverse("admin:enquiries_holiday_changelist") in html
    HolidayYear.objects.create(year=2027)
    assert "holiday calendar has not been entered" not in (
        officer_client.get(reverse(DASHBOARD)).content.decode()
    )


def test_the_warning_in_chinese(officer_client, monkeypatch):
    on(monkeypatch, datetime.date(2026, 12, 2))
    html = officer_client.get(reverse(DASHBOARD), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert WARNING_2027_ZH in html


def test_no_warning_when_every_year_in_reach_is_known(officer_client, monkeypatch):
    on(monkeypatch, datetime.date(2026, 6, 1))
    html = officer_client.get(reverse(DASHBOARD)).content.decode()
    assert "holiday calendar has not been entered" not in html


def test_the_holiday_list_and_an_enquiry_due_in_the_year_warn_too(client, officer, monkeypatch):
    on(monkeypatch, datetime.date(2026, 12, 28))
    client.force_login(officer)
    officer_client = client
    html = officer_client.get(reverse("admin:enquiries_holiday_changelist")).content.decode()
    assert WARNING_2027 in html
    due_2027 = make_enquiry(1, response_due=datetime.date(2027, 1, 4))
    due_2026 = make_enquiry(2, response_due=datetime.date(2026, 12, 31))
    answered = make_enquiry(
        3, response_due=datetime.date(2027, 1, 4), status=Enquiry.Status.ANSWERED
    )
    change = "admin:enquiries_enquiry_change"
    html = officer_client.get(reverse(change, args=[due_2027.pk])).content.decode()
    assert WARNING_2027 in html
    for enquiry in (due_2026, answered):
        html = officer_client.get(reverse(change, args=[enquiry.pk])).content.decode()
        assert "holiday calendar has not been entered" not in html


def test_an_unknown_year_counts_monday_to_friday(db):
    # 1 January 2027 is a Friday; nothing is known of it yet.
    assert add_working_days(datetime.date(2026, 12, 28), 5) == datetime.date(2027, 1, 4)


def test_recording_the_year_moves_the_due_dates_counted_without_it(
    client, officer, monkeypatch, settings
):
    settings.ENQUIRY_RESPONSE_WORKING_DAYS = 5
    on(monkeypatch, datetime.date(2026, 12, 29))
    client.force_login(officer)
    officer_client = client
    received = timezone.make_aware(datetime.datetime(2026, 12, 28, 9, 0))
    counted = make_enquiry(1, received_at=received, response_due=datetime.date(2027, 1, 4))
    agreed = make_enquiry(2, received_at=received, response_due=datetime.date(2027, 1, 15))
    answered = make_enquiry(
        3,
        received_at=received,
        response_due=datetime.date(2027, 1, 4),
        status=Enquiry.Status.ANSWERED,
    )
    # The clerk enters the notice (here a made-up day off on Friday 1 January).
    officer_client.post(
        reverse("admin:enquiries_holiday_add"),
        {"date": "2027-01-01", "name": "Example day off", "is_working_day": ""},
    )
    # Entered but not yet recorded: nothing moves.
    counted.refresh_from_db()
    assert counted.response_due == datetime.date(2027, 1, 4)
    response = officer_client.post(
        reverse("admin:enquiries_holidayyear_add"),
        {"year": "2027", "notice": "国务院办公厅关于2027年部分节假日安排的通知"},
        follow=True,
    )
    message = "1 open enquiry's due date now follows the 2027 calendar."
    assert message in unescape(response.content.decode())
    for enquiry in (counted, agreed, answered):
        enquiry.refresh_from_db()
    # 29, 30, 31 December, 4 and 5 January.
    assert counted.response_due == datetime.date(2027, 1, 5)
    [entry] = counted.notes.all()
    assert entry.kind == Note.Kind.STATUS and entry.author == officer
    assert entry.text == (
        "First response due moved from 2027-01-04 to 2027-01-05: the 2027 holiday calendar "
        "is now entered."
    )
    # A date agreed otherwise, and an answered enquiry, stay as they were.
    assert agreed.response_due == datetime.date(2027, 1, 15) and not agreed.notes.exists()
    assert answered.response_due == datetime.date(2027, 1, 4) and not answered.notes.exists()


def test_a_make_up_day_can_leave_the_due_date_where_it_was(client, officer, monkeypatch):
    on(monkeypatch, datetime.date(2026, 12, 29))
    client.force_login(officer)
    officer_client = client
    received = timezone.make_aware(datetime.datetime(2026, 12, 28, 9, 0))
    counted = make_enquiry(1, received_at=received, response_due=datetime.date(2027, 1, 4))
    Holiday.objects.create(date=datetime.date(2027, 1, 1), name="Example day off")
    Holiday.objects.create(
        date=datetime.date(2027, 1, 2), name="Example make-up day", is_working_day=True
    )
    response = officer_client.post(
        reverse("admin:enquiries_holidayyear_add"), {"year": "2027"}, follow=True
    )
    message = "0 open enquiries' due dates now follow the 2027 calendar."
    assert message in unescape(response.content.decode())
    counted.refresh_from_db()
    # 29, 30, 31 December, Saturday 2 and Monday 4 January.
    assert counted.response_due == datetime.date(2027, 1, 4) and not counted.notes.exists()


def test_editors_may_not_record_a_year(client, staff_in_group):
    client.force_login(staff_in_group("Content editors", "editor"))
    assert client.get(reverse("admin:enquiries_holidayyear_add")).status_code == 403
    assert client.get(reverse("admin:enquiries_holidayyear_changelist")).status_code == 403


def test_the_admin_index_warns_officers_only(client, officer, staff_in_group, monkeypatch):
    on(monkeypatch, datetime.date(2026, 12, 2))
    client.force_login(officer)
    assert WARNING_2027 in client.get("/admin/").content.decode()
    HolidayYear.objects.create(year=2027)
    assert "holiday calendar has not been entered" not in client.get("/admin/").content.decode()
    HolidayYear.objects.filter(year=2027).delete()
    client.force_login(staff_in_group("Content editors", "editor"))
    assert "holiday calendar has not been entered" not in client.get("/admin/").content.decode()
