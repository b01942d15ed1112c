"""The figure cache: flask-caching backends, and a get-or-build that survives cache outages.

FileSystemCache is the default so that every gunicorn worker shares one cache; Redis is used
when a URL is configured, so several hosts share it too. If the cache backend fails (Redis down),
requests are still answered: the figure is built directly and the failure is logged once per outage.
"""
from __future__ import annotations

import logging
import threading

from flask import Flask
from flask_caching import Cache

from .settings import Settings

log = logging.getLogger("gcm.cache")


def make_cache(server: Flask, settings: Settings) -> Cache:
    """Bind a flask-caching :class:`Cache` configured from ``settings`` to ``server``."""
    config = {"CACHE_DEFAULT_TIMEOUT": settings.cache_timeout, "CACHE_KEY_PREFIX": "gcm:"}
    if settings.cache_type == "redis":
        config.update(CACHE_TYPE="RedisCache", CACHE_REDIS_URL=settings.redis_url,
                      CACHE_OPTIONS={"socket_connect_timeout": 0.2, "socket_timeout": 0.5})
    elif settings.cache_type == "filesystem":
        config.update(CACHE_TYPE="FileSystemCache", CACHE_DIR=str(settings.cache_dir),
                      CACHE_THRESHOLD=5000)
    elif settings.cache_type == "simple":
        config.update(CACHE_TYPE="SimpleCache")
    else:
        config.update(CACHE_TYPE="NullCache")
    return Cache(server, config=config)


class FigureCache:
    """get-or-build on string keys, bypassing the backend while it is failing."""

    def __init__(self, cache: Cache):
        self._cache = cache
        self._down = False
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get_or_build(self, key: str, build):
        """Return the cached value for ``key`` or build, store and return it."""
        try:
            value = self._cache.get(key)
            self._mark_up()
        except Exception as exc:  # backend outage: serve uncached rather than fail
            self._mark_down(exc)
            return build()
        if value is not None:
            self.hits += 1
            return value
        self.misses += 1
        value = build()
        try:
            self._cache.set(key, value)
        except Exception as exc:
            self._mark_down(exc)
        return value

    def _mark_down(self, exc: Exception) -> None:
        with self._lock:
            if not self._down:
                log.warning("Cache unavailable, serving uncached: %s", exc)
            self._down = True

    def _mark_up(self) -> None:
        with self._lock:
            if self._down:
                log.warning("Cache available again")
            self._down = False
