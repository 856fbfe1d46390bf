"""The page cache serves anonymous pages from the cache and is never stale."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone

from portal.core.content_version import bump_content_version, content_version
from portal.core.models import ContentVersion
from portal.news.models import Article
from projects.models import ClusterFigure, Partner
from tests.factories import (
    make_article,
    make_category,
    make_park,
    make_project,
    make_sector,
)

pytestmark = pytest.mark.django_db

SHOWCASE = "/en/showcase/"


def fetch(client, url=SHOWCASE, **extra):
    response = client.get(url, **extra)
    return response, response.content.decode()


def cached(client, url=SHOWCASE):
    """The page as a visitor gets it, after making sure it is in the cache."""
    first, _ = fetch(client, url)
    second, text = fetch(client, url)
    assert second["X-Cache"] == "hit", (first.get("X-Cache"), second.get("X-Cache"))
    return text


def test_second_request_is_a_hit_with_the_same_page_and_one_query(
    page_cache, client, django_assert_num_queries
):
    make_project(name_en="Forged rings line")
    first = client.get(SHOWCASE)
    assert first["X-Cache"] == "miss"
    # The one query reads the content version.
    with django_assert_num_queries(1):
        second = client.get(SHOWCASE)
    assert second["X-Cache"] == "hit"
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["X-Frame-Options"] == "DENY"


def test_real_pages_are_cached_per_language_and_query_string(page_cache, client):
    project = make_project(name_en="Forged rings line", name_zh_hans="锻造环生产线")
    assert client.get("/en/projects/")["X-Cache"] == "miss"
    assert client.get("/en/projects/")["X-Cache"] == "hit"
    zh = client.get("/zh-hans/projects/")
    assert zh["X-Cache"] == "miss"
    assert "锻造环生产线" in zh.content.decode()
    assert client.get("/en/projects/?page=1")["X-Cache"] == "miss"
    detail = cached(client, project.get_absolute_url())
    assert "Forged rings line" in detail


def test_head_is_served_from_the_page_a_get_stored(page_cache, client):
    client.get(SHOWCASE)
    assert client.head(SHOWCASE)["X-Cache"] == "hit"


def test_host_is_part_of_the_key(page_cache, client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "invest.example.cn"]
    client.get(SHOWCASE)
    assert client.get(SHOWCASE, HTTP_HOST="invest.example.cn")["X-Cache"] == "miss"


@pytest.mark.parametrize("kind", ["project", "park", "figure", "partner", "article"])
def test_publishing_editing_and_unpublishing_show_at_the_next_request(page_cache, client, kind):
    obj, field, publish, unpublish = {
        "project": lambda: (make_project(is_published=False), "name_en", True, False),
        "park": lambda: (make_park(is_published=False), "name_en", True, False),
        "figure": lambda: (
            ClusterFigure.objects.create(
                label_en="Forging enterprises",
                value=528,
                source="County statistics",
                as_of=datetime.date(2023, 11, 1),
                is_published=False,
            ),
            "label_en",
            True,
            False,
        ),
        "partner": lambda: (
            Partner.objects.create(
                organisation_en="China Bearing Industry Association",
                agreement_en="Strategic cooperation",
                signed_on=datetime.date(2023, 11, 14),
                is_published=False,
            ),
            "organisation_en",
            True,
            False,
        ),
        "article": lambda: (
            make_article(status=Article.Status.DRAFT),
            "title_en",
            Article.Status.PUBLISHED,
            Article.Status.DRAFT,
        ),
    }[kind]()
    flag = "status" if kind == "article" else "is_published"
    marker = f"{kind}:Renamed {kind}"
    assert marker not in cached(client)

    setattr(obj, field, f"Renamed {kind}")
    setattr(obj, flag, publish)
    obj.save()
    assert marker in cached(client)

    setattr(obj, field, f"Edited {kind}")
    obj.save()
    text = cached(client)
    assert f"{kind}:Edited {kind}" in text
    assert marker not in text

    setattr(obj, flag, unpublish)
    obj.save()
    assert f"{kind}:Edited {kind}" not in cached(client)


@pytest.mark.parametrize("kind", ["sector", "category"])
def test_renaming_and_deleting_a_sector_or_category_shows_at_the_next_request(
    page_cache, client, kind
):
    if kind == "sector":
        obj = make_sector(name_en="Original")
        make_project(sector=obj, name_en="Ring line")
        owner = "project:Ring line:"
    else:
        obj = make_category(name_en="Original")
        make_article(category=obj, title_en="New incentives")
        owner = "article:New incentives:"
    assert f"{owner}Original" in cached(client)

    obj.name_en = "Renamed"
    obj.save()
    text = cached(client)
    assert f"{owner}Renamed" in text
    assert f"{kind}:Renamed" in text

    if kind == "sector":
        obj.projects.all().delete()
    else:
        obj.articles.all().delete()
    obj.delete()
    text = cached(client)
    assert f"{kind}:Renamed" not in text
    assert owner not in text


def test_linking_a_project_to_an_article_renews_the_version(page_cache, client):
    article = make_article()
    project = make_project()
    cached(client)
    before = content_version()
    article.projects.add(project)
    assert content_version() != before
    assert client.get(SHOWCASE)["X-Cache"] == "miss"


def test_changes_outside_the_content_apps_keep_the_cache(page_cache, client):
    make_project()
    cached(client)
    get_user_model().objects.create_user("visitor", password="a long enough password")
    assert client.get(SHOWCASE)["X-Cache"] == "hit"


def test_a_scheduled_publication_appears_when_its_time_comes(page_cache, client):
    now = timezone.now()
    make_project(name_en="Scheduled line", published_at=now + datetime.timedelta(hours=2))
    assert "Scheduled line" not in cached(client)
    with time_machine.travel(now + datetime.timedelta(hours=3), tick=False):
        response, text = fetch(client)
    assert response["X-Cache"] == "miss"
    assert "project:Scheduled line" in text


def test_a_bulk_change_in_the_admin_renews_the_version(page_cache, client, admin_user):
    project = make_project(name_en="Ring line")
    cached(client)
    staff = client.__class__()
    staff.force_login(admin_user)
    # Admin actions use QuerySet.update(), which sends no signal: the POST itself counts.
    staff.post(
        "/admin/projects/project/",
        {"action": "delete_selected", "_selected_action": [project.pk]},
    )
    assert client.get(SHOWCASE)["X-Cache"] == "miss"


def test_a_lost_version_is_never_confused_with_an_old_one(page_cache, client):
    make_project(name_en="Ring line")
    cached(client)
    ContentVersion.objects.all().delete()
    assert client.get(SHOWCASE)["X-Cache"] == "miss"
    assert client.get(SHOWCASE)["X-Cache"] == "hit"


def test_explicit_bump_makes_every_page_stale(page_cache, client):
    cached(client)
    cached(client, "/en/projects/")
    bump_content_version()
    assert client.get(SHOWCASE)["X-Cache"] == "miss"
    assert client.get("/en/projects/")["X-Cache"] == "miss"


# --- What is never cached ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/en/with-form/",
        "/en/with-cookie/",
        "/en/not-found/",
        "/en/private/",
        "/en/nonce/",
        "/en/varies/",
    ],
)
def test_per_visitor_and_failed_responses_are_never_stored(page_cache, client, url):
    first = client.get(url)
    second = client.get(url)
    assert first["X-Cache"] == second["X-Cache"] == "bypass"


def test_the_csrf_token_is_never_shared(page_cache, client):
    first = client.get("/en/with-form/").content
    other = client.__class__()
    assert other.get("/en/with-form/").content != first


def test_logged_in_staff_and_visitors_with_a_session_bypass_the_cache(
    page_cache, client, admin_user
):
    make_project(name_en="Ring line")
    cached(client)
    staff = client.__class__()
    staff.force_login(admin_user)
    response = staff.get(SHOWCASE)
    assert "X-Cache" not in response
    assert response.status_code == 200


def test_a_session_cookie_that_names_no_session_gets_the_cached_page(page_cache, client):
    make_project(name_en="Ring line")
    page = cached(client)
    stranger = client.__class__()
    stranger.cookies["sessionid"] = "made-up-to-get-past-the-cache"
    response = stranger.get(SHOWCASE)
    assert response["X-Cache"] == "hit"
    assert response.content.decode() == page


def test_a_hit_is_sent_gzip_compressed_to_clients_that_accept_it(page_cache, client):
    import gzip

    list_url = "/en/projects/"
    make_project(name_en="Ring line")
    page = cached(client, list_url)
    response = client.get(list_url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["X-Cache"] == "hit"
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert response["ETag"].startswith('W/"')
    assert int(response["Content-Length"]) == len(response.content) < len(page.encode()) / 2
    assert gzip.decompress(response.content).decode() == page
    plain = client.get(list_url)
    assert "Content-Encoding" not in plain
    assert plain.content.decode() == page
    # The weak validator still answers a conditional request with 304.
    again = client.get(list_url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_a_visitor_with_a_pending_message_bypasses_the_cache(page_cache, client):
    cached(client)
    client.cookies["messages"] = "anything"
    assert "X-Cache" not in client.get(SHOWCASE)


@pytest.mark.parametrize("url", ["/healthz", "/admin/login/"])
def test_health_and_admin_are_never_cached(page_cache, client, url):
    client.get(url)
    assert "X-Cache" not in client.get(url)


def test_posts_are_never_answered_from_the_cache(page_cache, client):
    cached(client)
    assert "X-Cache" not in client.post(SHOWCASE)


def test_zero_seconds_switch_the_cache_off(page_cache, client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    make_project()
    client.get(SHOWCASE)
    response = client.get(SHOWCASE)
    assert "X-Cache" not in response
    assert response.status_code == 200


# --- Conditional GET --------------------------------------------------------------------------


@pytest.mark.parametrize("cache_seconds", [0, 600])
def test_pages_answer_conditional_gets_with_304(page_cache, client, settings, cache_seconds):
    settings.PAGE_CACHE_SECONDS = cache_seconds
    make_project()
    for _ in range(2):  # a miss, then (with the cache on) a hit
        response = client.get(SHOWCASE)
        etag = response["ETag"]
        again = client.get(SHOWCASE, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304
        assert again.content == b""
    make_project(name_en="Another line")
    assert client.get(SHOWCASE, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_an_unreachable_cache_serves_the_page_without_it(page_cache, client, monkeypatch):
    from django.core.cache import caches

    make_project(name_en="Ring line")

    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(caches["default"], "get", down)
    monkeypatch.setattr(caches["default"], "set", down)
    response, text = fetch(client)
    assert response.status_code == 200
    assert "project:Ring line" in text


def test_saves_of_historical_models_in_migrations_are_ignored(page_cache):
    from django.apps import apps
    from django.db.migrations.state import ProjectState

    from portal.core.content_version import _content_changed

    historical = ProjectState.from_apps(apps).apps
    before = content_version()
    _content_changed(historical.get_model("projects", "Sector"))
    assert content_version() == before


@pytest.mark.parametrize(
    ("maker", "field", "list_url"),
    [
        (make_project, "name_en", "/en/projects/"),
        (make_park, "name_en", "/en/projects/parks/"),
        (make_article, "title_en", "/en/news/"),
    ],
)
def test_real_lists_and_details_show_an_edit_at_the_next_request(
    page_cache, client, maker, field, list_url
):
    obj = maker(**{field: "Before the edit"})
    detail_url = obj.get_absolute_url()
    assert "Before the edit" in cached(client, list_url)
    assert "Before the edit" in cached(client, detail_url)
    setattr(obj, field, "After the edit")
    obj.save()
    for url in (list_url, detail_url):
        response, text = fetch(client, url)
        assert response["X-Cache"] == "miss"
        assert "After the edit" in text
        assert "Before the edit" not in text


# --- One entry per real page: unknown parameters, bad values, big pages -------------------------


def cache_keys():
    """The keys the cache holds, on local memory; None on a cache that cannot list them."""
    from django.core.cache import cache

    store = getattr(cache, "_cache", None)
    return set(store) if isinstance(store, dict) else None


def test_unknown_parameters_get_one_redirect_each_and_no_entry_of_their_own(page_cache, client):
    import secrets

    from django.core.cache import cache
    from django.test import RequestFactory

    from portal.core.page_cache import _page_key

    make_project(name_en="Ring line", stage="signed")
    canonical = "/en/projects/?stage=signed"
    page = cached(client, canonical)
    keys = cache_keys()
    for _ in range(20):
        junk = secrets.token_hex(8)
        url = f"/en/projects/?utm_source={junk}&stage=signed&{junk}=1"
        for method in (client.get, client.head):
            response = method(url)
            assert response.status_code == 301
            assert response["Location"] == canonical
            assert response["X-Cache"] == "redirect"
        assert cache.get(_page_key(RequestFactory().get(url))) is None
        followed = client.get(response["Location"])
        assert followed["X-Cache"] == "hit"
        assert followed.content.decode() == page
    assert cache_keys() == keys


def test_the_redirect_keeps_the_known_parameters_as_written_and_in_their_order(page_cache, client):
    response = client.get("/en/projects/?sort=name&fbclid=x&q=ring+forging&utm_medium=mail&page=1")
    assert response["Location"] == "/en/projects/?sort=name&q=ring+forging&page=1"
    assert client.get("/en/showcase/?v=2")["Location"] == "/en/showcase/"
    # An empty parameter or a stray ampersand is another spelling of the same page.
    assert client.get("/en/showcase/?&")["Location"] == "/en/showcase/"
    # Names as pages read them: `band[]` is not `band`.
    assert client.get("/en/projects/?band[]=x&band=10b-plus")["Location"] == (
        "/en/projects/?band=10b-plus"
    )


def test_the_redirect_costs_no_query(page_cache, client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/en/projects/?utm_campaign=expo").status_code == 301


def test_the_redirect_never_leaves_the_site(page_cache):
    from django.http import HttpResponse
    from django.test import RequestFactory

    from portal.core.page_cache import PageCacheMiddleware

    request = RequestFactory().get("/en/?x=1")
    request.path = request.path_info = "//evil.example/"
    response = PageCacheMiddleware(lambda r: HttpResponse("page"))(request)
    assert response.status_code == 301
    assert response["Location"] == "/%2Fevil.example/"


def test_the_parameters_pages_read_can_be_configured(page_cache, client, settings):
    settings.PAGE_CACHE_QUERY_PARAMETERS = ["v"]
    assert client.get("/en/showcase/?v=2")["X-Cache"] == "miss"
    assert client.get("/en/showcase/?q=x")["Location"] == "/en/showcase/"


def test_staff_and_visitors_with_a_session_are_not_redirected(page_cache, client, admin_user):
    client.force_login(admin_user)
    response = client.get("/en/projects/?utm_source=mail")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/en/projects/?stage=bogus",
        "/en/projects/?sector=" + "x" * 30,
        "/en/projects/?stage=signed&stage=production",
        "/en/projects/?page=01",
        "/en/news/?page=01",
        "/en/search/?q=ring&page=abc",
        "/en/search/?q=ring&q=line",
    ],
)
def test_a_value_the_page_did_not_understand_is_answered_but_never_stored(page_cache, client, url):
    make_project(name_en="Ring line")
    make_article()
    keys = cache_keys()
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert response["X-Cache"] == "bypass"
    assert cache_keys() == keys


def test_the_canonical_spellings_are_stored(page_cache, client):
    make_project(name_en="Ring line")
    make_article()
    for url in ("/en/projects/?page=1", "/en/news/?page=1", "/en/search/?q=ring&page=1"):
        cached(client, url)


def test_a_page_larger_than_the_limit_is_not_stored(page_cache, client, settings):
    settings.PAGE_CACHE_MAX_ENTRY_BYTES = 100
    make_project(name_en="Ring line")
    for _ in range(2):
        assert client.get("/en/projects/")["X-Cache"] == "bypass"
    settings.PAGE_CACHE_MAX_ENTRY_BYTES = 256 * 1024
    client.get("/en/projects/")
    assert client.get("/en/projects/")["X-Cache"] == "hit"


def test_the_enquiry_form_keeps_its_campaign_tags(page_cache, client):
    response = client.get("/en/enquire/?utm_source=wechat&utm_campaign=forging-2026")
    assert response.status_code == 200
    assert "X-Cache" not in response
    assert client.get("/en/projects/?utm_source=wechat").status_code == 301
