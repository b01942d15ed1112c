"""Policy (SDG 10.7.2 score) against an outcome indicator: one point per country."""
from __future__ import annotations

import pandas as pd

from components.theme import Theme, get_theme, layout_dict
from data.formatting import direction_text, format_value, nature_text, numeric_target, target_text
from data.frames import column_rows
from data.labels import ORDINAL_SHORT

from .common import JITTER_SPREAD, hline, jitter
from .empty import empty_figure
from .plain import FigureDict, figure, trace


def _log_axis(values: pd.Series, indicator: pd.Series) -> bool:
    """Counts that span several orders of magnitude read better on a log axis."""
    return bool(indicator["kind"] == "count" and len(values) and values.min() > 0
                and values.max() / values.min() > 1000)


def make_gap_scatter(points: pd.DataFrame, medians: pd.DataFrame, policy: pd.Series, outcome: pd.Series, *,
                     theme: Theme | str = "light", highlight=(), title: str | None = None,
                     subtitle: str | None = None, source: str | None = None) -> FigureDict:
    """Scatter of ``points`` (from :func:`data.gap_data.gap_points`): x = policy score (shifted
    sideways within its category, which the subtitle states), y = outcome; one trace per region;
    highlighted countries ringed and named;
    ``medians`` (policy_value, median, count) drawn as short bars per score."""
    theme = get_theme(theme)
    title = title or f"{outcome['label']} against {policy['label']}"
    if points.empty:
        return empty_figure("No country has both values in this window", theme, title=title, subtitle=subtitle)
    traces = []
    spec = outcome.to_dict()  # format_value reads it per point; dict lookups are cheaper
    for region, part in points.groupby("region", sort=True):
        text = [f"<b>{name}</b> ({region})<br>Policy: {int(pv)} {ORDINAL_SHORT.get(int(pv), '')}"
                f" ({int(py)})<br>Outcome: {format_value(ov, spec, with_unit=True)} ({int(oy)})<br>Nature: {nature_text(on)}"
                for name, pv, py, ov, oy, on in column_rows(part, "name", "policy_value", "policy_year",
                                                            "outcome_value", "outcome_year", "outcome_nature")]
        traces.append(trace(
            "scatter", x=[v + jitter(i) for v, i in column_rows(part, "policy_value", "iso3")],
            y=part["outcome_value"], mode="markers", name=f"{region or 'No region'} ({len(part)})", text=text,
            hovertemplate="%{text}<extra></extra>",
            marker={"color": theme.region_color(region), "size": theme.marker_size + 2, "opacity": 0.85,
                    "line": {"color": theme.background, "width": 1}}))
    if not medians.empty:
        traces.append(trace(
            "scatter", x=medians["policy_value"], y=medians["median"], mode="markers", name="Median per score",
            text=[f"Score {int(r.policy_value)}: median {format_value(r.median, outcome, with_unit=True)} "
                  f"({r.count} {'country' if r.count == 1 else 'countries'})" for r in medians.itertuples()],
            hovertemplate="%{text}<extra></extra>",
            marker={"symbol": "line-ew", "size": theme.marker_size * 6,
                    "line": {"color": theme.text_color, "width": 4}, "color": theme.text_color}))
    spot = points[points["iso3"].isin(list(highlight))]
    if not spot.empty:
        traces.append(trace(
            "scatter", x=[v + jitter(i) for v, i in column_rows(spot, "policy_value", "iso3")],
            y=spot["outcome_value"], mode="markers+text", text=spot["name"], textposition="middle right",
            name="Selected countries", hoverinfo="skip", textfont={"color": theme.text_color, "size": theme.font_size},
            marker={"symbol": "circle-open", "size": theme.marker_size + 12, "color": theme.highlight,
                    "line": {"width": theme.highlight_width}}))
    target = numeric_target(outcome)
    if target is not None:
        traces.append(hline(target, [0.55, 4.45], theme, "dot", f"Official target: {target_text(outcome)}"))
    unit = str(outcome.get("unit") or "")
    axes = {
        # Upright labels: turned on their side (plotly's choice when they crowd) they overlap.
        "xaxis": {"range": [0.55, 4.45], "tickvals": [1, 2, 3, 4], "zeroline": False, "showgrid": False,
                  "tickangle": 0,
                  "ticktext": [f"{n} {ORDINAL_SHORT[n]}" for n in (1, 2, 3, 4)],
                  "title": {"text": f"{policy['label']} (score, government self-reported)"}},
        "yaxis": {"title": {"text": f"{unit} ({direction_text(outcome['direction'])})"},
                  "gridcolor": theme.grid_color, "zeroline": False, "automargin": True,
                  "type": "log" if _log_axis(points["outcome_value"], outcome) else "linear"},
        # Thin separators between the four score columns.
        "shapes": [{"type": "line", "x0": x, "x1": x, "xref": "x", "y0": 0, "y1": 1, "yref": "y domain",
                    "line": {"color": theme.grid_color, "width": 1}} for x in (1.5, 2.5, 3.5)],
    }
    # The subtitle states the sideways shift, so the chart (and its exports) says how to read x.
    shift = f"points shifted sideways by up to \u00b1{JITTER_SPREAD:g} within each score"
    subtitle = f"{subtitle} \u00b7 {shift}" if subtitle else shift[0].upper() + shift[1:]
    layout = layout_dict(traces, theme, title=title, subtitle=subtitle, source=source, extra=axes)
    # The legend keeps layout_dict's own row above the plot: a column on the right took half of a
    # phone's width from the plot.
    return figure(traces, layout)
