"""Compare 2-6 countries: one dot-plot row per indicator, with region and world medians."""
from __future__ import annotations

import math

import pandas as pd

from components.theme import Theme, get_theme, layout_dict
from data.formatting import format_value, text_or_empty
from data.labels import short_label

from .common import series_colors
from .empty import empty_figure
from .plain import FigureDict, figure, trace

SYMBOLS = ("circle", "square", "diamond", "triangle-up", "star", "hexagon")


def _offset(k: int, n: int) -> float:
    """Vertical offset of the k-th country inside its row, so equal values do not hide each other."""
    return (k - (n - 1) / 2) * (0.6 / max(n, 2))


def _span(values: list[float], indicator: pd.Series) -> list[float]:
    if indicator["kind"] == "ordinal_1_4":
        return [0.6, 4.4]
    finite = [v for v in values if not math.isnan(v)]
    low, high = min(finite), max(finite)
    pad = (high - low) * 0.08 or max(abs(high) * 0.1, 1)
    return [low - pad, high + pad]


def _row_axes(row: int, n_rows: int, spacing: float) -> tuple[str, dict, dict]:
    """(axis suffix, x axis, y axis) of small-multiple ``row`` (0 = top) in a one-column grid."""
    height = (1 - spacing * (n_rows - 1)) / n_rows
    top = 1 - row * (height + spacing)
    suffix = "" if row == 0 else str(row + 1)
    return (suffix, {"anchor": f"y{suffix}", "domain": [0.0, 1.0]},
            {"anchor": f"x{suffix}", "domain": [max(0.0, top - height), top]})


def make_compare(rows: pd.DataFrame, indicators: pd.DataFrame, names: dict[str, str], *,
                 theme: Theme | str = "light", title: str | None = None, subtitle: str | None = None,
                 source: str | None = None) -> FigureDict:
    """Small multiples: one row (own x scale) per indicator in ``rows`` (see data.compare_data)."""
    theme = get_theme(theme)
    title = title or "Countries compared"
    ids = list(dict.fromkeys(rows["indicator_id"]))
    if not ids:
        return empty_figure("None of these countries has data for these indicators", theme,
                            title=title, subtitle=subtitle)
    specs = {i: indicators.loc[i].to_dict() for i in ids}  # plain dicts: read per point below
    labels = [f"Obj {specs[i]['primary_objective']} · {short_label(specs[i])}" for i in ids]
    spacing = min(0.04, 0.5 / len(ids))
    palette = series_colors(theme)
    order = list(names)
    traces, axes = [], {}
    # Plain records grouped by indicator: per-cell frame filters cost more than the figure.
    by_indicator: dict[str, list[dict]] = {}
    for record in rows.to_dict("records"):
        by_indicator.setdefault(record["indicator_id"], []).append(record)
    for r, ind_id in enumerate(ids):
        ind = specs[ind_id]
        part = by_indicator[ind_id]
        first = {}
        for record in part:
            first.setdefault(record["iso3"], record)
        suffix, xaxis, yaxis = _row_axes(r, len(ids), spacing)
        on_row = {"xaxis": f"x{suffix}", "yaxis": f"y{suffix}"}
        y = [0]
        for k, iso3 in enumerate(order):
            c = first.get(iso3)
            if c is None or pd.isna(c["value"]):
                continue
            traces.append(trace(
                "scatter", x=[c["value"]], y=[_offset(k, len(order))], mode="markers", name=names[iso3],
                legendgroup=iso3, showlegend=False, **on_row,
                text=[f"<b>{names[iso3]}</b><br>{ind['label']}<br>{format_value(c['value'], ind, with_unit=True)} "
                      f"({int(c['year'])})" + (f"<br>{status}" if (status := text_or_empty(c["status"])) else "")],
                hovertemplate="%{text}<extra></extra>",
                marker={"symbol": SYMBOLS[k % len(SYMBOLS)], "size": theme.marker_size + 5,
                        "color": palette[k % len(palette)], "opacity": 0.9,
                        "line": {"color": theme.background, "width": 1}}))
        refs = {}
        for record in part:
            refs.setdefault(record["region"], record)
        for ref in refs.values():
            if ref["region_count"] and not math.isnan(ref["region_median"]):
                traces.append(trace(
                    "scatter", x=[ref["region_median"]], y=y, mode="markers", showlegend=False,
                    legendgroup="region", **on_row,
                    text=[f"{ref['region']} median: {format_value(ref['region_median'], ind, with_unit=True)} "
                          f"({ref['region_count']} countries)"],
                    hovertemplate="%{text}<extra></extra>",
                    marker={"symbol": "line-ns", "size": theme.marker_size * 2.6, "color": theme.muted_text_color,
                            "line": {"color": theme.muted_text_color, "width": 2}}))
        w = part[0]
        if w["world_count"]:
            traces.append(trace(
                "scatter", x=[w["world_median"]], y=y, mode="markers", showlegend=False, legendgroup="world",
                **on_row,
                text=[f"World median: {format_value(w['world_median'], ind, with_unit=True)} ({w['world_count']} countries)"],
                hovertemplate="%{text}<extra></extra>",
                marker={"symbol": "line-ns", "size": theme.marker_size * 3.4, "color": theme.reference_line,
                        "line": {"color": theme.reference_line, "width": 2}}))
        span_values = [x["value"] for x in part] + [x["region_median"] for x in part] + [w["world_median"]]
        axes[f"xaxis{suffix}"] = {**xaxis, "range": _span(span_values, ind), "gridcolor": theme.grid_color,
                                  "zeroline": False, "fixedrange": True, "nticks": 5,
                                  "tickfont": {"size": max(10, theme.font_size - 3)}}
        axes[f"yaxis{suffix}"] = {**yaxis, "fixedrange": True, "showgrid": False, "ticksuffix": " ",
                                  "automargin": True, "range": [-0.5, 0.5], "tickvals": [0],
                                  "ticktext": [labels[r]], "zeroline": False}
    # Legend: one entry per country and for the two reference marks, drawn once.
    for k, iso3 in enumerate(order):
        traces.append(trace("scatter", x=[None], y=[None], mode="markers", name=names[iso3], legendgroup=iso3,
                            marker={"symbol": SYMBOLS[k % len(SYMBOLS)], "size": theme.marker_size + 5,
                                    "color": palette[k % len(palette)]}))
    traces.append(trace("scatter", x=[None], y=[None], mode="markers", name="Region median", legendgroup="region",
                        marker={"symbol": "line-ns", "size": theme.marker_size * 2,
                                "line": {"color": theme.muted_text_color, "width": 2}}))
    traces.append(trace("scatter", x=[None], y=[None], mode="markers", name="World median", legendgroup="world",
                        marker={"symbol": "line-ns", "size": theme.marker_size * 2,
                                "line": {"color": theme.reference_line, "width": 2}}))
    layout = layout_dict(traces, theme, title=title, subtitle=subtitle, source=source, axis_space=False,
                         extra={**axes, "hovermode": "closest"})
    # The legend stays on its own row above the plot: a column on the right would take half of a
    # phone's width from the rows.
    layout["height"] = round(len(ids) * theme.font_size * 4.2 + layout["margin"]["t"] + layout["margin"]["b"])
    return figure(traces, layout)
