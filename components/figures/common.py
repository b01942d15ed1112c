"""Small helpers shared by the analysis figure builders (reference lines, heights, jitter)."""
from __future__ import annotations

import zlib

import plotly.graph_objects as go

from components.theme import Theme


def row_height(n_rows: int, theme: Theme, per_row: float = 1.9, extra: int = 230, minimum: int = 420) -> int:
    """A figure height that gives each category row enough room for its label at the theme's size."""
    return max(minimum, round(n_rows * theme.font_size * per_row + extra))


def vline(fig: go.Figure, x: float, y_span, theme: Theme, dash: str, label: str, **trace_kw) -> None:
    """A vertical reference line that names itself in the legend (no label collisions)."""
    fig.add_trace(go.Scatter(x=[x, x], y=list(y_span), mode="lines", name=label, hoverinfo="name",
                             line={"color": theme.reference_line, "width": 2, "dash": dash}, **trace_kw))


def hline(fig: go.Figure, y: float, x_span, theme: Theme, dash: str, label: str, **trace_kw) -> None:
    """A horizontal reference line that names itself in the legend."""
    fig.add_trace(go.Scatter(x=list(x_span), y=[y, y], mode="lines", name=label, hoverinfo="name",
                             line={"color": theme.reference_line, "width": 2, "dash": dash}, **trace_kw))


def jitter(key: str, spread: float = 0.28) -> float:
    """Deterministic offset in [-spread, spread] from ``key`` (same on every render)."""
    return (zlib.crc32(key.encode()) % 1000) / 1000 * 2 * spread - spread


def series_colors(theme: Theme) -> list[str]:
    """Distinct colours for up to six named series (the theme's Okabe-Ito region colours)."""
    return list(dict.fromkeys(theme.region_colors.values()))


def legend_right(fig: go.Figure, theme: Theme) -> go.Figure:
    """Move the legend from above the plot to a column on its right.

    apply_layout sizes the top legend for a 1280 px export; in the narrower dashboard column a long
    legend wraps into more rows than reserved and runs into the subtitle or top axis ticks. A
    column on the right never does. Call after apply_layout.
    """
    from components.theme import _legend_rows
    names = [t.name for t in fig.data if t.showlegend is not False and t.name]
    if not names:
        return fig
    reserved = _legend_rows(fig, theme, (theme.export_width - 60) * 0.8) * theme.font_size * 1.6 + 8
    longest = max(len(n) for n in names)
    fig.layout.margin.t = max(40, int(fig.layout.margin.t - reserved))
    fig.layout.margin.r = int(min(320, 50 + longest * theme.font_size * 0.6))
    fig.update_layout(legend={"orientation": "v", "x": 1.01, "xanchor": "left", "y": 1, "yanchor": "top",
                              "yref": "paper"})
    return fig
