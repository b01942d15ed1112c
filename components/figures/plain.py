"""Figures as plain plotly JSON: the dict that ``dcc.Graph(figure=...)`` receives anyway.

Why not ``go.Figure``: plotly validates and tracks every property of a live figure. Building
one costs ~0.5 ms per trace and ~4-5 ms per ``update_*`` call, so a cold seven-panel chart
spent over 100 ms in plotly's bookkeeping and none in our data (docs/PERFORMANCE.md). The
builders assemble dicts instead, in about a millisecond. Property names are still checked:
the unit tests load every builder's output into ``go.Figure``, which validates strictly.
"""
from __future__ import annotations

from typing import Any

FigureDict = dict  # {"data": [trace dicts], "layout": {...}, optional "frames": [...]}


def plain(value: Any) -> Any:
    """``value`` with pandas/numpy arrays turned into lists (pickles small, serialises anywhere)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    tolist = getattr(value, "tolist", None)
    return tolist() if callable(tolist) else value


def trace(kind: str, **props) -> dict:
    """One trace of type ``kind`` ("scatter", "bar", "choropleth", ...) as a plain dict."""
    return {"type": kind, **{k: plain(v) for k, v in props.items()}}


def figure(data: list[dict], layout: dict, frames: list[dict] | None = None) -> FigureDict:
    """A figure dict from traces and a layout (see :func:`components.theme.layout_dict`)."""
    out = {"data": list(data), "layout": layout}
    if frames is not None:
        out["frames"] = frames
    return out


def annotation(layout: dict, name: str) -> dict | None:
    """The layout annotation called ``name`` (e.g. "source"), or None."""
    return next((a for a in layout.get("annotations", ()) if a.get("name") == name), None)
