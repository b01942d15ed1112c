"""How uneven implementation is: status shares by region, and value spreads by region."""
from __future__ import annotations

import pandas as pd

from components.theme import Theme, get_theme, layout_dict, wrap_text
from data.formatting import (default_source, direction_text, format_percent, format_value, nature_text,
                             numeric_target, target_text)
from data.frames import column_rows
from data.queries import group_medians, status_shares
from data.status import ORDINAL_CATEGORIES

from .common import fit_source_right_of_labels, jitter, vline
from .empty import NO_MATCH, empty_figure
from .plain import FigureDict, figure, trace

WORLD = "World"


SELECTION = "Selection"


def status_shares_with_world(values: pd.DataFrame, countries: pd.DataFrame, by: str = "region",
                             world_values: pd.DataFrame | None = None,
                             world_countries: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`data.queries.status_shares` per region plus a ``World`` group.

    Without ``world_values`` the World group is over ``countries``. With them (a filtered view),
    the countries shown are totalled as a ``Selection`` group (unless they are one region, whose
    bar says the same) and World is the real world, so a filtered chart never passes off its
    selection as the world."""
    rows = values[values["iso3"].isin(countries.index)]
    regional = status_shares(rows, countries, by)
    total = status_shares(rows, countries, by="__constant_world__")  # unknown column -> "World"
    if world_values is None:
        return pd.concat([regional, total], ignore_index=True)
    everyone = world_countries if world_countries is not None else countries
    world = status_shares(world_values[world_values["iso3"].isin(everyone.index)], everyone,
                          by="__constant_world__")
    if regional["group"].nunique() <= 1:  # one region selected: its bar already is the selection
        return pd.concat([regional, world], ignore_index=True)
    return pd.concat([regional, total.assign(group=SELECTION), world], ignore_index=True)


def _category_order(statuses: set) -> list[str]:
    ordinal = list(ORDINAL_CATEGORIES.values())
    if statuses <= set(ordinal):
        return ordinal
    # Only the 10.7.2 scores are drawn as shares (banded costs show their distribution instead).
    return sorted(statuses)


def _group_labels(shares: pd.DataFrame, groups: list[str]) -> list[str]:
    """"Africa (n=18)"; a range of n when panels differ; World and the selection in bold."""
    reporting: dict[str, set[int]] = {}
    for g, n in column_rows(shares, "group", "reporting"):
        reporting.setdefault(g, set()).add(int(n))
    labels = []
    for g in groups:
        ns = sorted(reporting.get(g, ()))
        n = f"n={ns[0]}" if len(ns) == 1 else f"n={ns[0]}–{ns[-1]}"
        labels.append(f"<b>{g} ({n})</b>" if g in (WORLD, SELECTION) else f"{g} ({n})")
    return labels


def make_status_shares(shares: pd.DataFrame, indicator_labels: dict[str, str], *,
                       theme: Theme | str = "light", year_label: str = "Latest available",
                       title: str | None = None, subtitle: str | None = None,
                       source: str | None = None) -> FigureDict:
    """100% stacked bars of status shares per region (rows) and World, one panel per indicator.

    ``shares``: indicator_id, group, status, count, reporting, share (see
    :func:`status_shares_with_world`). Each segment prints its share, so it reads without colour.
    """
    theme = get_theme(theme)
    one = len(set(shares["indicator_id"])) == 1 if not shares.empty else False
    if not title and one:  # one panel: its indicator goes in the title, not over the legend
        only = shares["indicator_id"].iloc[0]
        title = f"{indicator_labels.get(only, only)} · {year_label}"
    title = title or "Share of reporting countries in each category"
    subtitle = subtitle if subtitle is not None else year_label
    if shares.empty:
        return empty_figure(NO_MATCH, theme, title=title, subtitle=subtitle)
    ids = [i for i in indicator_labels if i in set(shares["indicator_id"])]
    ids += sorted(set(shares["indicator_id"]) - set(ids))
    regions = sorted(g for g in shares["group"].unique() if g not in (WORLD, SELECTION))
    groups = [g for g in (WORLD, SELECTION) if g in set(shares["group"])] + regions
    ylabels = dict(zip(groups, _group_labels(shares, groups)))
    styles = theme.status_styles(_category_order(set(shares["status"])))
    traces = _bar_traces(shares, ids, groups, ylabels, styles, theme)
    source = source or "Source: UN Global SDG Indicators Database (indicator 10.7.2)."
    yaxis = {"categoryorder": "array", "categoryarray": [ylabels[g] for g in groups],
             "autorange": "reversed", "ticksuffix": " "}
    if one:
        ticks = [0, 25, 50, 75, 100]
        layout = layout_dict(traces, theme, title, subtitle, source, extra={
            "barmode": "stack", "bargap": 0.25, "yaxis": yaxis,
            "xaxis": {"range": [0, 100], "tickvals": ticks, "ticktext": [f"{t}%" for t in ticks],
                      "showgrid": True, "gridcolor": theme.grid_color, "zeroline": False}})
    else:
        layout = _panels_layout(traces, ids, indicator_labels, yaxis, theme, title, subtitle, source)
    fit_source_right_of_labels(layout, theme, list(ylabels.values()))
    return figure(traces, layout)


def _panels_layout(traces: list[dict], ids: list[str], indicator_labels: dict[str, str], yaxis: dict,
                   theme: Theme, title: str, subtitle: str, source: str) -> dict:
    """Side-by-side panels sharing the region axis, each named under its bars (the layout
    ``make_subplots(cols=n, shared_yaxes=True)`` would make, written out).

    The panel names are each panel's x-axis title: plotly makes room for them below the plot, so
    they never meet the legend above it, whatever the height of the chart's box."""
    n, gap = len(ids), 0.015
    width = (1 - gap * (n - 1)) / n
    panel_font = theme.font_size if n < 4 else max(11, round(theme.font_size * 0.75))
    panel_px = (theme.export_width - 300) / n
    axes = {}
    for k, ind in enumerate(ids):
        left = k * (width + gap)
        suffix = "" if k == 0 else str(k + 1)
        label = indicator_labels.get(ind, ind)
        name = label if len(label) <= 3 else "<br>".join(wrap_text(label, panel_font, panel_px, 3))
        axes[f"xaxis{suffix}"] = {"anchor": f"y{suffix}", "domain": [left, left + width], "range": [0, 100],
                                  "tickvals": [50], "ticktext": ["50%"], "showgrid": True,
                                  # Many panels: a "50%" under each would touch its neighbour on a
                                  # phone; the grid line marks half, the bars print their shares.
                                  "showticklabels": n <= 3, "automargin": True,
                                  "gridcolor": theme.grid_color, "zeroline": False,
                                  "title": {"text": f"<b>{name}</b>", "standoff": 4,
                                            "font": {"size": theme.font_size if len(label) <= 3 else panel_font}}}
        axes[f"yaxis{suffix}"] = {**yaxis, "anchor": f"x{suffix}"} if k == 0 else {
            **yaxis, "anchor": f"x{suffix}", "matches": "y", "showticklabels": False}
    return layout_dict(traces, theme, title, subtitle, source,
                       extra={"barmode": "stack", "bargap": 0.25, **axes})


def _bar_traces(shares: pd.DataFrame, ids: list[str], groups: list[str], ylabels: dict,
                styles: list[dict], theme: Theme) -> list[dict]:
    """A stacked bar per indicator (panel) and status, each segment printing its share."""
    # Plain dicts, one pass: per-panel filters and per-cell lookups cost more than the figure.
    cells, reporting = {}, {}
    for ind, g, st, sh, c, n in column_rows(shares, "indicator_id", "group", "status", "share", "count",
                                            "reporting"):
        cells[ind, g, st] = (float(sh), int(c))
        reporting[ind, g] = int(n)
    out = []
    for col, ind in enumerate(ids, start=1):
        cell = {(g, st): value for (i, g, st), value in cells.items() if i == ind}
        n = [reporting.get((ind, g), 0) for g in groups]
        axis = "" if col == 1 else str(col)
        for style in styles:
            x = [cell.get((g, style["label"]), (0.0, 0))[0] for g in groups]
            counts = [cell.get((g, style["label"]), (0.0, 0))[1] for g in groups]
            out.append(trace(
                "bar", x=x, y=[ylabels[g] for g in groups], orientation="h", xaxis=f"x{axis}", yaxis=f"y{axis}",
                name=f"{style['symbol']} {style['label']}", legendgroup=style["label"],
                showlegend=col == 1, marker={"color": style["color"],
                                             "line": {"color": theme.country_line, "width": 1}},
                text=[format_percent(v) if v > 0 else "" for v in x], textposition="inside",
                insidetextanchor="middle", textangle=0,
                textfont={"color": style["text_color"], "size": theme.font_size},
                customdata=[[c, k, format_percent(v, 1)] for c, k, v in zip(counts, n, x)],
                hovertemplate=(f"<b>%{{y}}</b><br>{style['label']}: %{{customdata[0]}} of "
                               "%{customdata[1]} reporting countries (%{customdata[2]})<extra></extra>"),
            ))
    return out


def make_distribution(values: pd.DataFrame, countries: pd.DataFrame, medians: pd.DataFrame | None,
                      indicator: pd.Series, *, theme: Theme | str = "light",
                      year_label: str = "Latest available", title: str | None = None,
                      subtitle: str | None = None, source: str | None = None,
                      highlight=()) -> FigureDict:
    """Per-region strip of country values with region medians, world median and official target.

    ``highlight`` ISO3 codes are drawn large, outlined and named; the other points are muted.
    """
    theme = get_theme(theme)
    title = title or str(indicator["label"])
    subtitle = subtitle if subtitle is not None else year_label
    rows = values[values["iso3"].isin(countries.index) & values["value"].notna()]
    rows = rows.drop_duplicates("iso3", keep="last")
    rows = rows.assign(region=rows["iso3"].map(countries["region"]))
    rows = rows[rows["region"].fillna("") != ""]
    if rows.empty:
        return empty_figure(NO_MATCH if countries.empty else "No values for these filters",
                            theme, title=title, subtitle=subtitle)
    iid = indicator["indicator_id"]
    if medians is None or medians.empty:
        medians = group_medians(rows.assign(indicator_id=iid), countries)
    med = medians[medians["indicator_id"] == iid]
    med = dict(zip(med["group"], med["median"]))
    regions = sorted(rows["region"].unique())
    spot = [i for i in dict.fromkeys(highlight) if i in set(rows["iso3"])]
    names = dict(zip(countries.index.tolist(), countries["name"].tolist()))
    spec = indicator.to_dict()  # read once per point below; Series lookups cost ~10 us each
    traces = []
    for pos, region in enumerate(regions):
        part = rows[rows["region"] == region]
        text = [f"<b>{names[iso3]}</b><br>{format_value(value, spec, with_unit=True)}"
                f"<br>Year of data: {int(year)}<br>Nature: {nature_text(nature)}"
                for iso3, value, year, nature in column_rows(part, "iso3", "value", "year", "nature")]
        traces.append(trace(
            "scatter", x=part["value"], y=[pos + jitter(i) for i in part["iso3"].tolist()], mode="markers",
            name=region, showlegend=False, text=text, hovertemplate="%{text}<extra></extra>",
            marker={"color": theme.region_color(region), "size": theme.marker_size,
                    "opacity": 0.3 if spot else 0.85,
                    "line": {"color": theme.background, "width": 1}}))
    if spot:
        traces.append(_spotlight(rows.set_index("iso3").loc[spot], names, regions, indicator, theme))
    present = [r for r in regions if r in med]
    traces.append(trace(
        "scatter", x=[med[r] for r in present], y=[regions.index(r) for r in present],
        mode="markers", name="Region median", hovertemplate="%{text}<extra></extra>",
        text=[f"{r} median: {format_value(med[r], indicator, with_unit=True)}" for r in present],
        marker={"symbol": "line-ns", "size": theme.marker_size * 4,
                "line": {"color": theme.text_color, "width": 4}, "color": theme.text_color}))
    span = [-0.5, len(regions) - 0.5]
    if "World" in med:
        world = format_value(med["World"], indicator, with_unit=True)
        traces.append(vline(med["World"], span, theme, "dash", f"World median: {world}"))
    target = numeric_target(indicator)
    if target is not None:
        traces.append(vline(target, span, theme, "dot", f"Official target: {target_text(indicator)}"))
    counts = rows["region"].value_counts()
    ticktext = [f"{r} (n={counts[r]})" for r in regions]
    unit = str(indicator.get("unit") or "")
    axes = {
        "yaxis": {"tickvals": list(range(len(regions))), "showgrid": False, "zeroline": False,
                  "ticktext": ticktext, "ticksuffix": " ", "range": [len(regions) - 0.5, -0.5]},
        "xaxis": {"title": {"text": f"{unit} ({direction_text(indicator['direction'])})"},
                  "gridcolor": theme.grid_color, "zeroline": False},
    }
    layout = layout_dict(traces, theme, title=title, subtitle=subtitle,
                         source=source or default_source(indicator), extra=axes)
    fit_source_right_of_labels(layout, theme, ticktext)
    return figure(traces, layout)


def _spotlight(rows: pd.DataFrame, names: dict, regions: list[str], indicator: pd.Series,
               theme: Theme) -> dict:
    """Spotlit countries: large outlined points named in text, so the emphasis needs no colour."""
    return trace(
        "scatter", x=rows["value"],
        y=[regions.index(r) + jitter(i) for i, r in zip(rows.index, rows["region"])],
        mode="markers+text", name="Spotlight", text=[str(names[i]) for i in rows.index],
        textposition="top center", textfont={"color": theme.text_color, "size": theme.font_size},
        customdata=[format_value(v, indicator, with_unit=True) for v in rows["value"]],
        hovertemplate="<b>%{text}</b><br>%{customdata}<extra>Spotlight</extra>",
        marker={"color": [theme.region_color(r) for r in rows["region"]],
                "size": theme.marker_size * 1.8, "symbol": "circle",
                "line": {"color": theme.highlight, "width": theme.highlight_width}})
