"""A shortlist in the session: plain forms without JavaScript, JSON for the enhanced button."""

import pytest
from django.template.loader import render_to_string
from django.test import Client, RequestFactory

from projects.tools.shortlist import SESSION_KEY
from tests.factories import make_project

pytestmark = pytest.mark.django_db


def save(client, slug, saved="1", next_url="/en/projects/", **headers):
    return client.post(
        f"/en/projects/shortlist/{slug}/", {"saved": saved, "next": next_url}, **headers
    )


def test_save_and_remove_without_javascript(client, registry):
    response = save(client, "ring-forging", next_url="/en/projects/?sector=forging")
    assert response.status_code == 302
    assert response["Location"] == "/en/projects/?sector=forging"
    assert client.session[SESSION_KEY] == [registry["rings"].pk]

    page = client.get("/en/projects/shortlist/")
    html = page.content.decode()
    assert '<a href="/en/projects/ring-forging/">Ring Forging Line</a>' in html
    assert "Ring Forging Line is on your shortlist." in html

    response = save(client, "ring-forging", saved="0", next_url="/en/projects/shortlist/")
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == []
    html = client.get("/en/projects/shortlist/").content.decode()
    assert "Ring Forging Line was removed from your shortlist." in html
    assert "Your shortlist is empty." in html


def test_saving_twice_keeps_one_entry(client, registry):
    save(client, "ring-forging")
    save(client, "ring-forging")
    assert client.session[SESSION_KEY] == [registry["rings"].pk]


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/path",
        "/\\evil.example/",
        "relative/path",
        "javascript:alert(1)",
        "",
        "http://testserver@evil.example/",
    ],
)
def test_unsafe_next_is_refused(client, registry, next_url):
    response = save(client, "ring-forging", next_url=next_url)
    assert response.status_code == 302
    assert response["Location"] == "/en/projects/shortlist/"


