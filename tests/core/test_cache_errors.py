"""A Redis that answers with an error is a miss, like one that cannot be reached: a read-only
replica after a failover, and a full Redis under `noeviction`. Both are real redis-server
processes started here on free ports."""

import shutil
import uuid

import pytest
import redis

from portal.core import cache_backends

from .conftest import free_port, redis_at
from .test_cache_outage import PAGES_OF_THE_PROJECT

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="no redis-server installed"),
]

PAGES = [*PAGES_OF_THE_PROJECT, "/en/news/", "/en/news/conference/", "/en/search/?q=forging"]


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
    url, server = redis_server("--replicaof", "127.0.0.1", str(free_port()))
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
