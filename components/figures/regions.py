"""Published SG_CPA_MIGRP shares by SDG region: 2019 against 2021 for one policy domain."""
from __future__ import annotations

import math

import pandas as pd

from components.theme import Theme, get_theme, layout_dict
from data.formatting import format_percent

from .empty import empty_figure
from .common import value_label_room
from .plain import FigureDict, figure, trace


def make_region_shares(shares: pd.DataFrame, domain_code: str, *, theme: Theme | str = "light",
                       title: str | None = None, subtitle: str | None = None,
                       source: str | None = None) -> FigureDict:
    """Dumbbell per SDG region: open marker 2019, filled marker 2021, for ``domain_code``.

    ``shares`` comes from :func:`data.regional_data.sdg_region_shares` (already ordered). A missing
    round is simply not drawn and the hover says so.
    """
    theme = get_theme(theme)
    rows = shares[shares["domain_code"] == domain_code]
    title = title or "Share of countries with migration policies (SG_CPA_MIGRP), by SDG region"
    if rows.empty:
        return empty_figure("No published regional shares for this domain", theme, title=title, subtitle=subtitle)
    labels = [f"<b>{a}</b>" if a == "World" else a for a in rows["area"]]
    xs, ys = [], []
    for a, b, y in zip(rows["share_2019"], rows["share_2021"], labels):
        if not (math.isnan(a) or math.isnan(b)):
            xs += [a, b, None]
            ys += [y, y, None]

    def fmt(v):
        return format_percent(v, 1, missing="not published")  # one decimal, half up

    text = [f"<b>{r.area}</b><br>2019: {fmt(r.share_2019)}<br>2021: {fmt(r.share_2021)}" for r in rows.itertuples()]
    traces = [
        trace("scatter", x=xs, y=ys, mode="lines", showlegend=False, hoverinfo="skip",
              line={"color": theme.muted_text_color, "width": 3}),
        trace("scatter", x=rows["share_2019"], y=labels, mode="markers", name="2019", text=text,
              hovertemplate="%{text}<extra></extra>",
              marker={"symbol": "circle-open", "size": theme.marker_size + 4,
                      "color": theme.text_color, "line": {"width": 2}}),
        trace("scatter", x=rows["share_2021"], y=labels, mode="markers+text", name="2021", text=text,
              texttemplate=[fmt(v) for v in rows["share_2021"]],
              # The label goes on the side away from the 2019 marker, so a fall does not print over it.
              # Near 0% there is no room on the left (the region names are there): right then.
              textposition=["middle left" if b < a and b >= 40 else "middle right"
                            for a, b in zip(rows["share_2019"].tolist(), rows["share_2021"].tolist())],
              hovertemplate="%{text}<extra></extra>",
              textfont={"color": theme.text_color, "size": max(11, theme.font_size - 2)},
              # A label next to 0% or 100% may run past the axis: draw it whole (the margin has room).
              cliponaxis=False,
              marker={"symbol": "circle", "size": theme.marker_size + 4, "color": theme.ordinal_colors[1]}),
    ]
    axes = {
        # Three labelled ticks (grid lines every 25%): five crowd each other on a phone.
        "xaxis": {"range": [0, 118], "tickvals": [0, 50, 100], "tickangle": 0,
                  "ticktext": ["0%", "50%", "100%"], "gridcolor": theme.grid_color,
                  "minor": {"tickvals": [25, 75], "showgrid": True, "gridcolor": theme.grid_color},
                  "zeroline": False, "fixedrange": True,
                  "title": {"text": "Share of countries (%), as published by the UN"}},
        "yaxis": {"categoryorder": "array", "categoryarray": labels, "autorange": "reversed",
                  "ticksuffix": " ", "fixedrange": True, "automargin": True},
    }
    layout = layout_dict(traces, theme, title=title, subtitle=subtitle, source=source, extra=axes)
    layout["margin"]["r"] = max(layout["margin"]["r"], value_label_room(theme))
    return figure(traces, layout)
