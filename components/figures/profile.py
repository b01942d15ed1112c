"""The country card's chart: a country's 10.7.2 categories against its region and the world.

One row per 10.7.2 series (all domains first). A narrow first column gives the country's own
category as a numbered square; two panels of 100% stacked bars show how the region's and the
world's reporting countries spread over the four categories, with the counts written in the
segments and the segment of the country's category outlined. Numbers carry the meaning, colour
only repeats it. No score is combined across series.
"""
from __future__ import annotations

from components.theme import Theme, get_theme, layout_dict, wrap_text
from data.formatting import is_missing
from data.labels import ORDINAL_SHORT
from data.status import ORDINAL_CATEGORIES

from .empty import empty_figure
from .fit import projected_size
from .plain import FigureDict, figure, trace

#: Share of the plot width for the country's own column, and the gap between panels.
OWN_WIDTH = 0.14
PANEL_GAP = 0.04
#: The blank first row that holds the column heads ("Ghana", "Africa (40 countries)", "World (...)").
HEAD_ROW = " "


def row_label(short_label: str, theme: Theme) -> str:
    """The series name in at most two lines (about 17 characters each)."""
    return "<br>".join(wrap_text(short_label, theme.font_size, 17 * 0.55 * theme.font_size, 2))


def _head(text: str, x: float, theme: Theme, g: int, anchor: str = "left") -> dict:
    # In the blank top row, so the heads never meet the subtitle above the plot.
    return {"text": text, "x": x, "xref": "paper", "xanchor": anchor, "y": HEAD_ROW, "yref": "y",
            "yanchor": "middle", "showarrow": False, "name": f"head-{g}",
            "font": {"size": projected_size(theme), "color": theme.text_color}}


def make_domain_chart(rows: list[dict], country: str, *, theme: Theme | str = "light",
                      title: str | None = None, subtitle: str | None = None,
                      source: str | None = None) -> FigureDict:
    """The country's category and stacked category counts per 10.7.2 series, per group (region, World).

    ``rows`` come from :func:`data.profile_data.domain_distribution`.
    """
    theme = get_theme(theme)
    title = title or f"{country}: SDG 10.7.2 categories against region and world"
    if not rows or not rows[0]["groups"]:
        return empty_figure("No SDG 10.7.2 values in this dataset", theme, title=title, subtitle=subtitle)
    labels = [row_label(r["short_label"], theme) for r in rows]
    styles = theme.status_styles(list(ORDINAL_CATEGORIES.values()))
    size = projected_size(theme)
    groups = [name for name, _, _ in rows[0]["groups"]]
    width = (1 - OWN_WIDTH - PANEL_GAP * len(groups)) / len(groups)
    # The country's own column: a square per series with its category number (or a dash).
    have = [not is_missing(r["value"]) for r in rows]
    own = [int(r["value"]) if h else None for r, h in zip(rows, have)]
    traces = [trace(
        "scatter", x=[0.6] * len(rows), y=labels, xaxis="x", yaxis="y", mode="markers+text",
        name=country, showlegend=False, cliponaxis=False,
        text=[str(c) if c else "\u2013" for c in own], textposition="middle center",
        textfont={"size": size, "color": [styles[c - 1]["text_color"] if c else theme.no_data_text for c in own]},
        customdata=[[r["short_label"], f"{c} {ORDINAL_CATEGORIES[c]} ({r['year']})" if c else "no data"]
                    for r, c in zip(rows, own)],
        hovertemplate=f"<b>{country}</b>, %{{customdata[0]}}: %{{customdata[1]}}<extra></extra>",
        marker={"symbol": "square", "size": round(size * 1.9),
                "color": [styles[c - 1]["color"] if c else theme.no_data_fill for c in own],
                "line": {"color": theme.highlight, "width": theme.highlight_width}})]
    extra = {"xaxis": {"domain": [0, OWN_WIDTH], "range": [0, 1], "visible": False, "fixedrange": True}}
    # Right-aligned on the country's column: a long name runs left, over the empty label column.
    heads = [_head(f"<b>{country}</b>", OWN_WIDTH, theme, 0, anchor="right")]
    for g, group in enumerate(groups):
        axis = str(g + 2)
        start = OWN_WIDTH + PANEL_GAP + g * (width + PANEL_GAP)
        extra[f"xaxis{axis}"] = {"domain": [start, start + width], "range": [0, 100], "visible": False,
                                 "fixedrange": True}
        heads.append(_head(f"<b>{group}</b>", start, theme, g + 1))
        for c, style in zip(ORDINAL_CATEGORIES, styles):
            counts = [r["groups"][g][1][c] for r in rows]
            totals = [r["groups"][g][2] for r in rows]
            mine = [m == c for m in own]
            traces.append(trace(
                "bar", orientation="h", y=labels, x=[100 * k / n if n else 0 for k, n in zip(counts, totals)],
                xaxis=f"x{axis}", yaxis="y", name=f"{c} {ORDINAL_SHORT[c]}", showlegend=False,
                text=[str(k) if k else "" for k in counts], textposition="inside",
                insidetextanchor="middle", textangle=0,
                textfont={"color": style["text_color"], "size": size},
                customdata=[[k, n, r["short_label"]] for k, n, r in zip(counts, totals, rows)],
                hovertemplate=(f"<b>{group}</b>, %{{customdata[2]}}<br>{c} {ORDINAL_CATEGORIES[c]}: "
                               "%{customdata[0]} of %{customdata[1]} countries<extra></extra>"),
                marker={"color": style["color"],
                        "line": {"color": [theme.highlight if m else theme.country_line for m in mine],
                                 "width": [theme.highlight_width if m else 1 for m in mine]}}))
    extra.update({
        "barmode": "stack", "bargap": 0.28, "hovermode": "closest",
        "yaxis": {"categoryorder": "array", "categoryarray": [HEAD_ROW, *labels], "autorange": "reversed",
                  "automargin": True, "ticksuffix": "   ", "fixedrange": True, "showgrid": False,
                  "tickfont": {"size": size}},
    })
    # Legend entries drawn without the outline the country's segments carry; their empty bars in the
    # head row also put that row on the category axis.
    traces += [trace("bar", orientation="h", y=[HEAD_ROW], x=[0], xaxis="x2", yaxis="y",
                     name=f"{c} {ORDINAL_SHORT[c]}", hoverinfo="skip",
                     marker={"color": style["color"], "line": {"color": theme.country_line, "width": 1}})
               for c, style in zip(ORDINAL_CATEGORIES, styles)]
    layout = layout_dict(traces, theme, title=title, subtitle=subtitle, source=source, axis_space=False,
                         extra=extra, annotations=heads)
    return figure(traces, layout)
