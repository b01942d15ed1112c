"""Server-side chart pictures: plotly figure dicts -> 1920x1080 PNG bytes with kaleido, offline.

kaleido 1.x drives a headless Chromium through choreographer. Three things keep it offline:
- plotly.js comes from the plotly package's own ``plotly.min.js`` (a file:// script), and MathJax
  (a CDN script by default) is switched off;
- the world map shapes are registered in ``window.PlotlyGeoAssets`` by a generated file:// script,
  so plotly never fetches ``world_110m.json`` (and a file:// page may not fetch file:// data);
- Chromium gets a proxy that does not exist (127.0.0.1:9), so any request that still tried to
  leave the machine fails at once instead of waiting on the network.

The browser is Debian's ``chromium`` (or ``BROWSER_PATH``, the variable choreographer reads).
"""
from __future__ import annotations

import asyncio
import logging
import os
import shutil
import tempfile
import threading
from pathlib import Path

import plotly

from components.figures.geo_config import SLIDE_LAYOUT, SLIDE_SCALE, geo_assets_script

#: A port nothing listens on: Chromium's proxy, so that no request reaches any network.
DEAD_PROXY = "127.0.0.1:9"
PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


class ChartImageError(RuntimeError):
    """A picture could not be made; the message says why in words a user can act on."""


def browser_path() -> str | None:
    """The Chromium to use: ``BROWSER_PATH`` if set, else ``chromium`` (Debian) on PATH."""
    return (os.environ.get("BROWSER_PATH") or shutil.which("chromium")
            or shutil.which("chromium-browser") or shutil.which("google-chrome"))


async def _render_all(figures: list[dict], folder: Path, path: str) -> list[bytes]:
    import kaleido
    from kaleido import PageGenerator

    geo_js = folder / "geo_assets.js"
    geo_js.write_text(geo_assets_script(), encoding="utf-8")
    page = PageGenerator(plotly=str(PLOTLY_JS), mathjax=False, others=[str(geo_js)])
    opts = {"format": "png", "width": SLIDE_LAYOUT[0], "height": SLIDE_LAYOUT[1], "scale": SLIDE_SCALE}
    # One browser for the whole deck: starting Chromium costs about a second, a figure much less.
    async with kaleido.Kaleido(n=1, page_generator=page, path=path, proxy_server=DEAD_PROXY,
                               enable_extensions=False, timeout=60) as k:
        return [await k.calc_fig(fig, opts=opts) for fig in figures]


def render_pngs(figures: list[dict]) -> list[bytes]:
    """PNG bytes (1920x1080: laid out at 1280x720, scaled 1.5x) of each plotly figure dict."""
    path = browser_path()
    if not path or not Path(path).is_file():
        raise ChartImageError("Chart pictures need Chromium on the server: install Debian's chromium "
                              "(apt-get install chromium) or set BROWSER_PATH to a Chrome/Chromium binary.")
    # kaleido and choreographer log every tab at INFO: dozens of lines per export in the app log.
    for name in ("kaleido", "choreographer", "logistro"):
        logging.getLogger(name).setLevel(logging.WARNING)
    result: dict = {}

    def run() -> None:
        # In a thread of its own: asyncio.run needs a thread without a running event loop.
        try:
            with tempfile.TemporaryDirectory(prefix="gcm-charts-") as tmp:
                result["pngs"] = asyncio.run(_render_all(figures, Path(tmp), path))
        except Exception as exc:  # reported below as one readable line
            result["error"] = exc

    worker = threading.Thread(target=run, name="gcm-chart-images")
    worker.start()
    worker.join()
    if "error" in result:
        exc = result["error"]
        raise ChartImageError(f"The chart pictures could not be drawn ({type(exc).__name__}: "
                              f"{str(exc).splitlines()[0] if str(exc) else 'no detail'}).") from exc
    return result["pngs"]
