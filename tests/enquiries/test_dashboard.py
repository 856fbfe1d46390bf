"""The officer's first page: counts for the office and for oneself, each a link into the queue."""

import datetime
import re
from html import unescape

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
    assert queries_after == 14
    assert "Qingshui Park" in html and "Ring forging line" in html


def make_one(reference, **fields):
    values = {
        "name": "x",
        "organisation": "x",
        "email": "x@example.com",
        "country": "Spam",
        "investor_type": "other",
        "message": "x",
        "fingerprint": reference,
    }
    return Enquiry.objects.create(reference=reference, **{**values, **fields})


def test_the_dashboard_counts_and_links(client, officer):
    park = make_park()
    project = make_project(park=park)
    fill(5, officer, park, project)
    today = timezone.localdate()
    # Spam and test enquiries count for nothing, whatever their state.
    make_one("GX-2026-00099", status=Enquiry.Status.SPAM, response_due=today)
    make_one(
        "GX-2026-00098",
        is_test=True,
        owner=officer,
        country="Testland",
        response_due=today - datetime.timedelta(days=1),
    )
    make_one(
        "GX-2026-00097", is_test=True, status=Enquiry.Status.ANSWERED, answered_at=timezone.now()
    )
    client.force_login(officer)
    html = client.get(reverse(DASHBOARD)).content.decode()
    # 5 enquiries: n=0 new (unowned, overdue), 1 in progress (mine), 2 answered, 3 new (mine),
    # 4 in progress (unowned).
    new = f'href="{QUEUE}?status__exact=new&amp;test=no"><span class="desk-number">2</span>'
    assert new in html
    mine = f"{QUEUE}?status__exact=new&amp;test=no&amp;owner__id__exact={officer.pk}"
    assert f'href="{mine}"><span class="desk-number">1</span>' in html
    assert f'href="{QUEUE}?overdue=yes&amp;test=no"><span class="desk-number">1</span>' in html
    assert f'href="{QUEUE}?overdue=today&amp;test=no"><span class="desk-number">3</span>' in html
    answered = f'href="{QUEUE}?period=answered-this-month"><span class="desk-number">1</span>'
    assert answered in html
    # The one answered enquiry took as many working days as lie between its receipt and today.
    received = timezone.localdate(timezone.now() - datetime.timedelta(days=3))
    days = working_days_between(received, timezone.localdate())
    assert f'href="{QUEUE}?period=last-90-days"><span class="desk-number">{days}</span>' in html
    assert "country__exact=Spam" not in html and "Testland" not in html
    assert f'{QUEUE}?period=last-90-days&amp;channel__exact=phone">2</a>' in html
    assert f'{QUEUE}?period=last-90-days&amp;channel__exact=web">3</a>' in html


LINK = re.compile(
    r'href="(/admin/enquiries/enquiry/\?[^"]+)">(?:<span class="desk-number">)?([0-9]+)<'
)


def test_every_count_opens_the_queue_listing_exactly_what_it_counts(client, officer):
    park = make_park()
    project = make_project(park=park)
    fill(12, officer, park, project)
    make_one("GX-2026-00099", status=Enquiry.Status.SPAM, response_due=timezone.localdate())
    make_one("GX-2026-00098", is_test=True, owner=officer, park=park, channel="phone")
    make_one(
        "GX-2026-00097",
        is_test=True,
        owner=officer,
        response_due=timezone.localdate() - datetime.timedelta(days=1),
        answered_at=timezone.now(),
    )
    client.force_login(officer)
    html = client.get(reverse(DASHBOARD)).content.decode()
    links = LINK.findall(html)
    # 5 counts for the office and for the officer, the 2 medians (their values are no counts),
    # and the breakdowns by project, park, country (2) and channel (2).
    assert len(links) == 2 * 5 + 2 + 1 + 1 + 2 + 2
    checked = 0
    for href, figure in links:
        if re.fullmatch(r".*\?period=last-90-days(&amp;owner__id__exact=\d+)?", href):
            continue  # a median, not a count
        response = client.get(unescape(href))
        assert response.status_code == 200, href
        assert response.context["cl"].result_count == int(figure), href
        checked += 1
    assert checked == len(links) - 2


def test_the_admin_index_leads_officers_to_the_desk(client, officer, staff_in_group):
    client.force_login(officer)
    assert reverse(DASHBOARD) in client.get("/admin/").content.decode()
    client.force_login(staff_in_group("Content editors", "editor"))
    assert reverse(DASHBOARD) not in client.get("/admin/").content.decode()
    assert client.get(reverse(DASHBOARD)).status_code == 403


def test_countries_are_named_in_the_officers_language(client, officer):
    make_one("GX-2026-00001", country="Germany", country_code="DE")
    make_one("GX-2026-00002", country="Atlantis")
    client.force_login(officer)
    html = client.get(reverse(DASHBOARD), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert '<th scope="row">德国</th>' in html and '<th scope="row">Atlantis</th>' in html
    # The link filters by what is stored.
    assert f"{QUEUE}?period=last-90-days&amp;country__exact=Germany" in html
