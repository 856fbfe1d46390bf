"""The desk: officers told of their enquiries, replies sent and kept, other channels, due dates."""

import csv
import datetime
import io

import pytest
from django.contrib.admin.models import LogEntry
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portal.enquiries.models import (
    Enquiry,
    Holiday,
    Note,
    Notification,
    ReferenceCounter,
    ReplyTemplate,
    add_working_days,
    working_days_between,
)
from tests.factories import make_park, make_project

from .conftest import enquiry_data, reference_from, send_due_mail
from .test_admin import CHANGELIST, make_enquiry

URL = "/en/enquire/"


@pytest.fixture
def officer(staff_in_group):
    user = staff_in_group("Enquiry officers", "officer.wang")
    user.first_name, user.last_name = "Fang", "Wang"
    user.save()
    return user


@pytest.fixture
def colleague(staff_in_group):
    user = staff_in_group("Enquiry officers", "officer.li")
    user.first_name, user.last_name = "Wei", "Li"
    user.save()
    return user


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def change_url(enquiry):
    return reverse("admin:enquiries_enquiry_change", args=[enquiry.pk])


def change_data(enquiry, **overrides):
    data = {
        "status": enquiry.status,
        "owner": enquiry.owner_id or "",
        "response_due": enquiry.response_due.isoformat(),
        "reply": "",
        "notes-TOTAL_FORMS": "0",
        "notes-INITIAL_FORMS": "0",
        "notes-MIN_NUM_FORMS": "0",
        "notes-MAX_NUM_FORMS": "1000",
        "notifications-TOTAL_FORMS": "0",
        "notifications-INITIAL_FORMS": "0",
        "notifications-MIN_NUM_FORMS": "0",
        "notifications-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


# 1. Officers, not inboxes


def test_a_new_enquiry_goes_to_the_projects_responsible_officer_with_a_link(
    client, officer, settings
):
    settings.PORTAL_BASE_URL = "https://invest.guanxian.example.cn"
    park = make_park(contact_name="Li Wei", contact_email="park@guanxian.example.cn")
    project = make_project(
        slug="ring-forging",
        park=park,
        contact_name="Zhao",
        contact_email="zhao@guanxian.example.cn",
        responsible_officer=officer,
    )
    response = client.post(URL, enquiry_data(projects=[project.slug]))
    assert response.status_code == 302
    enquiry = Enquiry.objects.get(reference=reference_from(response))
    to_officer = enquiry.notifications.get(kind=Notification.Kind.OFFICER)
    assert to_officer.recipient == officer.email
    send_due_mail()
    officer_mail = next(m for m in mail.outbox if m.to == [officer.email])
    assert f"https://invest.guanxian.example.cn{change_url(enquiry)}" in officer_mail.body


def test_the_parks_officer_answers_when_the_project_has_none(client, officer):
    park = make_park(responsible_officer=officer)
    project = make_project(park=park, contact_name="Zhao", contact_email="zhao@example.cn")
    response = client.post(URL, enquiry_data(projects=[project.slug]))
    enquiry = Enquiry.objects.get(reference=reference_from(response))
    assert enquiry.notifications.get(kind=Notification.Kind.OFFICER).recipient == officer.email


def test_without_a_responsible_officer_the_old_routing_holds(client, settings, db):
    response = client.post(URL, enquiry_data())
    enquiry = Enquiry.objects.get(reference=reference_from(response))
    recipient = enquiry.notifications.get(kind=Notification.Kind.OFFICER).recipient
    assert recipient == settings.ENQUIRY_DEFAULT_INBOX


def test_owner_choices_are_the_officers_by_full_name(officer_client, officer, admin_user):
    enquiry = make_enquiry(1)
    html = officer_client.get(change_url(enquiry)).content.decode()
    assert f'<option value="{officer.pk}">Fang Wang</option>' in html
    assert f'<option value="{admin_user.pk}"' not in html
    response = officer_client.post(change_url(enquiry), change_data(enquiry, owner=admin_user.pk))
    assert response.status_code == 200
    enquiry.refresh_from_db()
    assert enquiry.owner is None


def test_assigning_an_enquiry_tells_the_new_owner_and_is_on_the_thread(
    officer_client, officer, colleague
):
    enquiry = make_enquiry(1)
    response = officer_client.post(change_url(enquiry), change_data(enquiry, owner=colleague.pk))
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.owner == colleague
    entry = enquiry.notes.get(kind=Note.Kind.ASSIGNMENT)
    assert entry.author == officer and "Wei Li" in entry.text
    send_due_mail()
    [message] = mail.outbox
    assert message.to == [colleague.email] and enquiry.reference in message.subject
    assert change_url(enquiry) in message.body


def test_assign_to_me_takes_only_enquiries_nobody_owns(officer_client, officer, colleague):
    free, theirs = make_enquiry(1), make_enquiry(2, owner=colleague)
    response = officer_client.post(
        reverse(CHANGELIST),
        {"action": "assign_to_me", "_selected_action": [free.pk, theirs.pk]},
        follow=True,
    )
    assert "1 enquiry assigned to you." in response.content.decode()
    assert "1 enquiry already has an owner" in response.content.decode()
    free.refresh_from_db(), theirs.refresh_from_db()
    assert (free.owner, free.status) == (officer, Enquiry.Status.IN_PROGRESS)
    assert theirs.owner == colleague
    # Nobody is mailed about an enquiry they took themselves.
    assert not Notification.objects.filter(kind=Notification.Kind.ASSIGNED).exists()


def test_taking_over_a_colleagues_enquiry_is_its_own_action_and_logged(
    officer_client, officer, colleague
):
    theirs = make_enquiry(1, owner=colleague, status=Enquiry.Status.IN_PROGRESS)
    officer_client.post(
        reverse(CHANGELIST), {"action": "take_over", "_selected_action": [theirs.pk]}
    )
    theirs.refresh_from_db()
    assert theirs.owner == officer
    entry = theirs.notes.get(kind=Note.Kind.ASSIGNMENT)
    assert entry.text == "Passed from Wei Li to Fang Wang" and entry.author == officer


# 2. Answer from the portal


def test_a_reply_is_kept_on_the_thread_mailed_and_sets_the_first_response(officer_client, officer):
    enquiry = make_enquiry(1, owner=officer, status=Enquiry.Status.IN_PROGRESS, language="zh-hans")
    response = officer_client.post(
        change_url(enquiry), change_data(enquiry, reply="王先生您好：土地价格见附表。")
    )
    assert response.status_code == 302
    enquiry.refresh_from_db()
    reply = enquiry.notes.get(kind=Note.Kind.REPLY)
    assert reply.author == officer and reply.text == "王先生您好：土地价格见附表。"
    assert enquiry.answered_at == reply.created_at
    assert enquiry.status == Enquiry.Status.ANSWERED
    queued = enquiry.notifications.get(kind=Notification.Kind.REPLY)
    assert (queued.recipient, queued.language, queued.entry) == (enquiry.email, "zh-hans", reply)
    send_due_mail()
    [message] = mail.outbox
    assert message.to == [enquiry.email] and "王先生您好：土地价格见附表。" in message.body
    assert enquiry.reference in message.subject
    first_answer = enquiry.answered_at

    officer_client.post(change_url(enquiry), change_data(enquiry, reply="补充：电价另附。"))
    enquiry.refresh_from_db()
    assert enquiry.answered_at == first_answer
    assert enquiry.notes.filter(kind=Note.Kind.REPLY).count() == 2


def test_the_thread_shows_the_message_replies_notes_and_status_in_order(officer_client, officer):
    enquiry = make_enquiry(1, message="What does land cost?")
    officer_client.post(
        change_url(enquiry),
        change_data(enquiry, status=Enquiry.Status.IN_PROGRESS, reply="CNY 150,000 per mu."),
    )
    officer_client.post(
        change_url(enquiry),
        change_data(
            Enquiry.objects.get(pk=enquiry.pk),
            **{
                "notes-TOTAL_FORMS": "1",
                "notes-0-kind": "note",
                "notes-0-text": "Sent the price list as well.",
            },
        ),
    )
    html = officer_client.get(change_url(enquiry)).content.decode()
    positions = [
        html.index(text)
        for text in (
            "What does land cost?",
            "New → In progress",
            "CNY 150,000 per mu.",
            "Sent the price list as well.",
        )
    ]
    assert positions == sorted(positions)
    assert html.count("Fang Wang") >= 3


def test_an_answer_by_other_means_sets_the_first_response(officer_client, officer):
    enquiry = make_enquiry(1)
    officer_client.post(
        change_url(enquiry),
        change_data(
            enquiry,
            **{
                "notes-TOTAL_FORMS": "1",
                "notes-0-kind": "call",
                "notes-0-text": "Called back on 2 December; explained the land prices.",
            },
        ),
    )
    enquiry.refresh_from_db()
    assert enquiry.answered_at is not None and enquiry.status == Enquiry.Status.ANSWERED
    assert not enquiry.notifications.filter(kind=Notification.Kind.REPLY).exists()


def test_the_first_response_time_is_not_typed_by_hand(officer_client):
    enquiry = make_enquiry(1)
    officer_client.post(
        change_url(enquiry),
        change_data(enquiry, answered_at_0="2026-01-01", answered_at_1="10:00"),
    )
    enquiry.refresh_from_db()
    assert enquiry.answered_at is None


def test_reply_templates_of_the_investors_language_fill_the_reply(officer_client):
    enquiry = make_enquiry(1, language="zh-hans", name="王明")
    chosen = ReplyTemplate.objects.create(
        title="土地价格", language="zh-hans", body="{name}您好：关于{reference}，土地价格如下。"
    )
    ReplyTemplate.objects.create(title="Land prices", language="en", body="Dear {name}")
    html = officer_client.get(change_url(enquiry)).content.decode()
    assert f'href="?template={chosen.pk}"' in html and "Land prices" not in html
    html = officer_client.get(change_url(enquiry), {"template": chosen.pk}).content.decode()
    assert f"王明您好：关于{enquiry.reference}，土地价格如下。" in html


def test_an_enquiry_without_email_cannot_be_replied_to_by_mail(officer_client):
    enquiry = make_enquiry(1, email="", channel=Enquiry.Channel.PHONE)
    response = officer_client.post(change_url(enquiry), change_data(enquiry, reply="Hello"))
    assert response.status_code == 200
    assert not Note.objects.exists()


# 3. Every channel


def test_an_officer_logs_a_phone_enquiry_into_the_same_queue(officer_client, officer, db):
    make_enquiry(1)
    # The web form handed out number 1 this year.
    ReferenceCounter.objects.create(year=timezone.localdate().year, last=1)
    response = officer_client.post(
        reverse("admin:enquiries_enquiry_add"),
        {
            "channel": "phone",
            "received_at_0": "2026-09-30",
            "received_at_1": "10:00:00",
            "name": "Zhang San",
            "organisation": "Zhang Bearings",
            "email": "",
            "phone": "+86 635 1234567",
            "country": "China",
            "investor_type": "company",
            "message": "Asked about the power supply of the park.",
            "language": "zh-hans",
            "owner": officer.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    logged = Enquiry.objects.get(channel=Enquiry.Channel.PHONE)
    assert logged.reference == f"GX-{timezone.localdate().year}-00002"
    assert logged.status == Enquiry.Status.NEW and logged.owner == officer
    # Five working days after 30 September, across the National Day week.
    assert logged.response_due == datetime.date(2026, 10, 13)
    assert not logged.notifications.exists()
    html = officer_client.get(reverse(CHANGELIST), {"channel__exact": "phone"}).content.decode()
    assert logged.reference in html and "GX-2026-00001" not in html


def test_a_logged_phone_enquiry_counts_in_the_figures_and_the_export(officer_client, officer):
    make_enquiry(1, channel=Enquiry.Channel.WEB)
    ReferenceCounter.objects.create(year=timezone.localdate().year, last=1)
    received = timezone.localtime() - datetime.timedelta(hours=1)
    response = officer_client.post(
        reverse("admin:enquiries_enquiry_add"),
        {
            "channel": "phone",
            "received_at_0": received.strftime("%Y-%m-%d"),
            "received_at_1": received.strftime("%H:%M:%S"),
            "name": "Zhang San",
            "organisation": "Zhang Bearings",
            "phone": "+86 635 1234567",
            "country": "中国",
            "investor_type": "company",
            "message": "Asked about the power supply of the park.",
            "language": "zh-hans",
            "owner": officer.pk,
        },
    )
    assert response.status_code == 302
    logged = Enquiry.objects.get(channel=Enquiry.Channel.PHONE)
    year = timezone.localdate().year
    assert logged.reference == f"GX-{year}-00002"
    # The figures: both are new, the phone one is the officer's, one of each channel.
    dashboard = officer_client.get(reverse("admin:enquiries_enquiry_dashboard")).content.decode()
    queue = reverse(CHANGELIST)
    assert f'href="{queue}?status__exact=new&amp;test=no"><span class="desk-number">2<' in dashboard
    mine = f"{queue}?status__exact=new&amp;test=no&amp;owner__id__exact={officer.pk}"
    assert f'href="{mine}"><span class="desk-number">1<' in dashboard
    assert f'{queue}?period=last-90-days&amp;channel__exact=phone">1</a>' in dashboard
    assert f'{queue}?period=last-90-days&amp;country__exact=China">1</a>' in dashboard
    # The export, read back.
    response = officer_client.post(queue, {"action": "export_csv", "_selected_action": [logged.pk]})
    header, row = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cells = dict(zip(header, row, strict=True))
    assert cells["reference"] == logged.reference
    assert (cells["channel"], cells["owner"], cells["phone"]) == (
        "Phone",
        "Fang Wang",
        "'+86 635 1234567",
    )
    assert cells["country or region"] == "China"


# 4. Due dates with the mainland's holidays


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        # National Day: 1-7 October off, Sunday 20 September and Saturday 10 October worked.
        (datetime.date(2026, 9, 30), 5, datetime.date(2026, 10, 13)),
        (datetime.date(2026, 9, 30), 1, datetime.date(2026, 10, 8)),
        (datetime.date(2026, 9, 18), 1, datetime.date(2026, 9, 20)),
        (datetime.date(2026, 10, 9), 1, datetime.date(2026, 10, 10)),
        # Spring Festival: 15-23 February off, Saturdays 14 and 28 February worked.
        (datetime.date(2026, 2, 13), 1, datetime.date(2026, 2, 14)),
        (datetime.date(2026, 2, 13), 2, datetime.date(2026, 2, 24)),
        (datetime.date(2026, 2, 12), 5, datetime.date(2026, 2, 26)),
        (datetime.date(2026, 2, 27), 1, datetime.date(2026, 2, 28)),
        # An ordinary week.
        (datetime.date(2026, 11, 27), 5, datetime.date(2026, 12, 4)),
    ],
)
def test_working_days_skip_holidays_and_count_make_up_days(db, start, days, due):
    assert add_working_days(start, days) == due
    assert working_days_between(start, due) == days


def test_the_2026_schedule_is_seeded(db):
    assert Holiday.objects.filter(date__year=2026, is_working_day=True).count() == 6
    assert Holiday.objects.get(date=datetime.date(2026, 10, 1)).name.startswith("国庆节")
    assert not Holiday.objects.filter(date=datetime.date(2026, 10, 8)).exists()


def test_a_holiday_added_in_the_admin_moves_the_due_date(officer_client, db):
    assert add_working_days(datetime.date(2027, 1, 29), 1) == datetime.date(2027, 2, 1)
    officer_client.post(
        reverse("admin:enquiries_holiday_add"),
        {"date": "2027-02-01", "name": "Example day off", "is_working_day": ""},
    )
    assert add_working_days(datetime.date(2027, 1, 29), 1) == datetime.date(2027, 2, 2)


def test_the_web_form_still_requires_an_email(client, db):
    response = client.post(URL, enquiry_data(email=""))
    assert response.status_code == 200 and not Enquiry.objects.exists()


# 8. The investor's view


def test_the_confirmation_link_shows_how_far_the_enquiry_has_got(client, officer):
    response = client.post(URL, enquiry_data())
    thanks = response["Location"]
    enquiry = Enquiry.objects.get(reference=reference_from(response))
    page = client.get(thanks).content.decode()
    assert 'data-progress="received"' in page and "Anna Schmidt" not in page
    enquiry.status = Enquiry.Status.IN_PROGRESS
    enquiry.save()
    assert 'data-progress="in-progress"' in client.get(thanks).content.decode()
    client.force_login(officer)
    client.post(change_url(enquiry), change_data(enquiry, reply="Here is the price list."))
    client.logout()
    page = client.get(thanks).content.decode()
    assert 'data-progress="answered"' in page and "Answered on" in page
    assert "Here is the price list." not in page and enquiry.email not in page


def test_earlier_enquiries_from_the_same_address_are_shown(officer_client):
    now = timezone.now()
    first = make_enquiry(1, email="Anna@Example.de", received_at=now - datetime.timedelta(days=40))
    make_enquiry(2, email="other@example.de", received_at=now - datetime.timedelta(days=20))
    latest = make_enquiry(3, email="anna@example.de", received_at=now)
    html = officer_client.get(change_url(latest)).content.decode()
    assert f'<a href="{change_url(first)}">GX-2026-00001</a>' in html
    assert "GX-2026-00002" not in html


# 10. Export and data


def test_the_csv_has_the_answer_the_owner_the_channel_and_the_thread(officer_client, officer):
    received = timezone.make_aware(datetime.datetime(2026, 9, 30, 9, 0))
    enquiry = make_enquiry(
        1, received_at=received, owner=officer, language="zh-hans", channel="wechat"
    )
    Note.objects.create(
        enquiry=enquiry, kind=Note.Kind.NOTE, text="Asked for the map", author=officer
    )
    Enquiry.objects.filter(pk=enquiry.pk).update(
        answered_at=timezone.make_aware(datetime.datetime(2026, 10, 9, 11, 0))
    )
    response = officer_client.post(
        reverse(CHANGELIST), {"action": "export_csv", "_selected_action": [enquiry.pk]}
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, row = rows
    cells = dict(zip(header, row, strict=True))
    assert cells["first answered"] == "2026-10-09 11:00"
    # 8 and 9 October: the National Day week does not count.
    assert cells["first response (working days)"] == "2"
    assert cells["owner"] == "Fang Wang"
    assert cells["channel"] == "WeChat"
    assert cells["preferred language"] == "Simplified Chinese"
    assert "Internal note (Fang Wang): Asked for the map" in cells["thread"]


def test_deleting_a_persons_data_anonymises_every_enquiry_of_the_address(officer_client):
    first = make_enquiry(1, email="Anna@example.de", name="Anna Schmidt", phone="+49 30 1")
    second = make_enquiry(2, email="anna@example.de", name="Anna Schmidt")
    other = make_enquiry(3, email="other@example.de")
    Note.objects.create(enquiry=second, kind=Note.Kind.NOTE, text="Anna's mobile is 0171")
    data = {"action": "erase_personal_data", "_selected_action": [first.pk]}
    response = officer_client.post(reverse(CHANGELIST), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "GX-2026-00001" in html and "GX-2026-00002" in html and "GX-2026-00003" not in html
    assert Enquiry.objects.get(pk=first.pk).name == "Anna Schmidt"
    officer_client.post(reverse(CHANGELIST), {**data, "confirmed": "yes"})
    for enquiry in (first, second):
        enquiry.refresh_from_db()
        assert (enquiry.name, enquiry.email, enquiry.phone) == ("[removed]", "", "")
        assert enquiry.anonymised_at is not None
    assert Note.objects.get(enquiry=second).text == "[removed]"
    other.refresh_from_db()
    assert other.email == "other@example.de"
    entries = LogEntry.objects.filter(object_id__in=[str(first.pk), str(second.pk)])
    assert entries.count() == 2
    for entry in entries:
        assert "Anna" not in entry.change_message and "anna" not in entry.object_repr
        assert "PIPL" in entry.change_message


def test_the_thread_keeps_line_breaks_and_escapes_what_was_typed(officer_client):
    enquiry = make_enquiry(1, message="First line\n<script>alert(1)</script>")
    html = officer_client.get(change_url(enquiry)).content.decode()
    assert "First line<br>&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'style="white-space' not in html
