"""A world map of a continuous indicator with one animation frame per year (slider + play).

Each frame shows only the values observed in that year; countries without a value that year are
drawn as "No data" — nothing is carried forward or interpolated between years. Small areas without
a shape at this scale (Comoros, Cabo Verde, Tonga, ...) are drawn as points in every frame, as on the
static map.
"""
from __future__ import annotations

import pandas as pd

from components.theme import Theme, get_theme, layout_dict
from data.formatting import default_source, direction_text, format_value
from data.frames import column_rows

from .empty import empty_figure
from .map import geo_layout, map_areas, map_frame
from .plain import FigureDict, annotation, figure, trace

MAX_FRAMES = 20


def _frame_traces(rows: pd.DataFrame, countries: pd.DataFrame, indicator: pd.Series, year: int,
                  scale: dict, theme: Theme) -> list[dict]:
    drawn, centroids = map_areas()
    names = dict(zip(countries.index.tolist(), countries["name"].tolist()))
    spec = indicator.to_dict()  # format_value reads it per country
    year_rows = rows[rows["year"] == year].drop_duplicates("iso3")
    have = year_rows[year_rows["iso3"].isin(drawn)]
    small = year_rows[~year_rows["iso3"].isin(drawn) & year_rows["iso3"].isin(list(centroids))]
    reported = set(have["iso3"].tolist())
    gaps = [i for i in countries.index.tolist() if i in drawn and i not in reported]
    values = trace(
        "choropleth", locations=have["iso3"], locationmode="ISO-3", z=have["value"], name=f"{year}",
        text=[f"<b>{names.get(i, i)}</b><br>{format_value(v, spec, with_unit=True)}<br>Year of data: {year}"
              for i, v in column_rows(have, "iso3", "value")],
        hovertemplate="%{text}<extra></extra>", marker={"line": {"color": theme.country_line,
                                                                 "width": theme.line_width}}, **scale)
    missing = trace(
        "choropleth", locations=gaps, locationmode="ISO-3", z=[1] * len(gaps), showscale=False,
        colorscale=[[0, theme.no_data_fill], [1, theme.no_data_fill]], name=f"No data in {year}",
        text=[f"<b>{names.get(i, i)}</b><br>No data in {year}" for i in gaps],
        hovertemplate="%{text}<extra></extra>",
        marker={"line": {"color": theme.no_data_line, "width": max(1.0, theme.line_width * 1.5)}})
    lon = [centroids[i][0] for i in small["iso3"]]
    lat = [centroids[i][1] for i in small["iso3"]]
    # Always present (maybe empty) so every frame has the same three traces.
    points = trace(
        "scattergeo", lon=lon, lat=lat, mode="markers", name=f"Small areas {year}", showlegend=False,
        text=[f"<b>{names.get(i, i)}</b><br>{format_value(v, spec, with_unit=True)}<br>Year of data: {year}"
              for i, v in column_rows(small, "iso3", "value")],
        hovertemplate="%{text}<extra></extra>",
        marker={"size": theme.marker_size, "color": small["value"].tolist(), "colorscale": scale["colorscale"],
                "reversescale": scale["reversescale"], "cmin": scale["zmin"], "cmax": scale["zmax"],
                "showscale": False, "line": {"color": theme.text_color, "width": 1}})
    return [values, missing, points]


def make_map_animation(rows: pd.DataFrame, indicator: pd.Series, countries: pd.DataFrame, *,
                       theme: Theme | str = "light", region: str | None = None, title: str | None = None,
                       subtitle: str | None = None, source: str | None = None,
                       max_frames: int = MAX_FRAMES) -> FigureDict:
    """Choropleth of ``rows`` (iso3, year, value) over ``countries`` with one frame per year.

    Uses the most recent ``max_frames`` years with data; the colour scale is fixed across frames
    so colours compare between years. Small areas without a drawn shape are points, as on the
    static map.
    """
    theme = get_theme(theme)
    title = title or f"{indicator['label']} by year"
    rows = rows[rows["iso3"].isin(countries.index) & rows["value"].notna()]
    if rows.empty:
        return empty_figure("No values for this selection", theme, title=title, subtitle=subtitle)
    years = sorted(int(y) for y in rows["year"].unique())[-max_frames:]
    rows = rows[rows["year"].isin(years)]
    colorscale, reverse = theme.colorscale(indicator["direction"])
    unit = str(indicator.get("unit") or "")
    scale = dict(colorscale=colorscale, reversescale=reverse, zmin=float(rows["value"].min()),
                 zmax=float(rows["value"].max()), showscale=True,
                 colorbar={"title": {"text": f"{unit}<br>({direction_text(indicator['direction'])})",
                                     "side": "right"}, "len": 0.7, "thickness": 16, "outlinewidth": 0})
    last = years[-1]
    data = _frame_traces(rows, countries, indicator, last, scale, theme)
    frames = [{"name": str(y), "data": _frame_traces(rows, countries, indicator, y, scale, theme),
               "traces": [0, 1, 2]} for y in years]
    counts = rows.groupby("year")["iso3"].nunique()
    play = {"frame": {"duration": 900, "redraw": True}, "fromcurrent": True,
            "transition": {"duration": 0}}
    controls = dict(
        geo=geo_layout(theme, region, map_frame(countries, rows)), dragmode=False, showlegend=False,
        # Play and Pause sit under the slider (not beside it): side by side, they met the slider's
        # "Year: 2021" label on a phone.
        updatemenus=[{"type": "buttons", "direction": "left", "showactive": False, "x": 0, "y": 0,
                      "xanchor": "left", "yanchor": "top", "pad": {"t": round(theme.font_size * 5.6), "r": 8},
                      "bgcolor": theme.background, "bordercolor": theme.grid_color,
                      "font": {"color": theme.text_color},
                      "buttons": [
                          {"label": "▶ Play", "method": "animate", "args": [None, play]},
                          {"label": "❚❚ Pause", "method": "animate",
                           "args": [[None], {"frame": {"duration": 0, "redraw": False},
                                             "mode": "immediate", "transition": {"duration": 0}}]}]}],
        sliders=[{"active": len(years) - 1, "x": 0, "len": 1, "y": 0, "yanchor": "top",
                  "pad": {"t": 8}, "font": {"color": theme.text_color},
                  "currentvalue": {"prefix": "Year: ", "font": {"size": theme.font_size}},
                  "steps": [{"label": str(y), "method": "animate",
                             "args": [[str(y)], {"frame": {"duration": 0, "redraw": True},
                                                 "mode": "immediate", "transition": {"duration": 0}}],
                             "name": f"{y} ({int(counts.get(y, 0))} countries)"} for y in years]}],
    )
    layout = layout_dict(data, theme, title=title, subtitle=subtitle, source=source or default_source(indicator),
                         axis_space=False, extra=controls)
    # Slider and buttons sit under the map; the source line goes below them.
    layout["margin"]["b"] += theme.font_size * 8
    source_note = annotation(layout, "source")
    if source_note is not None:
        source_note["yshift"] = -(theme.font_size * 8.5)
    return figure(data, layout, frames)
