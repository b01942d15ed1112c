"""Holds the served :class:`~data.snapshot.Snapshot` and swaps in changed data only when it is sound.

A background thread in each worker (``start_checker``) looks at the files' sizes and modification
times every ``reload_seconds``; no request ever waits for a reload. A change is copied aside,
checked against the folder's ``datapackage.json`` (when there is one), validated, loaded and only
then published in one assignment. A rejected update is logged with the file and the reason, shown
on /health as ``last_data_error``, and the previous data keeps being served. Accepted data is kept
on disk (:mod:`webapp.accepted`) so a worker started later, or one that saw a broken folder,
serves the same last accepted version as the others.
"""
from __future__ import annotations

import gc
import logging
import os
import threading
import time
from pathlib import Path

from data.load import fingerprint, load_dataset
from data.manifest import ManifestMismatch, has_manifest, verify_manifest
from data.model import Dataset
from data.snapshot import Snapshot

from .accepted import AcceptedData

log = logging.getLogger("gcm.data")

#: Shortest pause between two checks, whatever GCM_RELOAD_SECONDS says.
MIN_CHECK_SECONDS = 0.1


class DataStore:
    """Thread-safe holder of the last good :class:`Snapshot` (dataset, vocabulary, index, version).

    ``reload_seconds`` > 0: each worker checks the files in a background thread, started by
    :meth:`after_fork` (gunicorn's ``post_fork``), by :meth:`start_checker` in a single-process
    server (``python dashboard.py``), or on the first :meth:`current` call in a forked process that
    got neither. 0: no automatic checks; :meth:`check_now` checks on demand (tests, tools).
    ``warmers`` are called with each new snapshot before it is published (e.g. the page layout),
    so the first request after an update does not build them either.
    """

    def __init__(self, folder: Path, extra_files: tuple[Path, ...] = (), reload_seconds: float = 5.0,
                 loader=None, accepted_dir: Path = Path(".cache/accepted-data")):
        self._folder = Path(folder)
        self._extra = tuple(Path(p) for p in extra_files)
        self._reload_seconds = reload_seconds
        self._loader = loader or load_checked
        self._lock = threading.Lock()
        self._checker_pid = 0
        self._creator_pid = os.getpid()
        self._stop = threading.Event()
        self.warmers: list = []
        self.last_error: str = ""
        try:
            self._accepted = AcceptedData(accepted_dir, self._folder, self._extra)
        except OSError as exc:
            raise DataLoadError(f"GCM_ACCEPTED_DIR={accepted_dir} cannot be used ({exc.strerror or exc}); "
                                "point it at a writable folder") from exc
        self._seen = self._current_stamp()  # files last looked at (may be a rejected update)
        try:
            self._served, self._served_at = self._load_staged()
        except Exception as exc:  # noqa: BLE001 - re-raised with a readable report
            report = failure_report(exc)
            log.error("The dashboard cannot start: its data was rejected.\n%s", report)
            raise DataLoadError(report) from exc
        settle_heap()
        log.info("Serving data version %s (%d observations)", self._served.version,
                 len(self._served.dataset.observations))

    def current(self) -> Snapshot:
        """The snapshot to serve now. Never reloads: that happens in the background checker."""
        if self._checker_pid != os.getpid() and os.getpid() != self._creator_pid and self._reload_seconds > 0:
            # a forked worker whose server did not call after_fork (not our gunicorn.conf.py): catch up
            # once here. The creating process (gunicorn's master under preload_app) never starts a
            # checker: a thread there could hold a lock at the moment a worker is forked.
            self.after_fork()
        return self._served

    def start_checker(self) -> None:
        """Start this process's background checker (once per process; threads do not survive fork)."""
        with self._lock:
            if self._checker_pid == os.getpid() or self._reload_seconds <= 0:
                return
            self._checker_pid = os.getpid()
        threading.Thread(target=self._check_forever, name="gcm-data-checker", daemon=True).start()

    def after_fork(self) -> None:
        """In a freshly forked worker: adopt the last accepted data (never the master's start-up
        copy if the data changed since), then start the checker. gunicorn's ``post_fork`` calls it."""
        self._follow_accepted()
        self.start_checker()

    def stop_checker(self) -> None:
        """Stop this process's background checker (tests and embedders that outlive the store)."""
        self._stop.set()

    def _check_forever(self) -> None:
        pause = max(self._reload_seconds, MIN_CHECK_SECONDS)
        while not self._stop.wait(pause):
            try:
                self.check_now()
            except Exception:  # noqa: BLE001 - the checker must outlive any surprise
                log.exception("The data check failed; serving data version %s", self._served.version)

    def check_now(self) -> None:
        """Look at the files now: take a sound change, reject a bad one, follow other workers."""
        with self._lock:
            stamp = self._current_stamp()
            if stamp != self._seen:
                self._seen = stamp  # don't retry the same broken files every few seconds
                self._reload()
            self._follow_accepted_locked()

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

    def _load_staged(self) -> tuple[Snapshot, float]:
        """Copy the files aside, load the copy and record it as accepted."""
        started_at = time.time()
        staging = None
        try:
            staging, extra = self._accepted.stage()
            snapshot = self._prepared(self._loader(staging, extra))
        except Exception as exc:
            if staging is not None:
                self._accepted.discard(staging)
            raise SourceError(exc, str(staging or self._folder), str(self._folder)) from exc
        self._accepted.record(staging, snapshot.version, started_at)
        return snapshot, started_at

    def _prepared(self, dataset: Dataset) -> Snapshot:
        snapshot = Snapshot.of(dataset)
        for warm in self.warmers:
            warm(snapshot)
        return snapshot

    def _reload(self) -> None:
        try:
            snapshot, started_at = self._load_staged()
        except Exception as exc:  # noqa: BLE001 - any failure must leave the last good data in place
            report = failure_report(exc)
            mismatch = isinstance(exc.__cause__, ManifestMismatch)
            # /health is public: say what kind of problem, never which files or their contents.
            self.last_error = ("the last data update was rejected: its files do not match datapackage.json; "
                               "see the server log" if mismatch else
                               "the last data update was rejected; see the server log")
            # A mismatch is expected while an update is being written: a warning, not an error.
            log.log(logging.WARNING if mismatch else logging.ERROR,
                    "Data update rejected; still serving data version %s.\n%s", self._served.version, report)
            return
        self._publish(snapshot, started_at)
        self.last_error = ""

    def _publish(self, snapshot: Snapshot, started_at: float) -> None:
        if snapshot.version == self._served.version:
            self._served_at = max(self._served_at, started_at)
            return
        self._served, self._served_at = snapshot, started_at  # one assignment: readers see old or new
        settle_heap(after_reload=True)
        log.info("Data updated to version %s (%d observations)", snapshot.version,
                 len(snapshot.dataset.observations))

    def _follow_accepted(self) -> None:
        with self._lock:
            self._follow_accepted_locked()

    def _follow_accepted_locked(self) -> None:
        latest = self._accepted.latest()
        if latest is None or latest.version == self._served.version or latest.started_at <= self._served_at:
            return
        try:
            snapshot = self._prepared(self._loader(latest.folder, latest.extra))
        except Exception as exc:  # noqa: BLE001 - e.g. pruned meanwhile: keep serving, retry next check
            log.warning("Could not load the accepted data version %s: %s", latest.version, failure_report(exc))
            return
        self._publish(snapshot, latest.started_at)
        self.last_error = ""


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
    if isinstance(exc, SourceError):
        return exc.report
    problems = getattr(exc, "problems", None)
    if problems:
        head = str(exc).splitlines()[0]
        return head + "\n" + "\n".join(f"  - {p.message}" for p in problems)
    return f"{type(exc).__name__}: {exc}"


class SourceError(Exception):
    """A load failure whose ``report`` names the data folder, not the staging copy that was read."""

    def __init__(self, exc: Exception, staging: str, folder: str):
        self.report = failure_report(exc).replace(staging, folder)
        super().__init__(self.report)


def load_checked(folder: Path, extra: tuple[Path, ...] = ()) -> Dataset:
    """Load ``folder`` (and ``extra`` user files) after checking it against its manifest.

    Raises :class:`~data.manifest.ManifestMismatch` when a file differs from ``datapackage.json``;
    a folder without one (a user's own data) is loaded on validation alone, and the log says so.
    """
    if has_manifest(folder):
        problems = verify_manifest(folder)
        if problems:
            raise ManifestMismatch(folder, problems)
    else:
        log.info("No datapackage.json in the data folder: file integrity could not be checked; "
                 "the data is accepted on validation alone (python -m data package DIR writes one)")
    dataset = load_dataset(folder)
    if extra:
        from data.merge import load_user_files
        from data.readers import Reference
        dataset = load_user_files(list(extra), dataset, Reference.from_dataset(dataset, folder))
    return dataset
