"""Start-up checks of the shared cache: a Redis that can fill up is refused when asked to be.

A Redis without a memory limit grows until the machine runs out; one with `noeviction` answers
every write with an error once full. The portal survives both (writes become misses), but a
full cache is a cache that no longer caches. With `CACHE_REDIS_REQUIRE_EVICTION=true` the site
refuses to start against such a Redis, and says which setting to change.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

EVICTING_POLICIES = frozenset({"allkeys-lru", "allkeys-lfu", "allkeys-random"})


def redis_memory_problem(client):
    """What makes this Redis unfit as the portal's cache, or "" when nothing does."""
    memory = client.info("memory")
    policy = memory.get("maxmemory_policy", "")
    if not int(memory.get("maxmemory", 0)):
        return "it has no memory limit (set maxmemory, e.g. maxmemory 512mb)"
    if policy not in EVICTING_POLICIES:
        return (
            f"its maxmemory-policy is {policy!r}, so it stops accepting writes when full "
            "(set maxmemory-policy allkeys-lru)"
        )
    return ""


def check_redis_can_evict():
    """Raise ImproperlyConfigured when the setting asks for it and Redis could fill up."""
    if not settings.CACHE_REDIS_REQUIRE_EVICTION:
        return
    # Imported here: the Redis client takes 9 MB in every worker of a site that uses none.
    from redis.exceptions import RedisError

    backend = cache
    client_of = getattr(getattr(backend, "_cache", None), "get_client", None)
    if client_of is None:
        raise ImproperlyConfigured(
            "CACHE_REDIS_REQUIRE_EVICTION is set, but the cache is not Redis (CACHE_URL)."
        )
    try:
        problem = redis_memory_problem(client_of(write=True))
    except RedisError as error:
        # The site starts while Redis is down (it serves from the database); the check runs
        # again at the next start.
        logger.warning("Redis memory settings could not be read: %s", error)
        return
    if problem:
        raise ImproperlyConfigured(
            f"The Redis of CACHE_URL cannot be the portal's cache: {problem}. "
            "Set CACHE_REDIS_REQUIRE_EVICTION=false to start anyway."
        )
