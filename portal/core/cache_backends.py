"""Redis as the shared cache, without making it a single point of failure.

Every cache in the portal holds copies: pages kept per content version, rate-limit counters,
map images. While Redis cannot be reached, the site can serve
every page from the database, only slower. Django's `RedisCache` lets the connection error
through instead, and every page that uses the cache answers 500; with no timeout set, a
Redis host that stops answering holds each worker until the operating system gives up.

`ResilientRedisCache` is Django's `RedisCache` with three changes:

- connecting and answering are bounded by short timeouts (`socket_connect_timeout`,
  `socket_timeout`; both can be set in `OPTIONS` or in the query string of `CACHE_URL`);
- any Redis error counts as a miss (a connection error or a timeout, and also an error answer:
  a read-only replica after a failover, a full Redis under `noeviction`, a wrong type): `get` returns the default, `get_many` an
  empty dict, `add`, `touch`, `delete` and `has_key` return False, `incr` raises `ValueError`
  as for a missing key, and writes are dropped;
- after a failure the process stops asking Redis for `RETRY_AFTER` seconds, so that a Redis
  that hangs costs one timeout per worker and interval, not one per cache call. The first
  failure and the recovery are logged, not every miss.

Nothing the portal needs to be right lives only in the cache: the content version is kept
in the database (`portal.core.content_version`), so a write lost while Redis is down never
brings an old page back.
"""

import logging
from time import monotonic

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


# Seconds a process leaves Redis alone after a failure.
RETRY_AFTER = 5.0
# Redis answers on the local network in well under a millisecond; a server that takes this
# long is treated as down.
CONNECT_TIMEOUT = 0.5
SOCKET_TIMEOUT = 1.0

# Per process and server list: the monotonic time before which Redis is not asked again.
_down_until = {}


def _missing_key(key):
    raise ValueError(f"Key {key!r} not found.")


class ResilientRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, **options):
        options.setdefault("socket_connect_timeout", CONNECT_TIMEOUT)
        options.setdefault("socket_timeout", SOCKET_TIMEOUT)
        super().__init__(servers, **options)
        self._breaker_key = tuple(servers)

    def is_down(self):
        until = _down_until.get(self._breaker_key)
        return until is not None and monotonic() < until

    def _failed(self, error):
        if self._breaker_key not in _down_until:
            logger.error(
                "Redis fails (%s); serving from the database for now.",
                error.__class__.__name__,
            )
        _down_until[self._breaker_key] = monotonic() + RETRY_AFTER

    def _answered(self):
        if _down_until.pop(self._breaker_key, None) is not None:
            logger.warning("Redis answers again.")

    def _tolerant(self, call, on_failure, *args):
        if self.is_down():
            return on_failure(*args)
        try:
            result = call(*args)
        except RedisError as error:
            self._failed(error)
            return on_failure(*args)
        self._answered()
        return result

    def get(self, key, default):
        return self._tolerant(super().get, lambda key, default: default, key, default)

    def get_many(self, keys):
        return self._tolerant(super().get_many, lambda keys: {}, keys)

    def has_key(self, key):
        return self._tolerant(super().has_key, lambda key: False, key)

    def add(self, key, value, timeout):
        return self._tolerant(super().add, lambda *args: False, key, value, timeout)

    def set(self, key, value, timeout):
        return self._tolerant(super().set, lambda *args: None, key, value, timeout)

    def set_many(self, data, timeout):
        return self._tolerant(super().set_many, lambda *args: None, data, timeout)

    def touch(self, key, timeout):
        return self._tolerant(super().touch, lambda *args: False, key, timeout)

    def delete(self, key):
        return self._tolerant(super().delete, lambda key: False, key)

    def delete_many(self, keys):
        return self._tolerant(super().delete_many, lambda keys: None, keys)

    def incr(self, key, delta):
        return self._tolerant(super().incr, lambda key, delta: _missing_key(key), key, delta)


class ResilientRedisCache(RedisCache):
    """Django's `RedisCache` that degrades to misses while Redis is down; see the module."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient
