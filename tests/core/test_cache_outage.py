"""While Redis cannot be reached the site stays up, slower, staff keep saving, and no change
can leave a stale page once Redis answers again.

"Down" is a closed port on 127.0.0.1 (refused at once) or a listener that accepts connections
and never answers (a hung server or a dropped network, where only the timeouts help).
"""

import contextlib
import logging
import socket
import threading

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from portal.core import cache_backends
from portal.core.content_version import content_version
from portal.core.models import ContentVersion
from portal.enquiries.models import Enquiry
from portal.news.models import Article
from projects.models import Project
from tests.enquiries.conftest import enquiry_data
from tests.factories import make_project

from .conftest import REDIS_URL, _redis_answers, redis_at

pytestmark = pytest.mark.django_db


def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(autouse=True)
def _fresh_breaker():
    cache_backends._down_until.clear()
    yield
    cache_backends._down_until.clear()


@pytest.fixture
def redis_down(settings):
    """The shared cache on a port where nothing listens."""
    with redis_at(settings, f"redis://127.0.0.1:{_closed_port()}/1"):
        yield


class HungRedis:
    """Accepts connections and never answers; counts the connections it was asked for."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.accepted = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            self.accepted.append(connection)

    def close(self):
        self.server.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture
def redis_hung(settings):
    hung = HungRedis()
    with redis_at(
        settings,
        f"redis://127.0.0.1:{hung.port}/1",
        socket_connect_timeout=0.2,
        socket_timeout=0.2,
    ):
        yield hung
    hung.close()


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/en/", "Ring forging line"),
        ("/zh-hans/", "锻造环生产线"),
        ("/en/projects/", "Ring forging line"),
        ("/en/projects/?park=north", "Ring forging line"),
        ("/en/projects/ring-forging/", "Ring forging line"),
        ("/en/projects/parks/north/", "Ring forging line"),
        ("/en/news/", "Cluster conference signs ten projects"),
        ("/en/news/conference/", "Cluster conference signs ten projects"),
        ("/en/search/?q=forging", "Ring <mark>forging</mark> line"),
        ("/sitemap.xml", "/en/projects/ring-forging/"),
    ],
)
def test_pages_are_rendered_from_the_database_while_redis_is_down(
    content, redis_down, client, url, text
):
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert text in response.content.decode()
        # Tried, not kept: the next request renders again.
        assert response["X-Cache"] == "miss"


def test_a_missing_page_is_still_a_404_while_redis_is_down(content, redis_down, client):
    response = client.get("/en/projects/no-such-project/")
    assert response.status_code == 404


def test_one_failure_is_logged_and_redis_is_left_alone_for_a_while(
    content, redis_hung, client, caplog
):
    with caplog.at_level(logging.WARNING, logger="portal.core.cache_backends"):
        for url in ("/en/", "/en/projects/", "/en/projects/ring-forging/", "/en/news/"):
            assert client.get(url).status_code == 200
    # The first cache call waited for its timeout; every later one was answered as a miss
    # without a connection, so a hung Redis costs one timeout per worker and interval.
    assert len(redis_hung.accepted) == 1
    errors = [r for r in caplog.records if r.name == "portal.core.cache_backends"]
    assert [r.getMessage() for r in errors] == [
        "Redis fails (TimeoutError); serving from the database for now."
    ]


def test_redis_is_asked_again_after_the_interval(content, redis_hung, client, monkeypatch):
    assert client.get("/en/").status_code == 200
    assert len(redis_hung.accepted) == 1
    later = cache_backends.monotonic() + cache_backends.RETRY_AFTER + 1
    monkeypatch.setattr(cache_backends, "monotonic", lambda: later)
    assert client.get("/en/").status_code == 200
    assert len(redis_hung.accepted) == 2


def test_every_cache_call_degrades_to_a_miss(redis_down):
    assert cache.get("key") is None
    assert cache.get("key", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("key") is False
    assert cache.add("key", 1) is False
    assert cache.set("key", 1) is None
    assert cache.set_many({"a": 1}) == []
    assert cache.touch("key") is False
    assert cache.delete("key") is False
    assert cache.delete_many(["a", "b"]) is None
    with pytest.raises(ValueError, match="not found"):
        cache.incr("key")
    assert cache.get_or_set("key", "computed") == "computed"


def test_content_changes_renew_the_version_in_the_database_while_redis_is_down(redis_down):
    before = content_version()
    assert content_version() == before
    make_project(name_en="Saved while the cache is down")
    assert Project.objects.filter(name_en="Saved while the cache is down").exists()
    assert content_version() != before


def test_an_admin_bulk_change_is_saved_while_redis_is_down(content, redis_down, client):
    _, _, article = content
    client.force_login(User.objects.create_superuser("editor", "editor@example.cn", "x"))
    response = client.post(
        "/admin/news/article/",
        {"action": "unpublish", "_selected_action": [article.pk]},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status != Article.Status.PUBLISHED
    assert client.get("/admin/news/article/").status_code == 200


class RedisProxy:
    """A TCP relay to the real Redis that can be stopped and started on the same port: to the
    site, Redis goes away and comes back with every key it held."""

    def __init__(self, port=0):
        self.target = ("127.0.0.1", 6379)
        self.server = socket.create_server(("127.0.0.1", port))
        self.port = self.server.getsockname()[1]
        self.connections = []
        threading.Thread(target=self._accept, args=(self.server,), daemon=True).start()

    def _accept(self, server):
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target, timeout=2)
            self.connections += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                target.shutdown(socket.SHUT_RDWR)

    def stop(self):
        self.server.close()
        for connection in self.connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()
        self.connections = []

    def start(self):
        self.server = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self.server,), daemon=True).start()


def _change_form(project, **changes):
    data = {
        "name_en": project.name_en,
        "name_zh_hans": project.name_zh_hans,
        "slug": project.slug,
        "summary_en": project.summary_en,
        "summary_zh_hans": project.summary_zh_hans or "",
        "kind": project.kind,
        "sector": project.sector_id,
        "park": project.park_id or "",
        "stage": project.stage,
        "investment_yuan": str(project.investment_yuan),
        "signing_date": project.signing_date.isoformat() if project.signing_date else "",
        "published_at_0": project.published_at.date().isoformat(),
        "published_at_1": "00:00:00",
        "is_published": "on",
        "is_featured": "on" if project.is_featured else "",
    }
    for prefix in ("images", "documents", "milestones"):
        data |= {
            f"{prefix}-TOTAL_FORMS": "0",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    return data | changes


PAGES_OF_THE_PROJECT = [
    "/en/",
    "/en/projects/",
    "/en/projects/ring-forging/",
    "/en/projects/parks/north/",
]


def test_a_project_saved_while_redis_is_stopped_never_shows_old_once_it_is_back(
    settings, client, content
):
    if not _redis_answers():
        pytest.skip("no Redis on 127.0.0.1:6379")
    project, _, _ = content
    proxy = RedisProxy()
    visitor = client.__class__()
    with redis_at(
        settings,
        f"redis://127.0.0.1:{proxy.port}/1",
        socket_connect_timeout=0.2,
        socket_timeout=0.5,
    ):
        try:
            for url in PAGES_OF_THE_PROJECT:
                visitor.get(url)
                assert visitor.get(url)["X-Cache"] == "hit", url

            proxy.stop()
            client.force_login(User.objects.create_superuser("editor", "editor@example.cn", "x"))
            response = client.post(
                reverse("admin:projects_project_change", args=[project.pk]),
                _change_form(project, name_en="Renamed bearing ring line"),
            )
            assert response.status_code == 302, response.context["adminform"].form.errors
            assert "Renamed bearing ring line" in visitor.get("/en/projects/").content.decode()

            proxy.start()
            cache_backends._down_until.clear()
            for url in PAGES_OF_THE_PROJECT:
                page = visitor.get(url)
                text = page.content.decode()
                assert page.status_code == 200, url
                assert "Renamed bearing ring line" in text, url
                assert "Ring forging line" not in text, url
        finally:
            proxy.stop()
            cache.clear()


def test_officers_sign_in_and_work_on_enquiries_while_redis_is_down(redis_down, client):
    officer = User.objects.create_superuser("officer", "officer@example.cn", "pw")
    response = client.post("/admin/login/", {"username": "officer", "password": "pw"})
    assert response.status_code == 302
    enquiry = Enquiry.objects.create(
        reference="GX-2026-00001", name="Anna Schmidt", email="anna@example.de", message="Hi"
    )
    response = client.post(
        "/admin/enquiries/enquiry/",
        {"action": "assign_to_me", "_selected_action": [enquiry.pk]},
    )
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.owner == officer


def test_enquiries_arrive_while_redis_is_down(
    content, redis_down, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/enquire/", enquiry_data())
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.email == "anna@example.de"
    call_command("send_enquiry_notifications")
    assert "anna@example.de" in {address for message in mail.outbox for address in message.to}


def test_health_check_reports_the_cache_as_degraded(redis_down, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "error"}


def test_a_reachable_redis_is_used_as_before(settings, client, content):
    if not _redis_answers():
        pytest.skip("no Redis on 127.0.0.1:6379")
    with redis_at(settings, REDIS_URL):
        try:
            assert client.get("/en/projects/")["X-Cache"] == "miss"
            assert client.get("/en/projects/")["X-Cache"] == "hit"
            assert ContentVersion.objects.get().token == content_version()
            assert cache.add("counter", 1) is True
            assert cache.incr("counter") == 2
        finally:
            cache.clear()
