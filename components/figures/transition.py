"""From -> to charts that show every country at once: the 10.7.2 transition matrix and, for a
continuous indicator, the first value against the latest with the no-change diagonal.

The matrix has one cell per (2019 category, 2021 category): the number of countries in it is
written in the cell with a symbol for the direction (above the diagonal improved, on it the
same, below it declined), so it reads without colour; the shade only repeats the count. Hovering
a cell lists its countries; the view repeats them in a table.
"""
from __future__ import annotations

import pandas as pd

from components.theme import Theme, get_theme, layout_dict
from data.formatting import default_source, direction_text, format_value
from data.frames import column_rows
from data.labels import ORDINAL_SHORT

from .empty import empty_figure
from .fit import projected_size
from .plain import FigureDict, figure, trace

#: Direction -> (symbol written in the matrix cells and scatter legend, words).
DIRECTION_MARK = {"improved": ("\u25b2", "improved"), "same": ("=", "same"), "declined": ("\u25bc", "declined"),
                  "higher": ("\u25b2", "higher"), "lower": ("\u25bc", "lower")}
#: Marker shape per direction in the scatter (shape repeats the colour's meaning).
DIRECTION_MARKER = {"improved": "triangle-up", "same": "circle", "declined": "triangle-down",
                    "higher": "triangle-up", "lower": "triangle-down"}
NAMES_PER_LINE = 3


def _names_text(names: list[str]) -> str:
    if not names:
        return "no country"
    lines = [", ".join(names[i:i + NAMES_PER_LINE]) for i in range(0, len(names), NAMES_PER_LINE)]
    return "<br>".join(lines)


def _category_tick(n: int) -> str:
    return f"{n} {ORDINAL_SHORT[n]}".replace("Further progress", "Further<br>progress")


def make_transition_matrix(cells: pd.DataFrame, indicator: pd.Series, *, theme: Theme | str = "light",
                           title: str | None = None, subtitle: str | None = None, source: str | None = None,
                           from_year: int = 2019, to_year: int = 2021) -> FigureDict:
    """A 4x4 heatmap of countries by first-round category (rows) and second-round category (columns).

    ``cells`` comes from :func:`data.change_data.transition_matrix`.
    """
    theme = get_theme(theme)
    title = title or f"{indicator['label']}: {from_year} \u2192 {to_year}"
    if cells.empty or int(cells["count"].sum()) == 0:
        return empty_figure("No country in this selection reported both rounds", theme,
                            title=title, subtitle=subtitle)
    cats = sorted(set(cells["from_category"]))
    grid = {(a, b): (n, d, names) for a, b, n, d, names in
            column_rows(cells, "from_category", "to_category", "count", "direction", "names")}
    z = [[grid[(a, b)][0] for b in cats] for a in cats]
    # An empty cell is a plain 0: its direction symbol would only add noise.
    text = [[f"<b>{grid[(a, b)][0]}</b> {DIRECTION_MARK[grid[(a, b)][1]][0]}" if grid[(a, b)][0] else "0"
             for b in cats] for a in cats]
    hover = [[f"<b>{from_year}: {a} {ORDINAL_SHORT[a]} \u2192 {to_year}: {b} {ORDINAL_SHORT[b]}</b><br>"
              f"{grid[(a, b)][0]} {'country' if grid[(a, b)][0] == 1 else 'countries'} "
              f"({DIRECTION_MARK[grid[(a, b)][1]][1]})<br>{_names_text(grid[(a, b)][2])}" for b in cats]
             for a in cats]
    ticks = [_category_tick(n) for n in cats]
    size = projected_size(theme)
    # A single-hue scale from the page background: the count, not the direction (that is the symbol).
    scale = [[0, theme.background], [1, theme.count_color]]
    traces = [trace("heatmap", z=z, x=ticks, y=ticks, text=text, texttemplate="%{text}",
                    textfont={"size": round(size * 1.25)}, customdata=hover,
                    hovertemplate="%{customdata}<extra></extra>", colorscale=scale, showscale=False,
                    xgap=3, ygap=3, zmin=0, zmax=max(1, max(max(r) for r in z)), name="Countries")]
    # The diagonal (no change) outlined, so "same" reads as a line through the matrix.
    shapes = [{"type": "rect", "xref": "x", "yref": "y", "x0": i - 0.5, "x1": i + 0.5, "y0": i - 0.5,
               "y1": i + 0.5, "line": {"color": theme.text_color, "width": 2}, "fillcolor": theme.transparent}
              for i in range(len(cats))]
    axes = {
        "xaxis": {"side": "top", "title": {"text": f"<b>{to_year}</b> category \u2192", "standoff": 6},
                  "tickfont": {"size": size}, "fixedrange": True, "showgrid": False, "zeroline": False,
                  "automargin": True},
        "yaxis": {"autorange": "reversed", "title": {"text": f"<b>{from_year}</b> category", "standoff": 6},
                  "tickfont": {"size": size}, "fixedrange": True, "showgrid": False, "zeroline": False,
                  "automargin": True, "ticksuffix": " "},
        "shapes": shapes, "hovermode": "closest",
    }
    layout = layout_dict(traces, theme, title=title, subtitle=subtitle,
                         source=source or default_source(indicator), axis_space=False, extra=axes)
    # The 2021 ticks and axis title above the cells take their room through the axis automargin.
    return figure(traces, layout)


