"""The officer's first page: counts for the office and for oneself, each a link into the queue."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.enquiries.models import Enquiry, working_days_between
from tests.factories import make_park, make_project

DASHBOARD = "admin:enquiries_enquiry_dashboard"
QUEUE = "/admin/enquiries/enquiry/"


@pytest.fixture
def officer(staff_in_group):
    return staff_in_group("Enquiry officers", "wang")


def fill(count, officer, park, project):
    now = timezone.now()
    today = timezone.localdate()
    rows = []
    for n in range(count):
        status = [Enquiry.Status.NEW, Enquiry.Status.IN_PROGRESS, Enquiry.Status.ANSWERED][n % 3]
        rows.append(
            Enquiry(
                reference=f"GX-2026-{n + 1:05d}",
                name=f"Investor {n}",
                organisation="Company",
                email=f"i{n}@example.com",
                country=["Germany", "Japan"][n % 2],
                investor_type=Enquiry.InvestorType.COMPANY,
                message="Question",
                fingerprint=str(n),
                status=status,
                owner=officer if n % 2 else None,
                park=park if n % 4 == 0 else None,
                channel=[Enquiry.Channel.WEB, Enquiry.Channel.PHONE][n % 2],
                received_at=now - datetime.timedelta(days=3),
                answered_at=now if status == Enquiry.Status.ANSWERED else None,
                response_due=today - datetime.timedelta(days=1) if n % 5 == 0 else today,
            )
        )
    Enquiry.objects.bulk_create(rows)
    for enquiry in Enquiry.objects.all()[:3]:
        enquiry.projects.add(project)


def queries_for(client):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(DASHBOARD))
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize("count", [5, 500])
def test_the_dashboard_makes_the_same_queries_however_many_enquiries(client, officer, count):
    park = make_park(name_en="Qingshui Park")
    project = make_project(name_en="Ring forging line", park=park)
    client.force_login(officer)
    fill(count, officer, park, project)
    queries_after, html = queries_for(client)
    # The same number for 5 enquiries and for 500.
    assert queries_after == 13
    assert "Qingshui Park" in html and "Ring forging line" in html


def test_the_dashboard_counts_and_links(client, officer):
    park = make_park()
    project = make_project(park=park)
    fill(5, officer, park, project)
    # Spam counts for nothing.
    Enquiry.objects.create(
        reference="GX-2026-00099",
        name="x",
        organisation="x",
        email="x@example.com",
        country="Spam",
        investor_type="other",
        message="x",
        fingerprint="x",
        status=Enquiry.Status.SPAM,
    )
    client.force_login(officer)
    html = client.get(reverse(DASHBOARD)).content.decode()
    # 5 enquiries: n=0 new (unowned, overdue), 1 in progress (mine), 2 answered, 3 new (mine),
    # 4 in progress (unowned).
    assert f'<a href="{QUEUE}?status__exact=new">2</a>' in html
    assert f'<a href="{QUEUE}?status__exact=new&amp;owner__id__exact={officer.pk}">1</a>' in html
    assert f'<a href="{QUEUE}?overdue=yes">1</a>' in html
    assert f'<a href="{QUEUE}?overdue=today">3</a>' in html
    assert f'<a href="{QUEUE}?period=answered-this-month">1</a>' in html
    # The one answered enquiry took as many working days as lie between its receipt and today.
    received = timezone.localdate(timezone.now() - datetime.timedelta(days=3))
    days = working_days_between(received, timezone.localdate())
    assert f'<a href="{QUEUE}?period=last-90-days">{days}</a>' in html
    assert "country__exact=Spam" not in html
    assert f'{QUEUE}?period=last-90-days&amp;channel__exact=phone">2</a>' in html
    assert client.get(QUEUE, {"overdue": "today"}).status_code == 200
    assert client.get(QUEUE, {"period": "last-90-days"}).status_code == 200


def test_the_admin_index_leads_officers_to_the_desk(client, officer, staff_in_group):
    client.force_login(officer)
    assert reverse(DASHBOARD) in client.get("/admin/").content.decode()
    client.force_login(staff_in_group("Content editors", "editor"))
    assert reverse(DASHBOARD) not in client.get("/admin/").content.decode()
    assert client.get(reverse(DASHBOARD)).status_code == 403
