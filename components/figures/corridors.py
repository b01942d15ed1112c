"""SDG 10.c.1 corridor costs for one country, against the 3% target and 5% ceiling."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.theme import Theme, apply_layout, get_theme

from .common import legend_right, row_height, vline
from .empty import empty_figure

BANDS = ("Above 5% ceiling", "3-5%: above target", "Below 3% target")  # worst first


def make_corridor_costs(costs: pd.DataFrame, *, theme: Theme | str = "light", title: str | None = None,
                        subtitle: str | None = None, source: str | None = None,
                        target: float = 3.0, ceiling: float = 5.0) -> go.Figure:
    """Horizontal dot-and-stem chart, one row per corridor (``costs`` from data.corridor_data,
    dearest first), coloured by band; each label carries the corridor's year."""
    theme = get_theme(theme)
    title = title or "Remittance corridor costs"
    if costs.empty:
        return empty_figure("No corridor costs for this selection", theme, title=title, subtitle=subtitle)
    labels = [f"{r.partner} ({r.year})" for r in costs.itertuples()]
    fig = go.Figure()
    for style in theme.status_styles(list(BANDS)):
        mask = costs["band"] == style["label"]
        part = costs[mask]
        part_labels = [lab for lab, m in zip(labels, mask) if m]
        xs, ys = [], []
        for v, y in zip(part["value"], part_labels):
            xs += [0, v, None]
            ys += [y, y, None]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", showlegend=False, hoverinfo="skip",
                                 legendgroup=style["label"], line={"color": style["color"], "width": 2}))
        fig.add_trace(go.Scatter(
            x=part["value"], y=part_labels, mode="markers+text", name=f"{style['label']} ({len(part)})",
            legendgroup=style["label"], texttemplate="%{x:.1f}%", textposition="middle right",
            textfont={"color": theme.text_color, "size": max(11, theme.font_size - 2)},
            customdata=part[["partner", "year"]].to_numpy(),
            hovertemplate="<b>%{customdata[0]}</b><br>Cost: %{x:.2f}% of USD 200<br>Year: %{customdata[1]}<extra></extra>",
            marker={"symbol": style["marker"], "size": theme.marker_size + 4, "color": style["color"],
                    "line": {"color": theme.text_color, "width": 1}}))
    span = [labels[0], labels[-1]]
    vline(fig, target, span, theme, "dot", f"{target:g}% target (SDG 10.c)")
    vline(fig, ceiling, span, theme, "dash", f"{ceiling:g}% ceiling")
    high = float(costs["value"].max())
    fig.update_xaxes(range=[0, max(high * 1.15, ceiling * 1.3)], ticksuffix="%", gridcolor=theme.grid_color,
                     zeroline=False, fixedrange=True, side="top")
    fig.update_yaxes(categoryorder="array", categoryarray=labels, autorange="reversed", ticksuffix=" ",
                     fixedrange=True, automargin=True)
    apply_layout(fig, theme, title=title, subtitle=subtitle, source=source, axis_space=False)
    legend_right(fig, theme)
    fig.layout.margin.t += theme.font_size * 2
    fig.update_layout(height=row_height(len(costs), theme, per_row=1.8, extra=int(fig.layout.margin.t) + 80))
    return fig
