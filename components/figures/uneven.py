"""How uneven implementation is: status shares by region, and value spreads by region."""
from __future__ import annotations

import zlib

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components.theme import Theme, apply_layout, get_theme, layout_dict, wrap_text
from data.queries import group_medians, status_shares
from data.status import ORDINAL_CATEGORIES, STATUS_RULES

from .empty import NO_MATCH, empty_figure
from .format import (default_source, direction_text, format_value, nature_text, numeric_target,
                     target_text)

WORLD = "World"


def status_shares_with_world(values: pd.DataFrame, countries: pd.DataFrame,
                             by: str = "region") -> pd.DataFrame:
    """:func:`data.queries.status_shares` per region plus a ``World`` group, over ``countries`` only."""
    rows = values[values["iso3"].isin(countries.index)]
    regional = status_shares(rows, countries, by)
    world = status_shares(rows, countries, by="__constant_world__")  # unknown column -> "World"
    return pd.concat([regional, world], ignore_index=True)


def _category_order(statuses: set) -> list[str]:
    ordinal = list(ORDINAL_CATEGORIES.values())
    if statuses <= set(ordinal):
        return ordinal
    for rule in STATUS_RULES.values():
        bands = [label for _, label in reversed(rule["bands"])]
        if statuses <= set(bands):
            return bands
    return sorted(statuses)


def _group_labels(shares: pd.DataFrame, groups: list[str]) -> list[str]:
    """"Africa (n=18)"; a range of n when panels differ; World in bold."""
    labels = []
    for g in groups:
        ns = sorted(set(shares.loc[shares["group"] == g, "reporting"].astype(int)))
        n = f"n={ns[0]}" if len(ns) == 1 else f"n={ns[0]}–{ns[-1]}"
        labels.append(f"<b>{g} ({n})</b>" if g == WORLD else f"{g} ({n})")
    return labels


def make_status_shares(shares: pd.DataFrame, indicator_labels: dict[str, str], *,
                       theme: Theme | str = "light", year_label: str = "Latest available",
                       title: str | None = None, subtitle: str | None = None,
                       source: str | None = None) -> go.Figure:
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
    regions = sorted(g for g in shares["group"].unique() if g != WORLD)
    groups = ([WORLD] if WORLD in set(shares["group"]) else []) + regions
    ylabels = dict(zip(groups, _group_labels(shares, groups)))
    styles = theme.status_styles(_category_order(set(shares["status"])))
    panel_width = (theme.export_width - 300) / len(ids)
    panel_font = theme.font_size if len(ids) < 4 else max(11, round(theme.font_size * 0.75))
    titles = ["" if one else "<br>".join(wrap_text(indicator_labels.get(i, i), panel_font, panel_width, 3))
              for i in ids]
    traces = _bar_traces(shares, ids, groups, ylabels, styles, theme)
    source = source or "Source: UN Global SDG Indicators Database (indicator 10.7.2)."
    yaxis = {"categoryorder": "array", "categoryarray": [ylabels[g] for g in groups],
             "autorange": "reversed", "ticksuffix": " "}
    if one:
        # One panel: build the figure in one call from a plain layout (update calls on a live
        # figure cost ~4-5 ms each; this path is the default "How uneven" view).
        bars = [trace for _, trace in traces]
        ticks = [0, 25, 50, 75, 100]
        layout = layout_dict(bars, theme, title, subtitle, source, extra={
            "barmode": "stack", "bargap": 0.25, "yaxis": yaxis,
            "xaxis": {"range": [0, 100], "tickvals": ticks, "ticktext": [f"{t}%" for t in ticks],
                      "showgrid": True, "gridcolor": theme.grid_color, "zeroline": False}})
        fig = go.Figure(data=bars, layout=layout)
        _fit_source_right_of_labels(fig, theme, list(ylabels.values()))
        return fig
    fig = make_subplots(rows=1, cols=len(ids), shared_yaxes=True, subplot_titles=titles,
                        horizontal_spacing=0.015)
    for col, trace in traces:
        fig.add_trace(trace, row=1, col=col)
    for col in range(1, len(ids) + 1):
        fig.update_xaxes(range=[0, 100], tickvals=[50], ticktext=["50%"], showgrid=True,
                         gridcolor=theme.grid_color, zeroline=False, row=1, col=col)
    fig.update_yaxes(**yaxis)
    fig.update_layout(barmode="stack", bargap=0.25)
    fig.update_annotations(font={"size": panel_font, "color": theme.text_color})
    apply_layout(fig, theme, title=title, subtitle=subtitle, source=source)
    _make_room_for_panel_titles(fig, theme, titles)
    _fit_source_right_of_labels(fig, theme, list(ylabels.values()))
    return fig


