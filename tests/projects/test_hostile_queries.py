"""Whatever a visitor puts in the project list's query string, the answer is a page or a 404."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from projects.models import Project
from tests.factories import make_project

PARAMETERS = st.sampled_from(
    ["q", "sector", "park", "stage", "kind", "band", "sort", "page", "band[]", "x"]
)
VALUES = st.one_of(
    st.text(max_size=300),  # NUL characters included: PostgreSQL refuses them in queries
    st.sampled_from(["signed", "over-1b", "name", "1", "2", "last", "-1", "0", "%", "'"]),
)


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=st.lists(st.tuples(PARAMETERS, VALUES), max_size=6))
def test_any_query_string_is_answered_without_a_server_error(query):
    if not Project.objects.exists():
        make_project(name_en="Ring works")
    response = Client().get("/en/projects/?" + urlencode(query))
    assert response.status_code in (200, 302, 404)
    if response.status_code == 302:
        # A page number that names no page goes to the nearest one, on the list itself.
        assert response["Location"].startswith("/en/projects/")
    if response.status_code == 200:
        assert response.content.decode().count("<h1") == 1
