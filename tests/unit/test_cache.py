"""The bounded file cache and the circuit breaker around any cache backend."""
from __future__ import annotations

import logging
import random

from webapp.cache import FigureCache
from webapp.filecache import PRUNE_FRACTION, BoundedFileCache


def test_the_file_cache_stays_within_its_byte_bound(tmp_path):
    bound = 1_000_000
    cache = BoundedFileCache(tmp_path / "c", bound)
    # Random bytes do not compress: 25 entries fill the bound; 200 are written.
    entry = random.Random(1).randbytes(40_000)
    for i in range(200):
        assert cache.set(f"key-{i}", entry + bytes([i]))
        assert cache.size() <= bound + bound // PRUNE_FRACTION + 50_000
    assert cache.size() <= bound
    assert cache.get("key-199") == entry + bytes([199])  # the newest stay
    assert cache.get("key-0") is None  # the oldest went first


def test_an_oversized_entry_is_not_stored(tmp_path):
    cache = BoundedFileCache(tmp_path / "c", 1_000_000)
    assert cache.set("big", random.Random(2).randbytes(200_000)) is False and cache.get("big") is None
    assert cache.size() == 0


def test_entries_are_stored_compressed(tmp_path):
    cache = BoundedFileCache(tmp_path / "c", 1_000_000)
    page = "<tr><td>Ghana</td><td>3 Meets</td></tr>" * 5_000  # 195 kB of repetitive markup
    assert cache.set("matrix", page) and cache.get("matrix") == page
    assert cache.size() < len(page) // 10


def test_entries_expire_and_a_damaged_entry_reads_as_missing(tmp_path):
    cache = BoundedFileCache(tmp_path / "c", 1_000_000, default_timeout=3600)
    cache.set("expired", "v", timeout=-5)  # its expiry time is already past
    cache.set("forever", "v", timeout=0)
    cache.set("fresh", "v")
    assert cache.get("expired") is None and cache.get("forever") == "v" and cache.get("fresh") == "v"
    for path in (tmp_path / "c").glob("*.entry"):
        with open(path, "r+b") as handle:
            handle.truncate(5)  # half an entry
    assert cache.get("fresh") is None
    cache.clear()
    assert cache.size() == 0


class Flaky:
    """A backend that fails (like a hung or stopped Redis) while ``down`` is set."""

    def __init__(self):
        self.down = False
        self.calls = 0
        self.store = {}

    def get(self, key):
        self.calls += 1
        if self.down:
            raise TimeoutError("Timeout reading from socket")
        return self.store.get(key)

    def set(self, key, value):
        if self.down:
            raise TimeoutError("Timeout writing to socket")
        self.store[key] = value


def test_the_breaker_opens_after_three_failures_skips_the_backend_then_closes(caplog):
    now = [1000.0]
    backend = Flaky()
    cache = FigureCache(backend, failures_to_open=3, cool_down=30, clock=lambda: now[0])
    assert cache.get_or_build("k", lambda: "built") == "built" and backend.store["k"] == "built"
    backend.down = True
    with caplog.at_level(logging.WARNING, logger="gcm.cache"):
        results = [cache.get_or_build("k", lambda: "local") for _ in range(50)]
        assert results == ["local"] * 50
        assert backend.calls == 1 + 3  # three timeouts, then the backend is not asked again
        assert cache.breaker_open and cache.bypassed == 47
        now[0] += 31  # cool-down over: one trial, still down, open again at once
        assert cache.get_or_build("k", lambda: "local") == "local" and backend.calls == 5
        assert cache.breaker_open
        backend.down = False
        now[0] += 31
        assert cache.get_or_build("k", lambda: "local") == "built"  # served from the backend again
        assert not cache.breaker_open
    messages = [r.getMessage() for r in caplog.records]
    assert len([m for m in messages if m.startswith("Cache unavailable")]) == 1  # once per outage
    assert "after 3 failures in a row: Timeout reading from socket" in messages[0]
    assert messages.count("Cache available again") == 1