def _bar_traces(shares: pd.DataFrame, ids: list[str], groups: list[str], ylabels: dict,
                styles: list[dict], theme: Theme) -> list[tuple[int, go.Bar]]:
    """(panel column, stacked bar) per indicator and status, each segment printing its share."""
    out = []
    for col, ind in enumerate(ids, start=1):
        part = shares[shares["indicator_id"] == ind]
        # Plain dicts: per-cell .loc lookups cost more than building the whole figure.
        cell = {(g, st): (float(sh), int(c)) for g, st, sh, c in
                zip(part["group"], part["status"], part["share"], part["count"])}
        reporting = dict(zip(part["group"], part["reporting"].astype(int)))
        n = [reporting.get(g, 0) for g in groups]
        for style in styles:
            x = [cell.get((g, style["label"]), (0.0, 0))[0] for g in groups]
            counts = [cell.get((g, style["label"]), (0.0, 0))[1] for g in groups]
            out.append((col, go.Bar(
                x=x, y=[ylabels[g] for g in groups], orientation="h",
                name=f"{style['symbol']} {style['label']}", legendgroup=style["label"],
                showlegend=col == 1, marker={"color": style["color"],
                                             "line": {"color": theme.country_line, "width": 1}},
                text=[f"{v:.0f}%" if v > 0 else "" for v in x], textposition="inside",
                insidetextanchor="middle", textangle=0,
                textfont={"color": style["text_color"], "size": theme.font_size},
                customdata=list(zip(counts, n)),
                hovertemplate=(f"<b>%{{y}}</b><br>{style['label']}: %{{customdata[0]}} of "
                               "%{customdata[1]} reporting countries (%{x:.1f}%)<extra></extra>"),
            )))
    return out


def _fit_source_right_of_labels(fig: go.Figure, theme: Theme, labels: list[str]) -> None:
    """Re-wrap the source line: it starts at the plot's left edge, right of the region labels,
    so it has less room than the full width apply_layout assumed."""
    label_px = max((len(l.replace("<b>", "").replace("</b>", "")) for l in labels), default=0) * 0.62 * theme.font_size
    for ann in fig.layout.annotations:
        if ann.name == "source":
            size = ann.font.size or theme.font_size
            before = ann.text.count("<br>")
            # Same narrowest width apply_layout wraps for (the dashboard's chart column).
            width = min(theme.export_width - 60, 900) - label_px
            lines = wrap_text(ann.text.replace("<br>", " "), size, width, 3)
            ann.text = "<br>".join(lines)
            if len(lines) - 1 > before:
                fig.layout.margin.b += round((len(lines) - 1 - before) * size * 1.4)


def _make_room_for_panel_titles(fig: go.Figure, theme: Theme, titles: list[str]) -> None:
    """Lower the plot area so panel titles sit below the legend instead of on top of it."""
    lines = max((t.count("<br>") + 1 for t in titles if t), default=0)
    size = fig.layout.annotations[0].font.size if fig.layout.annotations else theme.font_size
    if len(titles) < 2 or not lines:
        return
    margin = fig.layout.margin
    # Size for the smallest place the chart is shown (the dashboard's ~450 px chart box at
    # 1280x720), so the titles clear the legend there; exports just get a little more air.
    plot_h = min(theme.export_height, 450) - margin.t - margin.b
    top = 1 - (lines * size * 1.3 + 6) / plot_h
    fig.update_yaxes(domain=[0, top])
    for ann in fig.layout.annotations[: len(titles)]:
        ann.update(y=top, yanchor="bottom")


def _jitter(iso3: str) -> float:
    """Deterministic offset in [-0.28, 0.28] from the country code (same on every render)."""
    return (zlib.crc32(iso3.encode()) % 1000) / 1000 * 0.56 - 0.28


