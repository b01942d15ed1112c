"""A filesystem cache shared by the workers of one host, bounded in bytes.

flask-caching's FileSystemCache bounds the number of entries (5,000), not their size: with
entries of several MB that is tens of GB, enough to fill a disk. This cache keeps the total
under ``max_bytes``: after every ``max_bytes / PRUNE_FRACTION`` bytes a process has written, it
sums the folder and deletes the oldest entries until the total is under ``LOW_WATER`` of the
bound. Between two prunes each process can add at most that slice, so the folder never holds
more than ``max_bytes * (1 + workers / PRUNE_FRACTION)``. An entry larger than
``max_bytes / MAX_ENTRY_FRACTION`` is not stored at all (it is built each time instead).

Entries are pickles compressed with zlib (level 1: the HTML and figure JSON the views render
shrink ~16x for ~3 ms, so a 1.2 MB matrix takes 70 kB), written to a temporary file and renamed,
so a reader never sees half an entry (the same trust model as flask-caching's file cache: only
this app writes the folder).
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import struct
import time
import uuid
import zlib
from pathlib import Path

log = logging.getLogger("gcm.cache")

PRUNE_FRACTION = 64
MAX_ENTRY_FRACTION = 16
LOW_WATER = 0.8
_EXPIRY = struct.Struct("<d")  # absolute expiry time (0: never) before the pickle
SUFFIX = ".entry"


class BoundedFileCache:
    """get/set/clear on a folder of pickled entries whose total size stays bounded."""

    def __init__(self, folder: Path, max_bytes: int, default_timeout: int = 3600):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.max_bytes = int(max_bytes)
        self.max_entry_bytes = max(1, self.max_bytes // MAX_ENTRY_FRACTION)
        self.default_timeout = default_timeout
        self._written = self.max_bytes  # prune on the first write: the folder may be over already

    def _path(self, key: str) -> Path:
        return self.folder / (hashlib.sha256(key.encode("utf-8")).hexdigest() + SUFFIX)

    def get(self, key: str):
        """The value stored under ``key``, or None when absent or expired."""
        try:
            with open(self._path(key), "rb") as handle:
                (expires,) = _EXPIRY.unpack(handle.read(_EXPIRY.size))
                if expires and expires < time.time():
                    return None
                return pickle.loads(zlib.decompress(handle.read()))
        except (OSError, EOFError, struct.error, pickle.UnpicklingError, zlib.error):
            return None

    def set(self, key: str, value, timeout: int | None = None) -> bool:
        """Store ``value``; False when it is too large to cache (it is then simply not kept)."""
        data = zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)
        if len(data) > self.max_entry_bytes:
            log.info("Not caching an entry of %d bytes (over the %d-byte entry limit)", len(data),
                     self.max_entry_bytes)
            return False
        timeout = self.default_timeout if timeout is None else timeout
        expires = time.time() + timeout if timeout else 0.0
        target = self._path(key)
        tmp = self.folder / f".{uuid.uuid4().hex}.tmp"
        with open(tmp, "wb") as handle:
            handle.write(_EXPIRY.pack(expires))
            handle.write(data)
        os.replace(tmp, target)
        self._written += len(data) + _EXPIRY.size
        if self._written >= self.max_bytes // PRUNE_FRACTION:
            self.prune()
        return True

    def size(self) -> int:
        """Bytes the cache's entries take now."""
        return sum(size for _, size, _ in self._entries())

    def _entries(self) -> list[tuple[Path, int, float]]:
        entries = []
        with os.scandir(self.folder) as it:
            for entry in it:
                if entry.name.endswith(SUFFIX):
                    try:
                        stat = entry.stat()
                    except OSError:  # removed by another worker meanwhile
                        continue
                    entries.append((Path(entry.path), stat.st_size, stat.st_mtime))
        return entries

    def prune(self) -> None:
        """Delete the oldest entries until the folder is under ``LOW_WATER`` of the bound."""
        self._written = 0
        entries = self._entries()
        total = sum(size for _, size, _ in entries)
        if total <= self.max_bytes:
            return
        goal = self.max_bytes * LOW_WATER
        for path, size, _ in sorted(entries, key=lambda e: e[2]):
            if total <= goal:
                break
            try:
                path.unlink()
            except OSError:
                pass  # another worker pruned it first
            total -= size

    def clear(self) -> None:
        """Delete every entry."""
        for path, _, _ in self._entries():
            path.unlink(missing_ok=True)
