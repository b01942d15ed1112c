"""The last accepted data, kept on disk so that every worker serves the same version.

A reload copies the data files into a staging folder first and loads only that copy, so what
is validated is exactly what is served, even if the originals are rewritten meanwhile. When
the copy is accepted it becomes ``<root>/<version>/`` and ``current.json`` points at it. A
worker that starts later (after a crash, ``max_requests`` or a kill) loads from there instead
of serving the master's start-up copy, and a worker that saw a broken folder follows the
pointer to what another worker accepted.

Layout, one root per data source (data folder + extra files), so two dashboards sharing the
folder never adopt each other's data::

    <accepted_dir>/<source key>/current.json   {"version": ..., "started_at": ...}
    <accepted_dir>/<source key>/<version>/     the accepted CSV files (+ extra/ user files)
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from data.manifest import MANIFEST

POINTER = "current.json"
EXTRA = "extra"
#: Accepted copies kept besides the current one (a worker may still be loading the previous).
KEEP_PREVIOUS = 2
#: A staging folder this old was left by a worker killed while copying: no one will finish it.
STALE_STAGING_SECONDS = 600


@dataclass(frozen=True)
class Accepted:
    """One accepted copy: its folder, its extra user files and when its files were read."""

    version: str
    started_at: float
    folder: Path
    extra: tuple[Path, ...]


class AcceptedData:
    """Staging, recording and finding the last accepted copy of one data source."""

    def __init__(self, accepted_dir: Path, folder: Path, extra: tuple[Path, ...]):
        source = "\0".join([str(Path(folder).resolve()), *(str(Path(p).resolve()) for p in extra)])
        self.root = Path(accepted_dir) / hashlib.sha256(source.encode()).hexdigest()[:16]
        self.root.mkdir(parents=True, exist_ok=True)
        self._folder = Path(folder)
        self._extra = tuple(Path(p) for p in extra)

    def stage(self) -> tuple[Path, tuple[Path, ...]]:
        """Copy the source's files into a new staging folder; return it and its extra-file paths.

        Raises OSError if a file vanishes while being copied (a replace in progress)."""
        staging = self.root / f".staging-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        staging.mkdir()
        for path in [*self._folder.glob("*.csv"), *self._folder.glob(MANIFEST)]:
            shutil.copyfile(path, staging / path.name)
        extras = []
        if self._extra:
            for i, path in enumerate(self._extra):
                # one numbered folder per file: the user's file name (it appears in reports) is
                # kept, equal names stay apart, and the order is the user's order
                target = staging / EXTRA / str(i) / path.name
                target.parent.mkdir(parents=True)
                shutil.copyfile(path, target)
                extras.append(target)
        return staging, tuple(extras)

    def discard(self, staging: Path) -> None:
        """Remove a staging folder that was not accepted."""
        shutil.rmtree(staging, ignore_errors=True)

    def record(self, staging: Path, version: str, started_at: float) -> Accepted:
        """Keep an accepted staging folder as ``<version>/`` and point ``current.json`` at it,
        unless the pointer already names data read later (a slower worker must not go back)."""
        final = self.root / version
        try:
            os.rename(staging, final)
        except OSError:  # another worker kept the same version first: identical content
            self.discard(staging)
        with open(self.root / ".lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            current = self.latest()
            if current is None or current.started_at <= started_at:
                tmp = self.root / f".{POINTER}.{os.getpid()}.tmp"
                tmp.write_text(json.dumps({"version": version, "started_at": started_at}))
                os.replace(tmp, self.root / POINTER)
            self._prune()
        return self._accepted(version, started_at)

    def latest(self) -> Accepted | None:
        """The copy ``current.json`` points at, or None if there is none (or it is unreadable)."""
        try:
            pointer = json.loads((self.root / POINTER).read_text())
            version, started_at = str(pointer["version"]), float(pointer["started_at"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not (self.root / version).is_dir():
            return None
        return self._accepted(version, started_at)

    def _accepted(self, version: str, started_at: float) -> Accepted:
        folder = self.root / version
        extra = tuple(sorted((folder / EXTRA).glob("*/*"), key=lambda p: int(p.parent.name)))
        return Accepted(version, started_at, folder, extra)

    def _prune(self) -> None:
        now = time.time()
        for path in self.root.glob(".staging-*"):
            try:
                if now - path.stat().st_mtime > STALE_STAGING_SECONDS:
                    shutil.rmtree(path, ignore_errors=True)
            except OSError:
                pass  # removed by its own worker meanwhile
        current = self.latest()
        versions = sorted((p for p in self.root.iterdir() if p.is_dir() and not p.name.startswith(".")),
                          key=lambda p: p.stat().st_mtime, reverse=True)
        keep = {current.version if current else None, *(p.name for p in versions[:KEEP_PREVIOUS + 1])}
        for path in versions:
            if path.name not in keep:
                shutil.rmtree(path, ignore_errors=True)