def make_distribution(values: pd.DataFrame, countries: pd.DataFrame, medians: pd.DataFrame | None,
                      indicator: pd.Series, *, theme: Theme | str = "light",
                      year_label: str = "Latest available", title: str | None = None,
                      subtitle: str | None = None, source: str | None = None,
                      highlight=()) -> go.Figure:
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
    med = medians[medians["indicator_id"] == iid].set_index("group")
    regions = sorted(rows["region"].unique())
    spot = [i for i in dict.fromkeys(highlight) if i in set(rows["iso3"])]
    fig = go.Figure()
    for pos, region in enumerate(regions):
        part = rows[rows["region"] == region]
        text = [f"<b>{countries.at[r.iso3, 'name']}</b><br>{format_value(r.value, indicator)}"
                f"<br>Year of data: {int(r.year)}<br>Nature: {nature_text(r.nature)}"
                for r in part.itertuples()]
        fig.add_trace(go.Scatter(
            x=part["value"], y=[pos + _jitter(i) for i in part["iso3"]], mode="markers",
            name=region, showlegend=False, text=text, hovertemplate="%{text}<extra></extra>",
            marker={"color": theme.region_color(region), "size": theme.marker_size,
                    "opacity": 0.3 if spot else 0.85,
                    "line": {"color": theme.background, "width": 1}}))
    if spot:
        _spotlight(fig, rows.set_index("iso3").loc[spot], countries, regions, indicator, theme)
    present = [r for r in regions if r in med.index]
    fig.add_trace(go.Scatter(
        x=[med.at[r, "median"] for r in present], y=[regions.index(r) for r in present],
        mode="markers", name="Region median", hovertemplate="%{text}<extra></extra>",
        text=[f"{r} median: {format_value(med.at[r, 'median'], indicator)}" for r in present],
        marker={"symbol": "line-ns", "size": theme.marker_size * 4,
                "line": {"color": theme.text_color, "width": 4}, "color": theme.text_color}))
    span = [-0.5, len(regions) - 0.5]
    if "World" in med.index:
        world = format_value(med.at["World", "median"], indicator)
        _vline(fig, med.at["World", "median"], span, theme, "dash", f"World median: {world}")
    target = numeric_target(indicator)
    if target is not None:
        _vline(fig, target, span, theme, "dot", f"Official target: {target_text(indicator)}")
    counts = rows["region"].value_counts()
    unit = str(indicator.get("unit") or "")
    axes = {  # in apply_layout's single update: each separate update call costs ~4 ms
        "yaxis": {"tickvals": list(range(len(regions))), "showgrid": False, "zeroline": False,
                  "ticktext": [f"{r} (n={counts[r]})" for r in regions], "ticksuffix": " ",
                  "range": [len(regions) - 0.5, -0.5]},
        "xaxis": {"title": {"text": f"{unit} ({direction_text(indicator['direction'])})"},
                  "gridcolor": theme.grid_color, "zeroline": False},
    }
    apply_layout(fig, theme, title=title, subtitle=subtitle, source=source or default_source(indicator),
                 extra=axes)
    _fit_source_right_of_labels(fig, theme, [f"{r} (n={counts[r]})" for r in regions])
    return fig


def _spotlight(fig: go.Figure, rows: pd.DataFrame, countries: pd.DataFrame, regions: list[str],
               indicator: pd.Series, theme: Theme) -> None:
    """Spotlit countries: large outlined points named in text, so the emphasis needs no colour."""
    names = [str(countries.at[i, "name"]) for i in rows.index]
    fig.add_trace(go.Scatter(
        x=rows["value"], y=[regions.index(r) + _jitter(i) for i, r in zip(rows.index, rows["region"])],
        mode="markers+text", name="Spotlight", text=names, textposition="top center",
        textfont={"color": theme.text_color, "size": theme.font_size},
        customdata=[format_value(v, indicator) for v in rows["value"]],
        hovertemplate="<b>%{text}</b><br>%{customdata}<extra>Spotlight</extra>",
        marker={"color": [theme.region_color(r) for r in rows["region"]],
                "size": theme.marker_size * 1.8, "symbol": "circle",
                "line": {"color": theme.highlight, "width": theme.highlight_width}}))


def _vline(fig: go.Figure, x: float, span: list[float], theme: Theme, dash: str,
           label: str) -> None:
    """A full-height reference line that names itself in the legend (no colliding labels)."""
    fig.add_trace(go.Scatter(x=[x, x], y=span, mode="lines", name=label, hoverinfo="name",
                             line={"color": theme.reference_line, "width": 2, "dash": dash}))