def test_json_for_the_enhanced_button(client, registry):
    response = save(client, "ball-plant", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response.json() == {
        "saved": True,
        "count": 1,
        "message": "Precision Ball Plant is on your shortlist.",
    }
    response = save(client, "ball-plant", saved="0", HTTP_ACCEPT="application/json")
    assert response.json()["saved"] is False
    assert response.json()["count"] == 0


def test_drafts_cannot_be_saved(client, registry):
    assert save(client, "secret-draft").status_code == 404
    assert save(client, "scheduled-later").status_code == 404
    assert client.get("/en/projects/shortlist/secret-draft/").status_code == 404
    assert client.put("/en/projects/shortlist/ring-forging/").status_code == 405
    assert SESSION_KEY not in client.session


def test_the_form_needs_its_csrf_token(registry):
    client = Client(enforce_csrf_checks=True)
    assert save(client, "ring-forging").status_code == 403


def test_a_project_unpublished_later_leaves_the_page(client, registry):
    save(client, "ring-forging")
    save(client, "ball-plant")
    client.get("/en/projects/shortlist/")  # shows and clears the "saved" messages
    registry["rings"].is_published = False
    registry["rings"].save()
    html = client.get("/en/projects/shortlist/").content.decode()
    assert "Ring Forging Line" not in html
    assert "Precision Ball Plant" in html


def test_the_page_is_private_and_offers_compare_and_enquiry(client, registry):
    for slug in ("ring-forging", "ball-plant", "cage-works"):
        save(client, slug)
    extra = make_project(
        slug="fourth-project", name_en="Fourth Project", sector=registry["forging"]
    )
    save(client, extra.slug)
    response = client.get("/en/projects/shortlist/")
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    # The enquiry form opens with the first three saved projects chosen.
    assert (
        'href="/en/enquire/?project=ring-forging&amp;project=ball-plant&amp;project=cage-works"'
        in html
    )
    assert '<form id="compare-form" method="get" action="/en/projects/compare/">' in html
    assert 'name="p" value="ring-forging" id="compare-ring-forging" checked' in html
    assert 'name="p" value="fourth-project" id="compare-fourth-project">' in html
    assert "Compare these" in html


def test_query_count_does_not_grow(client, registry, django_assert_num_queries):
    save(client, "ring-forging")
    # session, projects
    with django_assert_num_queries(2):
        client.get("/en/projects/shortlist/")
    for n in range(6):
        save(client, make_project(slug=f"more-{n}", sector=registry["forging"]).slug)
    with django_assert_num_queries(2):
        client.get("/en/projects/shortlist/")


def test_in_chinese(client, registry):
    client.post("/zh-hans/projects/shortlist/ring-forging/", {"next": "/zh-hans/projects/"})
    html = client.get("/zh-hans/projects/shortlist/").content.decode()
    assert "<h1>我的候选清单</h1>" in html
    assert "锻环生产线" in html
    assert 'href="/zh-hans/enquire/?project=ring-forging"' in html


def test_toggle_include_shows_the_state(client, registry):
    save(client, "ring-forging")
    request = RequestFactory().get("/en/projects/")
    request.session = client.session
    saved = render_to_string(
        "projects/tools/shortlist_toggle.html", {"project": registry["rings"]}, request=request
    )
    assert 'aria-pressed="true"' in saved
    assert '<span class="shortlist-label">Saved</span>' in saved
    assert '<input type="hidden" name="saved" value="0">' in saved
    assert 'action="/en/projects/shortlist/ring-forging/"' in saved
    assert 'name="csrfmiddlewaretoken"' in saved
    assert '<input type="hidden" name="next" value="/en/projects/">' in saved
    other = render_to_string(
        "projects/tools/shortlist_toggle.html", {"project": registry["balls"]}, request=request
    )
    assert 'aria-pressed="false"' in other
    assert '<input type="hidden" name="saved" value="1">' in other


def test_the_link_include_needs_no_csrf_token(client, registry):
    save(client, "ring-forging")
    request = RequestFactory().get("/en/projects/?sector=forging")
    request.session = client.session
    saved = render_to_string(
        "projects/tools/shortlist_link.html", {"project": registry["rings"]}, request=request
    )
    assert 'href="/en/projects/shortlist/ring-forging/?next=/en/projects/%3Fsector%3Dforging"' in (
        saved
    )
    assert 'data-saved="true"' in saved
    assert '<span class="shortlist-label">Saved</span>' in saved
    assert 'data-token-url="/en/projects/shortlist/token.json"' in saved
    assert "csrfmiddlewaretoken" not in saved
    other = render_to_string(
        "projects/tools/shortlist_link.html", {"project": registry["balls"]}, request=request
    )
    assert 'data-saved="false"' in other
    assert '<span class="shortlist-label">Save</span>' in other


@pytest.mark.parametrize(
    ("url", "slug"),
    [("/en/projects/", "ring-forging"), ("/en/projects/ring-forging/", "cage-works")],
)
def test_cached_pages_carry_the_save_link(client, registry, settings, url, slug):
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get(url)
    second = client.get(url)
    assert first["X-Cache"] == "miss"
    assert second["X-Cache"] == "hit"
    html = second.content.decode()
    assert f'href="/en/projects/shortlist/{slug}/?next=' in html
    assert "csrfmiddlewaretoken" not in html
    assert "csrftoken" not in second.cookies


def test_without_javascript_the_link_opens_a_private_confirmation(client, registry):
    page = client.get("/en/projects/shortlist/ring-forging/?next=/en/projects/%3Fstage%3Dsigned")
    assert page.status_code == 200
    assert "private" in page["Cache-Control"]
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    assert "<h1>Save Ring Forging Line to your shortlist</h1>" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<input type="hidden" name="saved" value="1">' in html
    assert '<input type="hidden" name="next" value="/en/projects/?stage=signed">' in html
    response = save(client, "ring-forging", next_url="/en/projects/?stage=signed")
    assert response["Location"] == "/en/projects/?stage=signed"
    assert client.session[SESSION_KEY] == [registry["rings"].pk]
    html = client.get("/en/projects/shortlist/ring-forging/").content.decode()
    assert "<h1>Remove Ring Forging Line from your shortlist</h1>" in html
    assert '<input type="hidden" name="saved" value="0">' in html


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/path", "/\\evil.example/", "x"]
)
def test_the_confirmation_refuses_unsafe_next(client, registry, next_url):
    from urllib.parse import quote

    html = client.get(
        f"/en/projects/shortlist/ring-forging/?next={quote(next_url)}"
    ).content.decode()
    assert '<input type="hidden" name="next" value="/en/projects/shortlist/">' in html
    assert '<a class="button-secondary" href="/en/projects/shortlist/">Go back</a>' in html


def test_the_token_endpoint_lets_a_script_toggle(registry):
    client = Client(enforce_csrf_checks=True)
    response = client.get("/en/projects/shortlist/token.json")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    token = response.json()["csrf_token"]
    assert token
    toggled = client.post(
        "/en/projects/shortlist/ring-forging/",
        {"csrfmiddlewaretoken": token, "saved": "1"},
        HTTP_ACCEPT="application/json",
    )
    assert toggled.status_code == 200
    assert toggled.json()["saved"] is True
    assert client.session[SESSION_KEY] == [registry["rings"].pk]
    assert Client().post("/en/projects/shortlist/token.json").status_code == 405


def test_a_visitor_with_a_session_sees_saved_on_the_list(client, registry):
    save(client, "ring-forging")
    html = client.get("/en/projects/").content.decode()
    link = html.split('href="/en/projects/shortlist/ring-forging/')[1].split("</a>")[0]
    assert 'data-saved="true"' in link
    assert '<span class="shortlist-label">Saved</span>' in link
