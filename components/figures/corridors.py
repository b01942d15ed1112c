"""SDG 10.c.1 corridor costs for one country, against the 3% target and 5% ceiling."""
from __future__ import annotations

import pandas as pd

from components.theme import Theme, get_theme, layout_dict
from data.formatting import format_banded

from .anatomy import TICK_LINE
from .common import fit_source_right_of_labels, row_height, value_label_room, vline
from .empty import empty_figure
from .plain import FigureDict, figure, trace



def make_corridor_costs(costs: pd.DataFrame, *, theme: Theme | str = "light", title: str | None = None,
                        subtitle: str | None = None, source: str | None = None,
                        target: float = 3.0, ceiling: float = 5.0) -> FigureDict:
    """Horizontal dot-and-stem chart, one row per corridor (``costs`` from data.corridor_data,
    dearest first), coloured by band (every band in the legend, worst first, with its count); each
    label carries the corridor's year. Costs print with two decimals, like the band rule."""
    theme = get_theme(theme)
    title = title or "Remittance corridor costs"
    if costs.empty:
        return empty_figure("No corridor costs for this selection", theme, title=title, subtitle=subtitle)
    labels = [f"{r.partner} ({r.year})" for r in costs.itertuples()]
    traces = []
    # Every band, worst first, as the other status legends (one colour per band whichever are present);
    # the labels come from the catalogue rule via data.corridor_data.with_bands.
    bands = (list(costs["band"].cat.categories) if isinstance(costs["band"].dtype, pd.CategoricalDtype)
             else list(dict.fromkeys(costs.sort_values("band_index")["band"])))
    for style in theme.status_styles(bands[::-1]):
        mask = costs["band"] == style["label"]
        part = costs[mask]
        part_labels = [lab for lab, m in zip(labels, mask) if m]
        xs, ys = [], []
        for v, y in zip(part["value"], part_labels):
            xs += [0, v, None]
            ys += [y, y, None]
        traces.append(trace("scatter", x=xs, y=ys, mode="lines", showlegend=False, hoverinfo="skip",
                            legendgroup=style["label"], line={"color": style["color"], "width": 2}))
        traces.append(trace(
            "scatter", x=part["value"], y=part_labels, mode="markers+text", name=f"{style['label']} ({len(part)})",
            legendgroup=style["label"], text=[format_banded(v) for v in part["value"]],
            texttemplate="%{text}", textposition="middle right", cliponaxis=False,  # the margin has room
            textfont={"color": theme.text_color, "size": max(11, theme.font_size - 2)},
            customdata=[[p, int(y), b] for p, y, b in zip(part["partner"], part["year"], part["band"])],
            hovertemplate="<b>%{customdata[0]}</b><br>Cost: %{text} of USD 200<br>%{customdata[2]}"
                          "<br>Year: %{customdata[1]}<extra></extra>",
            marker={"symbol": style["marker"], "size": theme.marker_size + 4, "color": style["color"],
                    "line": {"color": theme.text_color, "width": 1}}))
    span = [labels[0], labels[-1]]
    traces.append(vline(target, span, theme, "dot", f"{target:g}% target (SDG 10.c)"))
    traces.append(vline(ceiling, span, theme, "dash", f"{ceiling:g}% ceiling"))
    high = float(costs["value"].max())
    axes = {
        "xaxis": {"range": [0, max(high * 1.15, ceiling * 1.3)], "ticksuffix": "%", "gridcolor": theme.grid_color,
                  "zeroline": False, "fixedrange": True, "side": "top"},
        "yaxis": {"categoryorder": "array", "categoryarray": labels, "autorange": "reversed", "ticksuffix": " ",
                  "fixedrange": True, "automargin": True},
    }
    layout = layout_dict(traces, theme, title=title, subtitle=subtitle, source=source, axis_space=False,
                         extra=axes)
    layout["margin"]["r"] = max(layout["margin"]["r"], value_label_room(theme))
    fit_source_right_of_labels(layout, theme, labels)  # the footer starts right of the corridor names
    layout["margin"]["t"] += theme.font_size * 2  # room for the x ticks on top
    # A name longer than a tick line wraps (components/figures/anatomy.py): give every row two lines.
    per_row = 2.6 if max(len(label) for label in labels) > TICK_LINE else 1.8
    layout["height"] = row_height(len(costs), theme, per_row=per_row, extra=int(layout["margin"]["t"]) + 80)
    # The legend is a row above the x ticks (which sit on top, next to the first corridors), not
    # a column on the right that took half of a phone's width from the bars.
    plot_height = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    layout["legend"] = {**layout["legend"], "y": 1 + theme.font_size * 2.4 / max(plot_height, 1)}
    return figure(traces, layout)
