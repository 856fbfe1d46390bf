"""The officers' queue: permissions, filters, search, actions, notes and the CSV export."""

import csv
import datetime
import io

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, User
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portal.enquiries.models import Enquiry, Note, Notification, PrivacyNotice
from tests.factories import make_park, make_project

from .conftest import send_due_mail

CHANGELIST = "admin:enquiries_enquiry_changelist"


def make_enquiry(n=1, **fields):
    values = {
        "reference": f"GX-2026-{n:05d}",
        "name": f"Investor {n}",
        "organisation": f"Company {n}",
        "email": f"investor{n}@example.com",
        "country": "Germany",
        "investor_type": Enquiry.InvestorType.COMPANY,
        "message": f"Question {n}",
        "fingerprint": f"{n}",
        "response_due": timezone.localdate() + datetime.timedelta(days=3),
    }
    values.update(fields)
    return Enquiry.objects.create(**values)


@pytest.fixture
def officer(staff_in_group):
    return staff_in_group("Enquiry officers", "officer")


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def test_groups_exist_with_the_right_permissions(db):
    editors = Group.objects.get(name="Content editors")
    labels = set(editors.permissions.values_list("content_type__app_label", flat=True))
    # Every content app, and the review queue where editors follow what they submitted.
    assert labels == {*django_settings.CONTENT_APPS, "review"}
    assert editors.permissions.filter(codename="delete_project").exists()
    assert editors.permissions.filter(codename="add_article").exists()
    assert editors.permissions.filter(codename="change_homepage").exists()
    assert editors.permissions.filter(codename="change_accessibilitystatement").exists()
    officers = Group.objects.get(name="Enquiry officers")
    assert set(officers.permissions.values_list("content_type__app_label", flat=True)) == {
        "enquiries"
    }
    assert officers.permissions.filter(codename="change_enquiry").exists()
    assert not officers.permissions.filter(codename="delete_enquiry").exists()
    administrators = Group.objects.get(name="Administrators")
    assert administrators.permissions.filter(codename="change_user").exists()
    assert administrators.permissions.filter(codename="delete_enquiry").exists()


def test_groups_are_made_whole_again_after_migrate(db):
    from portal.groups import ensure_groups

    editors = Group.objects.get(name="Content editors")
    editors.permissions.clear()
    Group.objects.filter(name="Enquiry officers").delete()
    ensure_groups()
    assert editors.permissions.filter(codename="change_project").exists()
    assert editors.permissions.filter(codename="change_homepage").exists()
    officers = Group.objects.get(name="Enquiry officers")
    assert officers.permissions.filter(codename="change_enquiry").exists()


def test_the_migration_gives_content_editors_the_site_pages(db):
    from importlib import import_module

    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    migration = "0004_content_editors_edit_site_pages"
    editors = Group.objects.get(name="Content editors")
    editors.permissions.remove(*editors.permissions.filter(content_type__app_label="portal"))
    state = MigrationLoader(connection).project_state(("enquiries", migration))
    import_module(f"portal.enquiries.migrations.{migration}").grant_shell_permissions(
        state.apps, None
    )
    # The site pages' permissions, among those of the shell's later models (site settings).
    assert set(
        editors.permissions.filter(content_type__app_label="portal").values_list(
            "codename", flat=True
        )
    ) >= {
        f"{action}_{model}"
        for action in ("add", "change", "delete", "view")
        for model in ("homepage", "accessibilitystatement")
    }


