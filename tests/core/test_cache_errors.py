"""A Redis that answers with an error is a miss, like one that cannot be reached: a read-only
replica after a failover, and a full Redis under `noeviction`. Both are real redis-server
processes started here on free ports."""

import shutil
import socket
import subprocess
import time
import uuid

import pytest
import redis

from portal.core import cache_backends

from .conftest import redis_at
from .test_cache_outage import PAGES_OF_THE_PROJECT

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="no redis-server installed"),
]

PAGES = [*PAGES_OF_THE_PROJECT, "/en/news/", "/en/news/conference/", "/en/search/?q=forging"]


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_server():
    """Starts redis-server with extra arguments; yields (url, client)."""
    started = []

    def start(*arguments):
        port = _free_port()
        process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                *arguments,
            ],
            stdout=subprocess.DEVNULL,
        )
        started.append(process)
        client = redis.Redis(port=port, socket_timeout=2)
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        return f"redis://127.0.0.1:{port}/0", client

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(autouse=True)
def _fresh_breaker():
    cache_backends._down_until.clear()
    yield
    cache_backends._down_until.clear()


def _every_page_answers(client):
    for url in PAGES:
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response["X-Cache"] == "miss", url


def test_a_read_only_replica_leaves_every_page_up(settings, client, content, redis_server):
    url, server = redis_server("--replicaof", "127.0.0.1", str(_free_port()))
    with pytest.raises(redis.ReadOnlyError):
        server.set("probe", "1")
    with redis_at(settings, url):
        _every_page_answers(client)
        assert client.get("/healthz").json()["cache"] == "error"


def test_a_full_redis_under_noeviction_leaves_every_page_up(
    settings, client, content, redis_server
):
    url, server = redis_server("--maxmemory", "4mb", "--maxmemory-policy", "noeviction")
    filler = "x" * 1000
    with pytest.raises(redis.exceptions.OutOfMemoryError):  # noqa: PT012
        for _ in range(100_000):
            server.set(f"filler-{uuid.uuid4().hex}", filler)
    with redis_at(settings, url):
        _every_page_answers(client)
        assert client.get("/healthz").json()["cache"] == "error"


def test_a_wrong_type_under_a_key_is_a_miss(settings, redis_server):
    from django.core.cache import cache

    url, server = redis_server()
    with redis_at(settings, url):
        key = cache.make_and_validate_key("listed")
        server.rpush(key, "a list, not a pickled value")
        assert cache.get("listed", "default") == "default"
