"""World (or regional) choropleth of one indicator, with missing data shown as missing."""
from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from components.theme import Theme, get_theme, layout_dict, legend_rows, muted_scale
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
#: A selection this large is "the world": no zoom.
WORLD_COUNT = 200


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


def _swatch(traces: list, *, name: str, group: str, fill: str, line: str) -> None:
    """A legend-only entry (a square marker at no position) in ``fill``: the key keeps the
    category's real colour while the map shows most areas muted, and keeps categories that no
    area shows."""
    traces.append(trace("scattergeo", lon=[None], lat=[None], mode="markers", name=name,
                        legendgroup=group, hoverinfo="skip", marker={
                            "symbol": "square", "size": 12, "color": fill, "line": {"color": line, "width": 1}}))


def _areas(traces: list, rows: pd.DataFrame, text: list[str], *, fill, line, width, name,
           group, showlegend=True, symbol="circle", theme: Theme, scale=None) -> None:
    """One choropleth for drawn shapes plus a point layer for small areas of the same rows.

    Every area carries its ISO3 code (``locations`` or ``customdata``): assets/gcm_map.js opens
    the country's profile on a click or on Enter."""
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
        _swatch(traces, name=name, group=group, fill=fill, line=line)
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
                        customdata=points["iso3"].tolist(),
                        hovertemplate="%{text}<extra></extra>", marker=marker,
                        name=name, legendgroup=group, showlegend=False))


def _layered(traces: list, rows: pd.DataFrame, text: list[str], spot: set, *, fill, line, width, name,
             group, theme: Theme, symbol="circle", scale=None, showlegend=True) -> None:
    """``_areas`` for ``rows``; with a spotlight, the other countries in the muted (lighter) colour
    first, the spotlit ones on top in full colour, and the legend entry in full colour."""
    if not spot:
        # Categories get their key from a square swatch with the theme's status outline: a
        # choropleth's own legend swatch has no edge, and category 1 vanishes on a dark page.
        swatch = showlegend and fill is not None
        _areas(traces, rows, text, fill=fill, line=line, width=width, name=name, group=group,
               theme=theme, symbol=symbol, scale=scale, showlegend=showlegend and not swatch)
        if swatch:
            _swatch(traces, name=name, group=group, fill=fill, line=_edge(line, theme))
        return
    mask = rows["iso3"].isin(spot)
    lit = mask.tolist()
    other_rows, lit_rows = rows[~mask], rows[mask]
    other_text = [t for t, x in zip(text, lit) if not x]
    lit_text = [t for t, x in zip(text, lit) if x]
    muted_scale_ = None
    if scale is not None:
        muted_scale_ = {**scale, "colorscale": muted_scale(scale["colorscale"], theme),
                        "showscale": lit_rows.empty and scale.get("showscale", False)}
        scale = {**scale, "showscale": not lit_rows.empty and scale.get("showscale", False)}
    _areas(traces, other_rows, other_text, fill=None if fill is None else theme.muted(fill), line=line,
           width=width, name=name, group=group, theme=theme, symbol=symbol, scale=muted_scale_,
           showlegend=False)
    _areas(traces, lit_rows, lit_text, fill=fill, line=line, width=width, name=name, group=group,
           theme=theme, symbol=symbol, scale=scale, showlegend=False)
    if showlegend and fill is not None:
        _swatch(traces, name=name, group=group, fill=fill, line=_edge(line, theme))


def _edge(line: str, theme: Theme) -> str:
    """Swatch outline: the area's own line where it differs from the page (no data), else the
    theme's status outline (light grey on the dark theme)."""
    return line if line not in (theme.country_line, theme.background) else theme.status_outline


def geo_layout(theme: Theme, region: str | None = None, frame: dict | None = None) -> dict:
    """The map's geo layout: natural-earth projection, theme colours, filling its panel.

    ``frame`` (from :func:`geo_bounds.fit_ranges`) zooms to the filtered countries; without it a
    named M49 ``region`` uses its stored view, and otherwise the whole world is shown. The geo
    domain is the whole plot area, so the map is as large as the panel allows."""
    geo = dict(projection={"type": "natural earth"}, showframe=False, showcoastlines=False,
               showland=True, landcolor=theme.outside_land, showcountries=True,
               countrycolor=theme.country_line, showocean=False, showlakes=False,
               bgcolor=theme.background, fitbounds=False, resolution=110, scope="world",
               domain={"x": [0, 1], "y": [0, 1]}, lataxis={"range": list(WORLD_LAT)})
    if frame is None and region in REGION_VIEWS:
        lon, lat, rot = REGION_VIEWS[region]
        frame = {"lon": list(lon), "lat": list(lat), "rotation": rot}
    if frame is not None and frame["lon"] != [-180.0, 180.0]:
        geo.update(lonaxis={"range": list(frame["lon"])}, lataxis={"range": list(frame["lat"])},
                   projection={"type": "natural earth", "rotation": {"lon": frame["rotation"]}})
    return geo