def test_content_editor_changes_the_home_page_and_the_accessibility_statement(
    client, staff_in_group
):
    from portal.models import AccessibilityStatement, HomePage

    HomePage.objects.create(brand_line_en="Forged in Qingshui", lead_en="Lead")
    AccessibilityStatement.objects.create(intro_en="Intro", report_barrier_en="Write to us.")
    client.force_login(staff_in_group("Content editors", "editor"))
    home = reverse("admin:portal_homepage_change", args=[HomePage.singleton_pk])
    response = client.post(
        home,
        {
            "brand_line_en": "Guanxian Bearing, Forged in Qingshui",
            "brand_line_zh_hans": "冠县轴承，锻造于清水",
            "lead_en": "The bearing forging cluster of Shandong.",
            "lead_zh_hans": "山东的轴承锻造产业集群。",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert HomePage.objects.get().brand_line_zh_hans == "冠县轴承，锻造于清水"
    statement = reverse(
        "admin:portal_accessibilitystatement_change", args=[AccessibilityStatement.singleton_pk]
    )
    response = client.post(
        statement,
        {
            "intro_en": "We want everyone to be able to use this site.",
            "report_barrier_en": "Write to the investment office.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert AccessibilityStatement.objects.get().intro_en == (
        "We want everyone to be able to use this site."
    )


def test_content_editor_gets_403_on_every_enquiry_admin_url(client, staff_in_group):
    client.force_login(staff_in_group("Content editors", "editor"))
    enquiry = make_enquiry()
    Note.objects.create(enquiry=enquiry, text="Called back")
    # Notes and notifications live inside the enquiry's page; these are the admin's URLs.
    objects = {"enquiry": enquiry, "privacynotice": PrivacyNotice.objects.first()}
    urls = []
    for model, obj in objects.items():
        urls.append(reverse(f"admin:enquiries_{model}_changelist"))
        urls.append(reverse(f"admin:enquiries_{model}_add"))
        for view in ("change", "delete", "history"):
            urls.append(reverse(f"admin:enquiries_{model}_{view}", args=[obj.pk]))
    for url in urls:
        assert client.get(url).status_code == 403, url
    assert (
        client.post(
            reverse(CHANGELIST), {"action": "export_csv", "_selected_action": [enquiry.pk]}
        ).status_code
        == 403
    )
    # The app's index does not even admit the app exists, and the admin home does not list it.
    app_index = reverse("admin:app_list", args=["enquiries"])
    assert client.get(app_index).status_code == 404
    home = client.get(reverse("admin:index"))
    assert home.status_code == 200 and app_index not in home.content.decode()


def test_officer_sees_the_queue_and_can_search(officer_client):
    make_enquiry(1, organisation="Schmidt Wälzlager GmbH")
    make_enquiry(2, organisation="洛阳轴承研究所有限公司")
    response = officer_client.get(reverse(CHANGELIST), {"q": "洛阳轴承"})
    assert response.status_code == 200
    assert "GX-2026-00002" in response.content.decode()
    assert "GX-2026-00001" not in response.content.decode()
    found = officer_client.get(reverse(CHANGELIST), {"q": "GX-2026-00001"}).content.decode()
    assert "Schmidt" in found


def test_overdue_filter(officer_client):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    make_enquiry(1, response_due=yesterday)
    make_enquiry(2, response_due=yesterday, status=Enquiry.Status.ANSWERED)
    make_enquiry(3)
    html = officer_client.get(reverse(CHANGELIST), {"overdue": "yes"}).content.decode()
    assert "GX-2026-00001" in html
    assert "GX-2026-00002" not in html and "GX-2026-00003" not in html


def test_filters_by_project_park_country_and_owner(officer_client, officer):
    project = make_project()
    park = make_park()
    make_enquiry(1).projects.add(project)
    make_enquiry(2, park=park, country="Japan", owner=officer)
    url = reverse(CHANGELIST)
    assert (
        "GX-2026-00002"
        not in officer_client.get(url, {"projects__id__exact": project.pk}).content.decode()
    )
    html = officer_client.get(url, {"park__id__exact": park.pk}).content.decode()
    assert "GX-2026-00002" in html and "GX-2026-00001" not in html
    html = officer_client.get(url, {"country": "Japan"}).content.decode()
    assert "GX-2026-00002" in html and "GX-2026-00001" not in html
    html = officer_client.get(url, {"owner__id__exact": officer.pk}).content.decode()
    assert "GX-2026-00002" in html and "GX-2026-00001" not in html


def _act(client, action, *enquiries):
    return client.post(
        reverse(CHANGELIST), {"action": action, "_selected_action": [e.pk for e in enquiries]}
    )


def test_assign_to_me_answered_and_spam_actions(officer_client, officer):
    first, second = make_enquiry(1), make_enquiry(2)
    _act(officer_client, "assign_to_me", first)
    first.refresh_from_db()
    assert (first.owner, first.status) == (officer, Enquiry.Status.IN_PROGRESS)
    _act(officer_client, "mark_answered", first)
    first.refresh_from_db()
    assert first.status == Enquiry.Status.ANSWERED and first.answered_at is not None
    _act(officer_client, "mark_spam", second)
    second.refresh_from_db()
    assert second.status == Enquiry.Status.SPAM


def test_resend_action_queues_what_failed_and_the_worker_sends_it(officer_client, settings):
    enquiry = make_enquiry(1)
    exhausted = Notification.objects.create(
        enquiry=enquiry,
        kind="officer",
        recipient="officer@guanxian.example.cn",
        language="en",
        state="failed",
        attempts=settings.ENQUIRY_MAX_SEND_ATTEMPTS,
        last_error="timeout",
    )
    Notification.objects.create(
        enquiry=enquiry,
        kind="acknowledgement",
        recipient="investor1@example.com",
        language="en",
        state="sent",
        attempts=1,
    )
    response = _act(officer_client, "resend_notifications", enquiry)
    # The officer's request sends nothing itself: a hung mail server cannot hold it up.
    assert mail.outbox == []
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["1 message queued; it is sent within a few minutes."]
    exhausted.refresh_from_db()
    assert (exhausted.state, exhausted.attempts) == ("pending", 0)
    send_due_mail()
    assert [m.to for m in mail.outbox] == [["officer@guanxian.example.cn"]]
    assert mail.outbox[0].subject == "New enquiry GX-2026-00001"
    assert set(enquiry.notifications.values_list("state", flat=True)) == {"sent"}


def test_resend_makes_a_failed_message_due_at_once(officer_client, time_machine):
    enquiry = make_enquiry(1)
    Notification.objects.create(
        enquiry=enquiry,
        kind="officer",
        recipient="officer@guanxian.example.cn",
        language="en",
        state="failed",
        attempts=2,
        next_attempt_at=timezone.now() + datetime.timedelta(hours=1),
    )
    send_due_mail()
    assert mail.outbox == []
    _act(officer_client, "resend_notifications", enquiry)
    send_due_mail()
    assert len(mail.outbox) == 1


def test_resend_plans_mail_for_a_recovered_false_positive(officer_client, settings):
    settings.ENQUIRY_DEFAULT_INBOX = "inbox@guanxian.example.cn"
    enquiry = make_enquiry(1, status=Enquiry.Status.NEW, spam_reason="filled too fast")
    _act(officer_client, "resend_notifications", enquiry)
    send_due_mail()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "inbox@guanxian.example.cn",
        "investor1@example.com",
    ]


def test_csv_export_opens_in_excel_with_chinese(officer_client):
    make_enquiry(1, name="张伟", organisation="冠县轴承锻造有限公司", message="=HYPERLINK(1)")
    response = _act(officer_client, "export_csv", Enquiry.objects.get())
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    text = body.decode("utf-8-sig")
    assert "张伟" in text and "冠县轴承锻造有限公司" in text
    assert "'=HYPERLINK(1)" in text


def test_csv_export_guards_every_cell_that_could_start_a_formula(officer_client, staff_in_group):
    owner = staff_in_group("Enquiry officers", "@boss")
    park = make_park(name_en="-Park", slug="minus-park")
    project = make_project(name_en="=Project", slug="eq-project")
    enquiry = make_enquiry(
        1,
        name='=HYPERLINK("http://evil.example","Win")',
        organisation="+cmd|' /C calc'!A0",
        email="@sum@example.com",
        phone="+86 138 0000 1234",
        country="\tTab country",
        message="\r-2+3",
        owner=owner,
        park=park,
    )
    enquiry.projects.add(project)
    second = make_enquiry(2, name="  =1+1", organisation="Plain Ltd", phone="-1234-5678")
    response = _act(officer_client, "export_csv", enquiry, second)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, *data = rows
    by_reference = {row[0]: dict(zip(header, row, strict=True)) for row in data}
    first = by_reference["GX-2026-00001"]
    assert first["name"] == '\'=HYPERLINK("http://evil.example","Win")'
    assert first["organisation"] == "'+cmd|' /C calc'!A0"
    assert first["email"] == "'@sum@example.com"
    assert first["phone"] == "'+86 138 0000 1234"
    assert first["country or region"] == "'\tTab country"
    assert first["message"] == "'\r-2+3"
    assert first["owner"] == "'@boss"
    assert first["projects"] == "'=Project"
    assert first["industrial park"] == "'-Park"
    other = by_reference["GX-2026-00002"]
    assert other["name"] == "'  =1+1"
    assert other["phone"] == "'-1234-5678"
    assert other["organisation"] == "Plain Ltd"
    # No cell of either row begins with a character a spreadsheet reads as a formula.
    for row in data:
        for cell in row:
            assert not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))


