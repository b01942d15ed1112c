"""World (or regional) choropleth of one indicator, with missing data shown as missing."""
from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from components.theme import Theme, get_theme, layout_dict
from data.formatting import default_source, direction_text, format_value, nature_text
from data.status import has_status, status_labels

from .empty import NO_MATCH, empty_figure
from .plain import FigureDict, figure, trace

#: (lon range, lat range, rotation lon) per M49 region; ranges, not geo.scope (see geo_config).
REGION_VIEWS = {
    "Africa": ((-26, 60), (-38, 40), 15),
    "Americas": ((-170, -25), (-58, 75), -95),
    "Asia": ((25, 150), (-12, 58), 90),
    "Europe": ((-28, 60), (33, 72), 15),
    "Oceania": ((110, 215), (-50, 22), 165),
}
WORLD_LAT = (-58, 85)


@lru_cache(maxsize=1)
def map_areas() -> tuple[frozenset, dict]:
    """(ISO3 ids drawn in world_110m.json, {iso3: (lon, lat)} for small areas marked by a point)."""
    raw = json.loads((Path(__file__).with_name("map_areas.json")).read_text(encoding="utf-8"))
    centroids = {k: tuple(v) for k, v in raw["small_area_centroids"].items()}
    return frozenset(raw["drawn_110m"]), centroids


def _hover(rows: pd.DataFrame, names, indicator: pd.Series) -> list[str]:
    # Plain dicts and column arrays: Series lookups per row cost ~10 us each (0.25 s at 100x data).
    names = _as_dict(names)
    spec = indicator.to_dict()  # kind, unit and band columns, read per row below
    statuses = rows["status"].tolist() if "status" in rows else [None] * len(rows)
    out = []
    # .tolist() first: iterating pandas string columns costs ~5 us an item (0.1 s at 100x data).
    for iso3, value, status, year, nature in zip(rows["iso3"].tolist(), rows["value"].tolist(), statuses,
                                                 rows["year"].tolist(), rows["nature"].tolist()):
        lines = [f"<b>{names.get(iso3, iso3)}</b>", format_value(value, spec, with_unit=True)]
        if status and not (isinstance(status, float) and status != status):
            lines.append(f"Category: {status}")
        lines += [f"Year of data: {int(year)}", f"Nature: {nature_text(nature)}"]
        out.append("<br>".join(lines))
    return out


def _as_dict(names) -> dict:
    return names if isinstance(names, dict) else dict(zip(names.index.tolist(), names.tolist()))


def _flat(colour: str) -> list:
    return [[0, colour], [1, colour]]


def _areas(traces: list, rows: pd.DataFrame, text: list[str], *, fill, line, width, name,
           group, showlegend=True, symbol="circle", theme: Theme, scale=None) -> None:
    """One choropleth for drawn shapes plus a point layer for small areas of the same rows."""
    drawn, centroids = map_areas()
    rows = rows.assign(_text=text)
    shapes = rows[rows["iso3"].isin(drawn)]
    choro = dict(locations=shapes["iso3"], locationmode="ISO-3", text=shapes["_text"],
                 hovertemplate="%{text}<extra></extra>", name=name, legendgroup=group,
                 showlegend=showlegend, marker={"line": {"color": line, "width": width}})
    if scale is None:
        choro.update(z=[1] * len(shapes), colorscale=_flat(fill), showscale=False)
    else:
        choro.update(z=shapes["value"], **scale)
    traces.append(trace("choropleth", **choro))
    if showlegend and shapes.empty and scale is None:
        # An empty choropleth drops out of the legend; keep every category visible in the key.
        traces.append(trace("scattergeo", lon=[None], lat=[None], mode="markers", name=name,
                            legendgroup=group, hoverinfo="skip", marker={
                                "symbol": "square", "size": 12, "color": fill,
                                "line": {"color": line, "width": 1}}))
    points = rows[rows["iso3"].isin(list(centroids))]
    if points.empty:
        return
    lon, lat = zip(*(centroids[i] for i in points["iso3"]))
    marker = {"size": theme.marker_size, "symbol": symbol,
              "line": {"color": line if scale is None else theme.text_color, "width": 1}}
    if symbol.endswith("-open"):  # open symbols are drawn in marker.color
        marker.update(color=line, size=theme.marker_size + 2 * width)
    elif scale is None:
        marker["color"] = fill
    else:
        marker.update(color=points["value"], colorscale=scale["colorscale"], showscale=False,
                      reversescale=scale["reversescale"], cmin=scale["zmin"], cmax=scale["zmax"])
    traces.append(trace("scattergeo", lon=lon, lat=lat, text=points["_text"], mode="markers",
                        hovertemplate="%{text}<extra></extra>", marker=marker,
                        name=name, legendgroup=group, showlegend=False))


def geo_layout(theme: Theme, region: str | None) -> dict:
    """The map's geo layout: natural-earth projection, theme colours, zoomed to ``region`` if given."""
    geo = dict(projection={"type": "natural earth"}, showframe=False, showcoastlines=False,
               showland=True, landcolor=theme.outside_land, showcountries=True,
               countrycolor=theme.country_line, showocean=False, showlakes=False,
               bgcolor=theme.background, fitbounds=False, resolution=110, scope="world",
               lataxis={"range": list(WORLD_LAT)})
    if region in REGION_VIEWS:
        lon, lat, rot = REGION_VIEWS[region]
        geo.update(lonaxis={"range": list(lon)}, lataxis={"range": list(lat)},
                   projection={"type": "natural earth", "rotation": {"lon": rot}})
    return geo


