"""Check plain figure dicts the way plotly would: the builders skip plotly's validation at
request time (components/figures/plain.py), so the tests do it for them."""
from __future__ import annotations

import functools

import plotly.graph_objects as go
import plotly.io as pio


def as_figure(spec: dict) -> go.Figure:
    """``spec`` loaded into a ``go.Figure``: raises on any unknown property or invalid value."""
    assert isinstance(spec, dict) and set(spec) <= {"data", "layout", "frames"}, type(spec)
    assert all(isinstance(t, dict) and "type" in t for t in spec["data"])
    pio.to_json(spec, validate=False)  # serialisable as sent to the browser
    return go.Figure(spec)


def validated(builder):
    """``builder`` returning its figure as a validated ``go.Figure`` (for attribute access)."""
    @functools.wraps(builder)
    def build(*args, **kwargs) -> go.Figure:
        return as_figure(builder(*args, **kwargs))
    return build
