import contextlib
import socket
import subprocess
import time
import uuid

import pytest
import redis
from django.core.cache import cache

from tests.factories import make_article, make_park, make_project

REDIS_URL = "redis://127.0.0.1:6379/1"


def _redis_answers():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


@pytest.fixture(params=["configured", "redis"])
def page_cache(request, settings):
    """The page cache switched on, on the configured cache and on a real Redis.

    CI also runs the whole suite with CACHE_URL pointing at Redis; the second parameter
    proves the cache on Redis in every run where one answers on 127.0.0.1.
    """
    if request.param == "redis":
        if not _redis_answers():
            pytest.skip("no Redis on 127.0.0.1:6379")
        settings.CACHES = {
            **settings.CACHES,
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS_URL,
                "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            },
        }
    settings.PAGE_CACHE_SECONDS = 600
    settings.ROOT_URLCONF = "tests.core.urls"
    cache.clear()
    yield request.param
    cache.clear()


@contextlib.contextmanager
def redis_at(settings, location, **options):
    """The shared cache on `location`, with the page cache on; the suite's cache again after."""
    saved = settings.CACHES
    settings.PAGE_CACHE_SECONDS = 600
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "portal.core.cache_backends.ResilientRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            "OPTIONS": options,
        },
    }
    yield
    settings.CACHES = saved


@pytest.fixture
def content():
    """Published before the outage; request it before `redis_down` or `redis_hung`."""
    park = make_park(name_en="North forging park", slug="north")
    project = make_project(
        name_en="Ring forging line",
        name_zh_hans="锻造环生产线",
        slug="ring-forging",
        park=park,
        is_featured=True,
    )
    article = make_article(title_en="Cluster conference signs ten projects", slug="conference")
    return project, park, article


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_server():
    """Starts redis-server with extra arguments; yields (url, client)."""
    started = []

    def start(*arguments):
        port = free_port()
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