def map_frame(countries: pd.DataFrame, rows: pd.DataFrame | None = None) -> dict | None:
    """The lon/lat frame of a filtered map, or ``None`` for the whole world (no filter).

    Framed on the UN Member States and every area with a value: a territory without data
    (the French Southern Territories, say) does not push Africa's frame to the Antarctic."""
    from .geo_bounds import fit_ranges
    if len(countries) >= WORLD_COUNT:
        return None
    keep = set(countries.index[countries["un_member"]]) if "un_member" in countries else set(countries.index)
    if rows is not None and not rows.empty:
        keep |= set(rows["iso3"].tolist())
    frame = fit_ranges(sorted(keep) or countries.index, map_areas()[1])
    if frame is not None and frame["lon"] == [-180.0, 180.0]:
        return None
    return frame


def map_legend(layout: dict, traces: list, theme: Theme) -> None:
    """Key in a column at the lower left, over the empty corner of the natural-earth oval,
    instead of rows above the map: the map gets the height (a world map is height-bound in
    every landscape panel). Phones (narrow graphs) get rows on top from assets/gcm_map.js."""
    rows = legend_rows(traces, theme, min(theme.export_width - 60, 900) * 0.8)
    if rows:
        layout["margin"]["t"] = max(10, round(layout["margin"]["t"] - rows * theme.font_size * 1.6 - 8))
    layout["legend"].update(orientation="v", x=0, xanchor="left", y=0, yanchor="bottom",
                            bgcolor=theme.background, bordercolor=theme.grid_color, borderwidth=1)
    layout["meta"] = {"gcm_legend_rows_px": round(rows * theme.font_size * 1.6 + 8)}


def make_map(values: pd.DataFrame, indicator: pd.Series, countries: pd.DataFrame, *,
             theme: Theme | str = "light", region: str | None = None,
             highlight: Iterable[str] = (), year_label: str = "Latest available",
             title: str | None = None, subtitle: str | None = None,
             source: str | None = None) -> FigureDict:
    """Choropleth of ``values`` (iso3, value, year, nature, status) over the filtered ``countries``.

    Status indicators get one trace per category (worst first) in the theme's ordinal
    colours (bands in the band palette); others one trace on a sequential scale whose colourbar
    states unit and direction. Filtered countries without a value form a separate "No data"
    trace. ``highlight`` ISO3 codes get a thick spotlight outline and their names, and every other
    country is muted (lighter, never darker). A filter zooms the map onto its countries.
    Never returns a blank chart.
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
    spot = [i for i in dict.fromkeys(highlight) if i in countries.index]
    lit = set(spot)
    traces: list[dict] = []
    width = theme.line_width
    if has_status(indicator):
        for style in theme.status_styles(status_labels(indicator), banded=indicator["kind"] != "ordinal_1_4"):
            part = rows[rows["status"] == style["label"]]
            _layered(traces, part, _hover(part, names, indicator), lit, fill=style["color"],
                     line=theme.country_line, width=width, theme=theme, symbol=style["marker"],
                     name=legend_name(style, len(part)), group=style["label"])
    elif not rows.empty:
        colorscale, reverse = theme.colorscale(indicator["direction"])
        unit = str(indicator.get("unit") or "")
        scale = dict(colorscale=colorscale, reversescale=reverse, zmin=float(rows["value"].min()),
                     zmax=float(rows["value"].max()), showscale=True, colorbar={
                         "title": {"text": f"{unit}<br>({direction_text(indicator['direction'])})",
                                   "side": "right"},
                         "len": 0.75, "thickness": 16, "outlinewidth": 0})
        _layered(traces, rows, _hover(rows, names, indicator), lit, fill=None, line=theme.country_line,
                 width=width, theme=theme, scale=scale, showlegend=False,
                 name=f"Value ({len(rows)})", group="value")
    missing = countries.index.difference(rows["iso3"])
    gaps = pd.DataFrame({"iso3": missing})
    gap_text = [f"<b>{names.get(i, i)}</b><br>No data ({year_label})" for i in missing]
    _layered(traces, gaps, gap_text, lit, fill=theme.no_data_fill, line=theme.no_data_line,
             width=max(1.0, width * 1.5), theme=theme, symbol="circle-open",
             name=f"No data ({len(missing)})", group="no-data")
    if spot:
        _areas(traces, pd.DataFrame({"iso3": spot}), [""] * len(spot), fill=theme.transparent,
               line=theme.highlight, width=theme.highlight_width, theme=theme,
               symbol="circle-open", name="Highlighted", group="highlight", showlegend=False)
        traces[-1]["hoverinfo"] = "skip"
        _name_spotlit(traces, spot, names, theme)
    notes = _note_undrawn(rows, names, theme)
    layout = layout_dict(traces, theme, title=title, subtitle=subtitle,
                         source=source or default_source(indicator), axis_space=False,
                         extra={"geo": geo_layout(theme, region, map_frame(countries, rows)),
                                "dragmode": False}, annotations=notes)
    map_legend(layout, traces, theme)
    return figure(traces, layout)


def legend_name(style: dict, count: int) -> str:
    """"1 Requires further progress (6)" for a 10.7.2 category; "Above 5% ceiling (12)" for a
    band, which has no number (it is not a score)."""
    return f"{style['symbol']} {style['label']} ({count})".strip()


_LABEL_SIDES = ("top center", "bottom center", "middle right", "middle left")


def _name_spotlit(traces: list, spot: list[str], names: dict, theme: Theme) -> None:
    """Write the spotlit countries' names on the map, so the spotlight is not colour alone."""
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
