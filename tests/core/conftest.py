import uuid

import pytest
import redis
from django.core.cache import cache

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