def make_map(values: pd.DataFrame, indicator: pd.Series, countries: pd.DataFrame, *,
             theme: Theme | str = "light", region: str | None = None,
             highlight: Iterable[str] = (), year_label: str = "Latest available",
             title: str | None = None, subtitle: str | None = None,
             source: str | None = None) -> FigureDict:
    """Choropleth of ``values`` (iso3, value, year, nature, status) over the filtered ``countries``.

    Status indicators get one trace per category (worst first) in the theme's ordinal
    colours; others one trace on a sequential scale whose colourbar states unit and
    direction. Filtered countries without a value form a separate "No data" trace.
    ``highlight`` ISO3 codes get a thick spotlight outline. Never returns a blank chart.
    """
    theme = get_theme(theme)
    title = title or str(indicator["label"])
    subtitle = subtitle if subtitle is not None else year_label
    if countries.empty:
        return empty_figure(NO_MATCH, theme, title=title, subtitle=subtitle)
    names = _as_dict(countries["name"])
    rows = values[values["iso3"].isin(countries.index) & values["value"].notna()]
    rows = rows.drop_duplicates("iso3", keep="last")
    if "status" not in rows:
        rows = rows.assign(status=None)
    traces: list[dict] = []
    width = theme.line_width
    if has_status(indicator):
        for style in theme.status_styles(status_labels(indicator)):
            part = rows[rows["status"] == style["label"]]
            _areas(traces, part, _hover(part, names, indicator), fill=style["color"],
                   line=theme.country_line, width=width, theme=theme, symbol=style["marker"],
                   name=f"{style['symbol']} {style['label']} ({len(part)})", group=style["label"])
    elif not rows.empty:
        colorscale, reverse = theme.colorscale(indicator["direction"])
        unit = str(indicator.get("unit") or "")
        scale = dict(colorscale=colorscale, reversescale=reverse, zmin=float(rows["value"].min()),
                     zmax=float(rows["value"].max()), showscale=True, colorbar={
                         "title": {"text": f"{unit}<br>({direction_text(indicator['direction'])})",
                                   "side": "right"},
                         "len": 0.75, "thickness": 16, "outlinewidth": 0})
        _areas(traces, rows, _hover(rows, names, indicator), fill=None, line=theme.country_line,
               width=width, theme=theme, scale=scale, showlegend=False,
               name=f"Value ({len(rows)})", group="value")
    missing = countries.index.difference(rows["iso3"])
    gaps = pd.DataFrame({"iso3": missing})
    gap_text = [f"<b>{names.get(i, i)}</b><br>No data ({year_label})" for i in missing]
    _areas(traces, gaps, gap_text, fill=theme.no_data_fill, line=theme.no_data_line,
           width=max(1.0, width * 1.5), theme=theme, symbol="circle-open",
           name=f"No data ({len(missing)})", group="no-data")
    spot = [i for i in highlight if i in countries.index]
    if spot:
        _areas(traces, pd.DataFrame({"iso3": spot}), [""] * len(spot), fill=theme.transparent,
               line=theme.highlight, width=theme.highlight_width, theme=theme,
               symbol="circle-open", name="Highlighted", group="highlight", showlegend=False)
        traces[-1]["hoverinfo"] = "skip"
        _mute_others(traces, spot, names, theme)
    notes = _note_undrawn(rows, names, theme)
    layout = layout_dict(traces, theme, title=title, subtitle=subtitle,
                         source=source or default_source(indicator), axis_space=False,
                         extra={"geo": geo_layout(theme, region), "dragmode": False}, annotations=notes)
    return figure(traces, layout)


_LABEL_SIDES = ("top center", "bottom center", "middle right", "middle left")


def _mute_others(traces: list, spot: list[str], names: dict, theme: Theme) -> None:
    """Fade every other area and write the spotlit countries' names on the map (not colour alone)."""
    for area in traces:
        if area.get("legendgroup") != "highlight":
            area["marker"]["opacity"] = 0.35
    traces.append(trace("scattergeo",
        locations=spot, locationmode="ISO-3", mode="text", text=[f"<b>{names.get(i, i)}</b>" for i in spot],
        # Neighbours (Ghana and Togo, say) would print on top of each other: alternate sides.
        textposition=[_LABEL_SIDES[n % len(_LABEL_SIDES)] for n in range(len(spot))],
        hoverinfo="skip", showlegend=False, name="Spotlight names",
        textfont={"color": theme.text_color, "size": theme.font_size}))


def _note_undrawn(rows: pd.DataFrame, names: dict, theme: Theme) -> list[dict]:
    """Name reporting areas with neither a shape nor a centroid, so their data is not hidden."""
    drawn, centroids = map_areas()
    lost = [names.get(i, i) for i in rows["iso3"].tolist() if i not in drawn and i not in centroids]
    if not lost:
        return []
    return [dict(text="Not drawn at this scale: " + ", ".join(sorted(lost)),
                 x=1, xref="paper", xanchor="right", y=0, yref="paper",
                 yanchor="bottom", showarrow=False, name="undrawn",
                 font={"size": max(10, theme.font_size - 3), "color": theme.muted_text_color})]