def make_first_latest(rows: pd.DataFrame, indicator: pd.Series, *, theme: Theme | str = "light",
                      highlight=(), title: str | None = None, subtitle: str | None = None,
                      source: str | None = None, base_year: int = 2019) -> FigureDict:
    """Each country's ``base_year`` value (x) against its latest later value (y), with the diagonal
    of no change. ``rows`` comes from :func:`data.change_data.first_and_latest`."""
    theme = get_theme(theme)
    title = title or f"{indicator['label']}: {base_year} against latest"
    if rows.empty:
        return empty_figure(f"No country in this selection reported in {base_year} and later", theme,
                            title=title, subtitle=subtitle)
    spec = indicator.to_dict()
    spot = set(highlight)
    low = float(min(rows["from_value"].min(), rows["to_value"].min()))
    high = float(max(rows["from_value"].max(), rows["to_value"].max()))
    pad = (high - low) * 0.04 or 1.0
    span = [low - pad, high + pad]
    traces = [trace("scatter", x=span, y=span, mode="lines", name="No change (diagonal)", hoverinfo="skip",
                    line={"color": theme.reference_line, "width": 2, "dash": "dash"})]
    size = projected_size(theme)
    for direction in dict.fromkeys(rows["direction"].tolist()):
        part = rows[rows["direction"] == direction]
        mark, word = DIRECTION_MARK[direction]
        colour = theme.change_colors.get(direction, theme.muted_text_color)
        text = [f"<b>{name}</b> ({region})<br>{base_year}: {format_value(a, spec, with_unit=True)}"
                f"<br>{int(when)}: {format_value(b, spec, with_unit=True)}<br>{word}"
                for name, region, a, b, when in column_rows(part, "name", "region", "from_value", "to_value",
                                                             "to_year")]
        labels = [name if iso3 in spot else "" for name, iso3 in column_rows(part, "name", "iso3")]
        traces.append(trace(
            "scatter", x=part["from_value"], y=part["to_value"], mode="markers+text" if spot else "markers",
            name=f"{mark} {word.capitalize()} ({len(part)})", customdata=text,
            hovertemplate="%{customdata}<extra></extra>", text=labels, textposition="top center",
            textfont={"size": size, "color": theme.text_color}, cliponaxis=False,
            marker={"symbol": DIRECTION_MARKER[direction], "size": theme.marker_size + 3, "color": colour,
                    "opacity": 0.9, "line": {"color": [theme.highlight if i in spot else theme.background
                                                       for i in part["iso3"].tolist()],
                                             "width": [theme.highlight_width if i in spot else 1
                                                       for i in part["iso3"].tolist()]}}))
    unit = str(indicator.get("unit") or "")
    axes = {
        "xaxis": {"title": {"text": f"{base_year}, {unit}"}, "range": span, "gridcolor": theme.grid_color,
                  "zeroline": False, "automargin": True},
        # Same range on both axes, so the diagonal is the line of no change; not forced square,
        # which would shrink the plot in a wide 16:9 box.
        "yaxis": {"title": {"text": f"Latest, {unit}"}, "range": span, "gridcolor": theme.grid_color,
                  "zeroline": False, "automargin": True},
        "hovermode": "closest",
    }
    layout = layout_dict(traces, theme, title=title, subtitle=subtitle,
                         source=source or default_source(indicator), extra=axes)
    return figure(traces, layout)


def first_latest_note(indicator: pd.Series, rows: pd.DataFrame, base_year: int = 2019) -> str:
    """What the axes hold and which side of the diagonal is better, in words (for the subtitle)."""
    direction = indicator.get("direction", "none")
    if direction == "lower_is_better":
        where = "below the diagonal = lower = better"
    elif direction == "higher_is_better":
        where = "above the diagonal = higher = better"
    else:
        where = f"above the diagonal = higher ({direction_text(direction)})"
    years = sorted(set(rows["to_year"].tolist()))
    latest = ("" if not years else f" ({years[0]})" if len(years) == 1 else f" ({years[0]}\u2013{years[-1]})")
    return f"Each point a country: {base_year} against its latest value{latest}; {where}"
