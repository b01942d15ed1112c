"""The plotly.js the dashboard page runs: its own small bundle and the world map shapes, both early.

Dash's ``dcc.Graph`` draws with ``window.Plotly`` when the page has one, and otherwise fetches the
full plotly.js (4.8 MB, 1.29 MB compressed) the first time a graph mounts, after the first
callback has answered: on the critical path of the first chart. The page instead carries
``assets/vendor/plotly-gcm.min.js`` (built by scripts/build_plotly.mjs from the pinned npm
plotly.js: only the trace types the views draw, ~0.4 MB compressed) as a deferred script, so it
downloads with the other scripts and is parsed while the renderer waits for the layout and the
first callback. assets/plotly_bundle.js points Dash's fallback URL at the same file, so the full
bundle is never requested.

The map's world shapes would otherwise be fetched by plotly.js only once the map starts drawing
(``topojsonURL`` + ``world_110m.json``). ``GET /geo/world_110m.js`` serves the same shapes as a
script that registers them in ``window.PlotlyGeoAssets`` (as the exports do), deferred as well, so
they arrive with the page.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from flask import Flask, Response

from components.figures.geo_config import geo_assets_script

#: Path of the bundle under the assets folder (also its URL path under ``assets/``).
BUNDLE_PATH = "vendor/plotly-gcm.min.js"
GEO_PATH = "geo/world_110m.js"


def _version(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:12]


def register(server: Flask, assets_folder: Path) -> list[dict]:
    """Add ``GET /geo/world_110m.js`` to ``server``; return the ``external_scripts`` entries
    for the page: the bundle and the shapes, deferred, each with a content hash in its URL so a
    new build is never read from an old cache. URLs are relative to the page, so they hold
    under any path prefix."""
    geo = geo_assets_script().encode("utf-8")

    @server.route("/" + GEO_PATH)
    def world_shapes():
        response = Response(geo, mimetype="text/javascript")
        # The URL carries the content hash: a changed file is a new URL.
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response

    bundle = (Path(assets_folder) / BUNDLE_PATH).read_bytes()
    return [{"src": f"assets/{BUNDLE_PATH}?v={_version(bundle)}", "defer": "defer", "data-plotly-bundle": "gcm"},
            {"src": f"{GEO_PATH}?v={_version(geo)}", "defer": "defer"}]
