"""Compress each versioned script and stylesheet once per worker, not once per visitor.

flask-compress compresses every response as it goes out. For the page's bundles that is most of
the cost of a first visit on a small server: zstd level 9 takes ~80 ms for the plotly.js bundle and
~45 ms for dash-ag-grid, per request, on a 2-core machine. Its documented cache hook
(``COMPRESS_CACHE_KEY`` / ``COMPRESS_CACHE_BACKEND``) keeps the compressed bytes; this module
decides what may be kept: only GET responses whose URL names one fixed content (Dash's fingerprinted
component suites, assets with Dash's ``?m=`` stamp, our ``?v=`` hashed scripts). Callbacks, pages,
fragments and downloads change with the data and are never kept. The store is capped in bytes, so
made-up version stamps cannot grow it without bound.

Flask sends files as streams, and flask-compress compresses streams chunk by chunk without its
cache, so ``buffer_versioned_files`` also reads a versioned file's response into memory first (a few MB at most,
and only for the files this module would keep).
"""
from __future__ import annotations

import threading

from flask import Flask, request

#: URL prefixes of files that never change under one URL, given the version rules below.
VERSIONED_PREFIXES = ("/_dash-component-suites/", "/assets/", "/geo/", "/page-assets/")
#: The key for anything that must not be kept (the backend ignores it).
NOT_KEPT = "-"
#: At most this many compressed bytes per worker (every bundle of the page, in two encodings, is ~3 MB).
MAX_BYTES = 32 * 1024 * 1024


def cache_key(request) -> str:
    """flask-compress ``COMPRESS_CACHE_KEY``: the full path of a versioned file, else ``NOT_KEPT``."""
    if request.method != "GET" or not request.path.startswith(VERSIONED_PREFIXES):
        return NOT_KEPT
    versioned = (request.path.startswith("/_dash-component-suites/")  # Dash puts the version in the path
                 or "m" in request.args or "v" in request.args)
    return request.full_path if versioned else NOT_KEPT


class CompressedAssetCache:
    """flask-compress ``COMPRESS_CACHE_BACKEND``: compressed bytes by (encoding; path), capped in size."""

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.data: dict[str, bytes] = {}
        self.lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        """The kept bytes for ``key``, if any."""
        return self.data.get(key)

    def set(self, key: str, value: bytes) -> None:
        """Keep ``value`` unless the key says not to, it is kept already, or the store is full."""
        if key.endswith(";" + NOT_KEPT) or key in self.data:
            return
        with self.lock:
            if self.size + len(value) <= self.max_bytes:
                self.data[key] = value
                self.size += len(value)



def compress_settings() -> dict:
    """flask-compress settings that keep versioned files: put into ``server.config`` before
    Dash binds flask-compress (it reads them once, then)."""
    return {"COMPRESS_CACHE_KEY": cache_key, "COMPRESS_CACHE_BACKEND": CompressedAssetCache}


def buffer_versioned_files(server: Flask) -> None:
    """Read a versioned file's streamed response into memory so flask-compress can use its cache.
    Call after Dash has bound flask-compress: Flask runs after-request hooks in reverse order of
    registration, so this runs before compression."""

    @server.after_request
    def buffer_versioned_file(response):
        if response.is_streamed and response.status_code == 200 and cache_key(request) != NOT_KEPT:
            response.direct_passthrough = False
            response.make_sequence()
        return response
