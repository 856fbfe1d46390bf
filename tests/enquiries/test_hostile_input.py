"""Whatever arrives, the enquiry view answers with a page or a 4xx, never a 500."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.enquiries.models import Enquiry

from .conftest import enquiry_data

FIELDS = [
    "name",
    "organisation",
    "email",
    "phone",
    "country",
    "investor_type",
    "projects",
    "park",
    "investment_band",
    "message",
    "language",
    "consent",
    "website",
    "token",
    "csrfmiddlewaretoken",
    "utm_source",
    "\x00",
    "",
]
text = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300)
values = st.one_of(
    text,
    st.just(""),
    st.just("\x00"),
    st.just("x" * 6000),
    st.sampled_from(["en", "zh-hans", "company", "on", "GX-2026-00001", "\r\nBcc: a@b.c"]),
)
forms = st.dictionaries(
    st.sampled_from(FIELDS), st.one_of(values, st.lists(values, max_size=12)), max_size=20
)

pytestmark = pytest.mark.django_db


def _ok(status):
    return status in (200, 302, 400, 403, 404, 405, 413, 429)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(overrides=forms)
def test_arbitrary_form_values_never_crash(overrides):
    client = Client(raise_request_exception=True)
    data = {**enquiry_data(), **overrides}
    for url in ("/en/enquire/", "/zh-hans/enquire/"):
        assert _ok(client.post(url, data).status_code)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.binary(max_size=3000),
    content_type=st.sampled_from(
        ["application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "text/plain"]
    ),
)
def test_binary_bodies_never_crash(body, content_type):
    client = Client(raise_request_exception=False)
    response = client.post("/en/enquire/", body, content_type=content_type)
    assert _ok(response.status_code)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    query=st.dictionaries(
        st.sampled_from(["project", "park", "utm_source", "x"]), st.lists(text, max_size=8)
    )
)
def test_arbitrary_query_strings_never_crash(query):
    client = Client(raise_request_exception=True)
    assert client.get("/en/enquire/", query).status_code == 200


def test_huge_duplicated_and_empty_values(client):
    data = enquiry_data()
    data["projects"] = ["same"] * 500
    data["name"] = ["A", "B", "C"]
    assert client.post("/en/enquire/", data).status_code == 200
    assert client.post("/en/enquire/", {}).status_code == 200
    assert client.post("/en/enquire/", {"message": "字" * 60_000}).status_code == 413
    assert Enquiry.objects.filter(status=Enquiry.Status.NEW).count() == 0
