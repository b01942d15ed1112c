"""Versioned bundles are compressed once per worker and kept; nothing that changes is ever kept."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from components import ids
from webapp.compressed_assets import CompressedAssetCache
from webapp.plotly_bundle import BUNDLE_PATH

ROOT = Path(__file__).resolve().parents[2]
GZIP = {"Accept-Encoding": "gzip"}


def kept(app) -> CompressedAssetCache:
    compress = next(f.__self__ for f in app.server.after_request_funcs[None]
                    if getattr(f, "__name__", "") == "after_request" and hasattr(f, "__self__"))
    return compress.cache


def test_a_versioned_bundle_is_compressed_once_and_served_whole(app, client):
    url = f"/assets/{BUNDLE_PATH}?v=test-once"
    first, second = client.get(url, headers=GZIP), client.get(url, headers=GZIP)
    original = (ROOT / "assets" / BUNDLE_PATH).read_bytes()
    for response in (first, second):
        assert response.status_code == 200 and response.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(response.data) == original
    assert f"gzip;{url}" in kept(app).data
    # a conditional request still gets its 304
    assert client.get(url, headers={**GZIP, "If-None-Match": second.headers["ETag"]}).status_code == 304


def test_pages_callbacks_and_unversioned_files_are_never_kept(app, client, dash_client):
    before = set(kept(app).data)
    assert client.get("/", headers=GZIP).status_code == 200
    assert client.get("/assets/app.css", headers=GZIP).status_code == 200
    assert client.get("/fragments/matrix", headers=GZIP).status_code == 200
    body = dash_client.payload(f"{ids.CONTENT}.children", {f"{ids.URL}.search": "?view=uneven"}, [f"{ids.URL}.search"])
    rendered = client.post("/_dash-update-component", data=json.dumps(body), content_type="application/json",
                           headers=GZIP)
    assert rendered.status_code == 200 and rendered.headers["Content-Encoding"] == "gzip"
    assert set(kept(app).data) == before


def test_the_store_is_capped_in_bytes():
    cache = CompressedAssetCache(max_bytes=10)
    cache.set("gzip;/assets/a.js?m=1", b"123456")
    cache.set("gzip;/assets/a.js?m=2", b"123456")  # would pass the cap: not kept
    cache.set("gzip;-", b"1")
    assert list(cache.data) == ["gzip;/assets/a.js?m=1"] and cache.size == 6
    assert cache.get("gzip;/assets/a.js?m=2") is None
