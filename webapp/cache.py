"""The figure cache: a bounded filesystem cache or flask-caching's Redis, behind a circuit breaker.

The filesystem cache (default, shared by every gunicorn worker of a host) is bounded in bytes
(:mod:`webapp.filecache`); Redis is used when a URL is configured, so several hosts share it.
If the backend fails or hangs, requests are still answered: after ``FAILURES_TO_OPEN``
consecutive failures or timeouts the breaker opens and the backend is skipped for
``COOL_DOWN_SECONDS`` (figures are built locally, as with no cache), then one request tries it
again. Opening and closing are each logged once, so a hung Redis costs a few timeouts per
worker, not one on every request.
"""
from __future__ import annotations

import logging
import threading
import time

from flask import Flask
from flask_caching import Cache

from .filecache import BoundedFileCache
from .settings import Settings

log = logging.getLogger("gcm.cache")

FAILURES_TO_OPEN = 3
COOL_DOWN_SECONDS = 30.0
#: Redis answers in well under a millisecond on a LAN; waiting longer only stalls the worker.
REDIS_TIMEOUT_SECONDS = 0.25


def make_cache(server: Flask, settings: Settings):
    """The cache backend configured by ``settings``: an object with ``get``, ``set`` and ``clear``."""
    if settings.cache_type == "filesystem":
        return BoundedFileCache(settings.cache_dir, settings.cache_max_mb * 1024 * 1024, settings.cache_timeout)
    config = {"CACHE_DEFAULT_TIMEOUT": settings.cache_timeout, "CACHE_KEY_PREFIX": "gcm:"}
    if settings.cache_type == "redis":
        from redis.backoff import NoBackoff
        from redis.retry import Retry
        # No retries inside a request (redis-py retries 3 times with backoff by default): a hung
        # Redis would cost each request four timeouts. The breaker decides when to try again.
        config.update(CACHE_TYPE="RedisCache", CACHE_REDIS_URL=settings.redis_url,
                      CACHE_OPTIONS={"socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
                                     "socket_timeout": REDIS_TIMEOUT_SECONDS,
                                     "retry": Retry(NoBackoff(), 0)})
    elif settings.cache_type == "simple":
        config.update(CACHE_TYPE="SimpleCache")
    else:
        config.update(CACHE_TYPE="NullCache")
    return Cache(server, config=config)


class FigureCache:
    """get-or-build on string keys, with a circuit breaker around the backend."""

    def __init__(self, cache, failures_to_open: int = FAILURES_TO_OPEN,
                 cool_down: float = COOL_DOWN_SECONDS, clock=time.monotonic):
        self._cache = cache
        self._failures_to_open = failures_to_open
        self._cool_down = cool_down
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._open_until = 0.0
        self._opened = False
        self.hits = 0
        self.misses = 0
        self.bypassed = 0

    @property
    def breaker_open(self) -> bool:
        """True while the backend is being skipped."""
        return self._clock() < self._open_until

    def get_or_build(self, key: str, build):
        """Return the cached value for ``key`` or build, store and return it."""
        if self.breaker_open:
            self.bypassed += 1
            return build()
        try:
            value = self._cache.get(key)
        except Exception as exc:  # backend outage or timeout: serve uncached rather than fail
            self._failed(exc)
            return build()
        self._succeeded()
        if value is not None:
            self.hits += 1
            return value
        self.misses += 1
        value = build()
        try:
            self._cache.set(key, value)
        except Exception as exc:
            self._failed(exc)
        return value

    def clear(self) -> None:
        """Empty the backend (benchmarks start cold with it)."""
        self._cache.clear()

    def _failed(self, exc: Exception) -> None:
        with self._lock:
            self._failures += 1
            if self._failures >= self._failures_to_open:
                self._open_until = self._clock() + self._cool_down
                if not self._opened:
                    log.warning("Cache unavailable, serving uncached for %.0f s after %d failures in a row: %s",
                                self._cool_down, self._failures, exc)
                self._opened = True

    def _succeeded(self) -> None:
        with self._lock:
            self._failures = 0
            if self._opened:
                log.warning("Cache available again")
            self._opened = False
