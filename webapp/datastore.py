"""Holds the current Dataset and swaps in changed data only when it validates.

Modification times are checked at most every ``reload_seconds``; a failed reload is logged
with its full report and the previous data keeps being served.
"""
from __future__ import annotations

import gc
import hashlib
import logging
import threading
import time
from pathlib import Path

from data.load import fingerprint, load_dataset
from data.model import Dataset
from data.vocabulary import Vocabulary, build_vocabulary

log = logging.getLogger("gcm.data")


class DataStore:
    """Thread-safe holder of the last good :class:`Dataset` and its :class:`Vocabulary`."""

    def __init__(self, folder: Path, extra_files: tuple[Path, ...] = (), reload_seconds: float = 5.0,
                 loader=None):
        self._folder = Path(folder)
        self._extra = tuple(Path(p) for p in extra_files)
        self._reload_seconds = reload_seconds
        self._loader = loader or _default_loader
        self._lock = threading.Lock()
        self._checked_at = 0.0
        self._stamp = self._current_stamp()  # files behind the data being served
        self._seen = self._stamp  # files last looked at (may be a rejected update)
        try:
            dataset = self._loader(self._folder, self._extra)
            # one attribute, swapped in one assignment: readers never see new data with old vocab
            self._served = (dataset, build_vocabulary(dataset))
            settle_heap()
        except Exception as exc:  # noqa: BLE001 - re-raised with a readable report
            report = failure_report(exc)
            log.error("The dashboard cannot start: its data was rejected.\n%s", report)
            raise DataLoadError(report) from exc
        self.last_error: str = ""

    def _current_stamp(self) -> str:
        try:
            stamp = fingerprint(self._folder)
        except OSError as exc:  # a file vanished while being listed (mid-replace): look again later
            return f"unreadable:{exc.errno}"
        for path in self._extra:
            try:
                stat = path.stat()
                stamp += f"|{path}:{stat.st_size}:{stat.st_mtime_ns}"
            except OSError:
                stamp += f"|{path}:missing"
        return stamp

    @property
    def version(self) -> str:
        """A short hash that changes whenever the served data changes (part of every cache key)."""
        return hashlib.sha1(self._stamp.encode()).hexdigest()[:12]

    def current(self) -> tuple[Dataset, Vocabulary]:
        """The dataset and vocabulary to serve now, reloading first if files changed."""
        now = time.monotonic()
        if now - self._checked_at >= self._reload_seconds:
            self._maybe_reload(now)
        return self._served

    def _maybe_reload(self, now: float) -> None:
        with self._lock:
            self._checked_at = now
            stamp = self._current_stamp()
            if stamp == self._seen:
                return
            self._seen = stamp  # don't retry the same broken files every request
            try:
                dataset = self._loader(self._folder, self._extra)
                vocab = build_vocabulary(dataset)
            except Exception as exc:  # noqa: BLE001 - any failure must leave the last good data in place
                report = failure_report(exc)
                # /health is public: say that an update failed, never which files or why.
                self.last_error = "the last data update was rejected; see the server log"
                log.error("Data update rejected; still serving data version %s.\n%s",
                          self._served[0].version, report)
                return
            self._served, self._stamp = (dataset, vocab), stamp
            settle_heap(after_reload=True)
            self.last_error = ""
            log.info("Data updated to version %s", dataset.version)


def settle_heap(after_reload: bool = False) -> None:
    """Take everything alive now (chiefly the data just loaded) out of the garbage collector's view.

    The dataset lives until the next reload, but without this every full collection walks all
    of its objects again: at 100x data that put ~50 ms pauses into about one request in twenty
    (cold p95 105 -> 58 ms, docs/PERFORMANCE.md). ``gc.freeze`` is Python's tool for long-lived
    start-up data, and it also keeps the pages gunicorn workers share after the fork unwritten.
    After a reload the old data is thawed and collected first, so it is not kept forever.
    """
    if after_reload:
        gc.unfreeze()
    gc.collect()
    gc.freeze()


class DataLoadError(RuntimeError):
    """The data could not be loaded at start-up; the message is the full report."""


def failure_report(exc: Exception) -> str:
    """The full, readable report for a failed load: every validation problem, or the error itself."""
    problems = getattr(exc, "problems", None)
    if problems:
        head = str(exc).splitlines()[0]
        return head + "\n" + "\n".join(f"  - {p.message}" for p in problems)
    return f"{type(exc).__name__}: {exc}"


def _default_loader(folder: Path, extra: tuple[Path, ...]) -> Dataset:
    dataset = load_dataset(folder)
    if extra:
        from data.merge import load_user_files
        from data.readers import Reference
        dataset = load_user_files(list(extra), dataset, Reference.from_dataset(dataset, folder))
    return dataset
