"""The start-up check refuses a Redis that can fill up, when the setting asks for it."""

import shutil

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.core.checks import check_redis_can_evict

from .conftest import redis_at

pytestmark = pytest.mark.skipif(shutil.which("redis-server") is None, reason="no redis-server")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ((), "it has no memory limit"),
        (("--maxmemory", "64mb", "--maxmemory-policy", "noeviction"), "'noeviction'"),
        (("--maxmemory", "64mb", "--maxmemory-policy", "volatile-lru"), "'volatile-lru'"),
    ],
)
def test_a_redis_that_can_fill_up_is_refused(settings, redis_server, arguments, message):
    url, _ = redis_server(*arguments)
    settings.CACHE_REDIS_REQUIRE_EVICTION = True
    with redis_at(settings, url), pytest.raises(ImproperlyConfigured, match=message):
        check_redis_can_evict()


def test_an_evicting_redis_with_a_limit_is_accepted(settings, redis_server):
    url, _ = redis_server("--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru")
    settings.CACHE_REDIS_REQUIRE_EVICTION = True
    with redis_at(settings, url):
        check_redis_can_evict()


def test_without_the_setting_nothing_is_checked(settings, redis_server):
    url, _ = redis_server()
    settings.CACHE_REDIS_REQUIRE_EVICTION = False
    with redis_at(settings, url):
        check_redis_can_evict()


def test_an_unreachable_redis_does_not_stop_the_start(settings):
    settings.CACHE_REDIS_REQUIRE_EVICTION = True
    with redis_at(settings, "redis://127.0.0.1:1/0", socket_connect_timeout=0.2):
        check_redis_can_evict()


def test_the_setting_with_a_cache_that_is_not_redis_is_refused(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    settings.CACHE_REDIS_REQUIRE_EVICTION = True
    with pytest.raises(ImproperlyConfigured, match="not Redis"):
        check_redis_can_evict()