def test_notes_are_stamped_with_author_and_time(officer_client, officer):
    enquiry = make_enquiry(1)
    url = reverse("admin:enquiries_enquiry_change", args=[enquiry.pk])
    assert officer_client.get(url).status_code == 200
    data = {
        "status": "in-progress",
        "owner": officer.pk,
        "response_due": enquiry.response_due.isoformat(),
        "answered_at_0": "",
        "answered_at_1": "",
        "notes-TOTAL_FORMS": "1",
        "notes-INITIAL_FORMS": "0",
        "notes-MIN_NUM_FORMS": "0",
        "notes-MAX_NUM_FORMS": "1000",
        "notes-0-kind": "note",
        "notes-0-text": "Called the investor; sending the land price list.",
        "notifications-TOTAL_FORMS": "0",
        "notifications-INITIAL_FORMS": "0",
        "notifications-MIN_NUM_FORMS": "0",
        "notifications-MAX_NUM_FORMS": "1000",
    }
    response = officer_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    note = Note.objects.get(kind=Note.Kind.NOTE)
    assert note.author == officer and note.created_at is not None
    # The status and the owner changed too, each on the thread.
    assert set(Note.objects.values_list("kind", flat=True)) == {"note", "status", "assignment"}
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.IN_PROGRESS


def test_superuser_sees_everything(admin_client):
    make_enquiry(1)
    assert admin_client.get(reverse(CHANGELIST)).status_code == 200
    assert admin_client.get(reverse("admin:enquiries_privacynotice_changelist")).status_code == 200
    assert User.objects.filter(is_superuser=True).exists()


def test_a_notice_someone_agreed_to_can_no_longer_be_edited(officer_client):
    notice = PrivacyNotice.objects.current()
    url = reverse("admin:enquiries_privacynotice_change", args=[notice.pk])
    assert officer_client.get(reverse("admin:enquiries_privacynotice_add")).status_code == 200
    assert 'name="body_zh_hans"' in officer_client.get(url).content.decode()
    make_enquiry(1, privacy_notice=notice, privacy_version=notice.version)
    html = officer_client.get(url).content.decode()
    assert 'name="body_zh_hans"' not in html and notice.version in html


def test_officers_may_log_enquiries_but_editors_may_not(officer_client, client, staff_in_group):
    assert officer_client.get(reverse("admin:enquiries_enquiry_add")).status_code == 200
    client.force_login(staff_in_group("Content editors", "editor"))
    assert client.get(reverse("admin:enquiries_enquiry_add")).status_code == 403
