"""``dcc.Graph`` config shared by every chart: offline map assets, no cloud button.

plotly.js 4 builds the topojson address as ``topojsonURL + scope + "_" + resolution + "m.json"``
(``getTopojsonName`` / ``getTopojsonPath`` in plotly.min.js); the maps here always use scope
``world`` at resolution 110, so the browser fetches ``<topojsonURL>world_110m.json``, which is
shipped in ``assets/`` (see assets/README.md). Regions are zoomed with axis ranges, never with
``geo.scope``, because a scope such as ``africa`` would fetch ``africa_110m.json`` instead.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

ASSETS_DIR = Path(__file__).resolve().parents[2] / "assets"
TOPOJSON_FILE = "world_110m.json"
#: Layout size and scale of slide-size exports: 1280x720 at 1.5x = 1920x1080 pixels.
SLIDE_LAYOUT = (1280, 720)
SLIDE_SCALE = 1.5


def _safe_filename(filename: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", filename).strip("._")
    return cleaned[:80] or "gcm_dashboard"


def graph_config(filename: str = "gcm_dashboard", assets_prefix: str = "/assets/") -> dict:
    """A fresh config dict for ``dcc.Graph``: local topojson; the toolbar camera downloads a
    1920x1080 PNG (slide size) named after the view.

    The figure is laid out at 1280x720, the size its type was tuned for, and scaled 1.5x:
    the image then matches what a 1280x720 screen share shows, only sharper.
    """
    prefix = assets_prefix if assets_prefix.endswith("/") else assets_prefix + "/"
    return {
        "displaylogo": False,
        "showSendToCloud": False,
        "showEditInChartStudio": False,
        "topojsonURL": prefix,
        "responsive": True,
        # The camera would save the screen figure, without its title and source: the export
        # buttons above each chart save the full anatomy instead (assets/chart_exports.js).
        "modeBarButtonsToRemove": ["lasso2d", "select2d", "toImage"],
        "toImageButtonOptions": {"format": "png", "filename": _safe_filename(filename),
                                 "width": SLIDE_LAYOUT[0], "height": SLIDE_LAYOUT[1],
                                 "scale": SLIDE_SCALE},
    }


#: The default config. Treat as read-only; call :func:`graph_config` for a copy to customise.
GRAPH_CONFIG = graph_config()


def topojson_path() -> Path:
    """Absolute path of the shipped world topojson (for kaleido exports)."""
    return ASSETS_DIR / TOPOJSON_FILE


def geo_assets_script() -> str:
    """JavaScript that registers the shipped world topojson with plotly.js (no fetch needed).

    plotly.js looks maps up as ``PlotlyGeoAssets.topojson["world_110m"]`` and only fetches
    ``topojsonURL + "world_110m.json"`` when that entry is missing.
    """
    shapes = topojson_path().read_text(encoding="utf-8")
    json.loads(shapes)  # a broken asset should fail here, with its name, not inside Chromium
    return ("(window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}}).topojson"
            f'["world_110m"] = {shapes};\n')
