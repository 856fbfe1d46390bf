"""Site visit requests: proposed dates and the places to see, preselected from the page they
were asked from; stored, numbered, routed and mailed like every enquiry; the officer sees the
itinerary in the admin and in the mail."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.utils import timezone
from pytest_django.asserts import assertContains

from portal.enquiries.models import Enquiry
from tests.chain.helpers import make_enterprise, make_stage
from tests.factories import make_park, make_project

from .conftest import enquiry_data, reference_from, send_due_mail

URL = "/en/enquire/visit/"
pytestmark = pytest.mark.django_db


def soon(days):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


@pytest.fixture
def places():
    park = make_park(
        slug="qingshui",
        name_en="Qingshui Park",
        name_zh_hans="清水园区",
        contact_name="Li Wei",
        contact_email="park@guanxian.example.cn",
    )
    other = make_park(slug="east", name_en="East Park", name_zh_hans="东区")
    project = make_project(slug="ring-line", name_en="Ring line", park=park)
    stage = make_stage()
    enterprise = make_enterprise(slug="alpha", name_en="Alpha Forge", stages=[stage])
    make_enterprise(slug="draft", name_en="Draft Works", stages=[stage], is_published=False)
    return {"park": park, "other": other, "project": project, "enterprise": enterprise}


def visit_data(**overrides):
    data = enquiry_data(message="", visit_from=soon(20), visit_to=soon(22))
    data.update(overrides)
    return data


def test_the_form_preselects_what_the_visit_was_asked_from(client, places):
    response = client.get(URL + "?park=qingshui&park=east&project=ring-line&enterprise=alpha")
    assert response.status_code == 200
    form = response.context["form"]
    assert sorted(form.initial["visit_parks"]) == ["east", "qingshui"]
    assert form.initial["projects"] == ["ring-line"]
    assert form.initial["visit_enterprises"] == ["alpha"]
    assertContains(response, "<h1>Request a site visit</h1>", html=True)
    assert "Draft Works" not in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize("query", ["?park=%00", "?enterprise=" + "x" * 500, "?project=../x"])
def test_malformed_preselection_is_ignored(client, places, query):
    response = client.get(URL + query)
    assert response.status_code == 200
    assert "visit_parks" not in response.context["form"].initial


def test_a_request_reaches_the_queue_with_its_itinerary(client, places):
    client.post("/en/enquire/", enquiry_data())  # an ordinary enquiry takes the first number
    response = client.post(
        URL,
        visit_data(
            visit_parks=["qingshui", "east"],
            projects=["ring-line"],
            visit_enterprises=["alpha"],
            message="Two engineers, by train from Beijing.",
        ),
    )
    assert response.status_code == 302
    visit = Enquiry.objects.get(kind=Enquiry.Kind.VISIT)
    assert visit.reference == reference_from(response)
    assert visit.reference.endswith("-00002")
    assert (visit.visit_from.isoformat(), visit.visit_to.isoformat()) == (soon(20), soon(22))
    assert set(visit.visit_parks.all()) == {places["park"], places["other"]}
    assert list(visit.projects.all()) == [places["project"]]
    assert list(visit.visit_enterprises.all()) == [places["enterprise"]]
    assert visit.status == Enquiry.Status.NEW and visit.response_due is not None

    send_due_mail()
    officer = next(
        m for m in mail.outbox if m.subject.endswith(visit.reference) and "新" in m.subject
    )
    assert officer.subject == f"新实地考察申请 {visit.reference}"
    assert officer.to == ["park@guanxian.example.cn"]
    assert f"申请实地考察，时间：{soon(20)}至{soon(22)}" in officer.body
    assert "要考察的企业：" in officer.body and "Alpha Forge" not in officer.body


def test_a_request_with_no_message_is_accepted(client, places):
    assert client.post(URL, visit_data(visit_parks=["qingshui"])).status_code == 302
    assert Enquiry.objects.get().message == ""


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"visit_from": soon(0)}, "visit_from", "Please propose a day after today."),
        ({"visit_from": soon(-5), "visit_to": soon(-4)}, "visit_from", "Please propose a day"),
        ({"visit_from": soon(400), "visit_to": soon(401)}, "visit_from", "twelve months"),
        ({"visit_to": soon(10)}, "visit_to", "The last day comes before the first."),
        ({"visit_to": soon(40)}, "visit_to", "up to two weeks"),
        ({"visit_from": "next week"}, "visit_from", "Enter a valid date."),
        ({"visit_from": "9" * 10000}, "visit_from", "Enter a valid date."),
        ({"visit_enterprises": ["nothing"]}, "visit_enterprises", "Select a valid choice."),
        ({"visit_parks": ["\x00"]}, "visit_parks", "Select a valid choice."),
    ],
)
def test_bad_requests_get_the_form_again_with_a_message(client, places, overrides, field, message):
    data = visit_data(visit_parks=["qingshui"])
    data.update(overrides)
    response = client.post(URL, data)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get(field, []))
    assert message in errors
    assert not Enquiry.objects.exists()


def test_nothing_to_see_is_refused_in_the_visitors_language(client, places):
    response = client.post("/zh-hans/enquire/visit/", visit_data())
    assert response.status_code == 200
    assertContains(response, "请至少选择一个园区、项目或企业。")
    assert not Enquiry.objects.exists()


def test_the_officer_sees_the_itinerary_and_filters_the_queue_by_kind(client, places):
    client.post(URL, visit_data(visit_parks=["qingshui"], visit_enterprises=["alpha"]))
    visit = Enquiry.objects.get()
    admin = User.objects.create_superuser("admin", "a@example.cn", "pw")
    client.force_login(admin)
    page = client.get(f"/admin/enquiries/enquiry/{visit.pk}/change/")
    assert page.status_code == 200
    assertContains(page, '<a href="/en/enterprises/alpha/">Alpha Forge</a>', html=True)
    assertContains(page, soon(20))
    listing = client.get("/admin/enquiries/enquiry/?kind__exact=visit")
    assert list(listing.context["cl"].result_list) == [visit]


def test_the_form_in_chinese(client, places):
    response = client.get("/zh-hans/enquire/visit/?park=qingshui")
    assertContains(response, "<h1>申请实地考察</h1>", html=True)
    assertContains(response, "清水园区")


def test_the_park_project_enterprise_and_shortlist_pages_link_the_form(client, places):
    park_page = client.get("/en/projects/parks/qingshui/")
    assertContains(park_page, 'href="/en/enquire/visit/?park=qingshui"')
    project_page = client.get("/en/projects/ring-line/")
    assertContains(project_page, 'href="/en/enquire/visit/?project=ring-line&amp;park=qingshui"')
    enterprise_page = client.get("/en/enterprises/alpha/")
    assertContains(enterprise_page, 'href="/en/enquire/visit/?enterprise=alpha"')
    client.post("/en/projects/shortlist/ring-line/", {"saved": "1"})
    shortlist = client.get("/en/projects/shortlist/")
    assertContains(shortlist, 'href="/en/enquire/visit/?project=ring-line"')
