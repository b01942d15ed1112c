"""Change between the 10.7.2 rounds (dumbbell) and continuous series over time."""
from __future__ import annotations

import pandas as pd

from components.theme import Theme, get_theme, layout_dict
from data.formatting import default_source, direction_text, format_value, numeric_target, target_text
from data.frames import column_rows
from data.labels import ORDINAL_SHORT
from data.status import ORDINAL_CATEGORIES

from .common import hline, row_height, series_colors
from .empty import empty_figure
from .plain import FigureDict, figure, trace

DIRECTION_STYLE = {"improved": ("triangle-right", "Improved"), "same": ("circle", "Same"),
                   "declined": ("triangle-left", "Declined")}


def make_dumbbell(rows: pd.DataFrame, indicator: pd.Series, *, theme: Theme | str = "light",
                  highlight=(), title: str | None = None, subtitle: str | None = None,
                  source: str | None = None, from_year: int = 2019, to_year: int = 2021) -> FigureDict:
    """One row per country: open marker at the first round, filled marker (shape = direction) at the second.

    ``rows`` comes from :func:`data.change_data.dumbbell_rows` (already ordered).
    """
    theme = get_theme(theme)
    title = title or f"{indicator['label']}: {from_year} and {to_year}"
    if rows.empty:
        return empty_figure("No country in this selection reported both rounds", theme,
                            title=title, subtitle=subtitle)
    spot = set(highlight)
    labels = [f"<b>{n} ◆</b>" if i in spot else n for n, i in column_rows(rows, "name", "iso3")]
    traces = [trace(
        "scatter", x=rows["from_value"], y=labels, mode="markers", name=f"{from_year} (open circle)",
        hoverinfo="skip", marker={"symbol": "circle-open", "size": theme.marker_size + 2,
                                  "color": theme.text_color, "line": {"width": 2}})]
    for direction, (symbol, word) in DIRECTION_STYLE.items():
        part = rows[rows["direction"] == direction]
        part_labels = [lab for lab, d in zip(labels, rows["direction"].tolist()) if d == direction]
        colour = theme.change_colors[direction]
        xs, ys = [], []
        for a, b, y in zip(part["from_value"].tolist(), part["to_value"].tolist(), part_labels):
            xs += [a, b, None]
            ys += [y, y, None]
        traces.append(trace("scatter", x=xs, y=ys, mode="lines", showlegend=False, hoverinfo="skip",
                            line={"color": colour, "width": 3}))
        text = [f"<b>{name}</b> ({region})<br>{from_year}: {int(a)} {ORDINAL_CATEGORIES.get(int(a), '')}"
                f"<br>{to_year}: {int(b)} {ORDINAL_CATEGORIES.get(int(b), '')}<br>{word}"
                for name, region, a, b in column_rows(part, "name", "region", "from_value", "to_value")]
        traces.append(trace(
            "scatter", x=part["to_value"], y=part_labels, mode="markers", name=f"{to_year}: {word} ({len(part)})",
            text=text, hovertemplate="%{text}<extra></extra>",
            marker={"symbol": symbol, "size": theme.marker_size + 8, "color": colour,
                    "line": {"color": theme.background, "width": 1}}))
    ticks = list(ORDINAL_CATEGORIES)
    axes = {
        # Ticks under the rows: the legend is a row above the plot (a column on the right took
        # most of a phone's width), and ticks on top would meet it.
        "xaxis": {"range": [0.6, 4.4], "tickvals": ticks, "side": "bottom",
                  "ticktext": [f"{n}<br>{ORDINAL_SHORT[n]}".replace("Further progress", "Further<br>progress") for n in ticks],
                  "tickangle": 0, "automargin": True,
                  "gridcolor": theme.grid_color, "zeroline": False, "fixedrange": True},
        "yaxis": {"categoryorder": "array", "categoryarray": labels, "autorange": "reversed",
                  "ticksuffix": " ", "showgrid": True, "gridcolor": theme.grid_color, "fixedrange": True,
                  "automargin": True},
        "hovermode": "closest",
    }
    layout = layout_dict(traces, theme, title=title, subtitle=subtitle,
                         source=source or default_source(indicator), axis_space=False, extra=axes)
    layout["height"] = row_height(len(rows), theme, per_row=1.7, extra=int(layout["margin"]["t"]) + 120)
    return figure(traces, layout)


def make_time_series(series: pd.DataFrame, indicator: pd.Series, *, by: str, theme: Theme | str = "light",
                     title: str | None = None, subtitle: str | None = None,
                     source: str | None = None) -> FigureDict:
    """Lines over time, one per country (``by="name"``, columns name, year, value) or per region
    median (``by="group"``, columns group, year, median, count), with the official target line."""
    theme = get_theme(theme)
    title = title or str(indicator["label"])
    if series.empty:
        return empty_figure("No values over time for this selection", theme, title=title, subtitle=subtitle)
    value_col = "median" if by == "group" else "value"
    traces = []
    palette = series_colors(theme)
    symbols = ("circle", "square", "diamond", "triangle-up", "x", "star", "hexagon", "cross")
    for n, (key, part) in enumerate(series.groupby(by, sort=True)):
        part = part.sort_values("year")
        colour = theme.region_color(key) if by == "group" else palette[n % len(palette)]
        if by == "group":
            text = [f"<b>{key}</b> median {int(r.year)}: {format_value(r.median, indicator, with_unit=True)} "
                    f"({r.count} {'country' if r.count == 1 else 'countries'})" for r in part.itertuples()]
        else:
            text = [f"<b>{key}</b> {int(r.year)}: {format_value(r.value, indicator, with_unit=True)}" for r in part.itertuples()]
        traces.append(trace(
            "scatter", x=part["year"], y=part[value_col], mode="lines+markers", name=str(key), text=text,
            hovertemplate="%{text}<extra></extra>", connectgaps=False,
            line={"color": colour, "width": 3},
            marker={"symbol": symbols[n % len(symbols)], "size": theme.marker_size, "color": colour}))
    target = numeric_target(indicator)
    if target is not None:
        traces.append(hline(target, [int(series["year"].min()), int(series["year"].max())], theme, "dot",
                            f"Official target: {target_text(indicator)}"))
    unit = str(indicator.get("unit") or "")
    what = "Region median, " if by == "group" else ""
    axes = {
        "yaxis": {"title": {"text": f"{what}{unit} ({direction_text(indicator['direction'])})"},
                  "gridcolor": theme.grid_color, "zeroline": False, "automargin": True},
        "xaxis": {"gridcolor": theme.grid_color, "tickformat": "d"},
    }
    # Whole years only; a step of 2 beyond six years, so the labels stay apart on a phone.
    span = int(series["year"].max()) - int(series["year"].min())
    axes["xaxis"].update(tickangle=0, tick0=int(series["year"].min()), dtick=1 if span <= 5 else 2 if span <= 12 else 5)
    layout = layout_dict(traces, theme, title=title, subtitle=subtitle,
                         source=source or default_source(indicator), extra=axes)
    # The legend keeps layout_dict's row above the plot: a column on the right took most of a
    # phone's width from the plot.
    return figure(traces, layout)
