"""Whatever a visitor types into the tools' addresses, the answer is a page or a 4xx, never a 500."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=120)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.lists(text, max_size=5), param=st.sampled_from(["p", "park"]))
def test_compare_never_fails(client, registry, values, param):
    path = "/en/projects/compare/" if param == "p" else "/en/projects/compare/parks/"
    response = client.get(f"{path}?{urlencode([(param, v) for v in values])}")
    if response.status_code == 302:
        # Two parks only: the park picker sends the reader to both side by side.
        assert param == "park"
        assert response["Location"].startswith(f"{path}?park=")
    else:
        assert response.status_code in (200, 400)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    filters=st.dictionaries(
        st.sampled_from(["q", "sector", "park", "stage", "kind", "band"]), text, max_size=6
    )
)
def test_open_data_never_fails(client, registry, filters):
    response = client.get(f"/en/projects/open-data/projects.json?{urlencode(filters)}")
    assert response.status_code in (200, 400)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(next_url=text, saved=text)
def test_shortlist_toggle_never_leaves_the_site(client, registry, next_url, saved):
    response = client.post(
        "/en/projects/shortlist/ring-forging/", {"next": next_url, "saved": saved}
    )
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\"))
