"""Render one view from a FilterState: selection -> figures/tables -> components.

Everything here is a pure function of (state, dataset); callbacks add caching around it.
"""
from __future__ import annotations

from dash import dcc, html

from data import queries as q
from data import summaries
from data.dataset_index import index_of
from data.model import Dataset
from data.selection import ALL_10_7_2, Selection, select

from . import ids
from .analysis import RENDERERS as ANALYSIS_RENDERERS
from .figures.geo_config import graph_config
from .figures.map import make_map
from .figures.uneven import make_distribution, make_status_shares, status_shares_with_world
from .matrix_table import MAX_ROWS as MATRIX_MAX_ROWS, make_matrix_table
from .presentation import display_theme
from .profile import make_country_profile
from .static_html import to_html
from .url_state import FilterState, encode

METHODOLOGY_HREF = "?view=methodology"
MATRIX_FRAGMENT = "fragments/matrix"


def _select(state: FilterState, dataset: Dataset, indicator_ids=None) -> Selection:
    return select(dataset, year=state.year, indicator_ids=indicator_ids, region=state.region,
                  subregion=state.subregion, commission=state.commission,
                  income_group=state.income_group, flag=state.flag, champion=state.champion,
                  objective=state.objective, principle=state.principle)


def filters_in_words(state: FilterState, dataset: Dataset) -> str:
    """The active filters as a short phrase, for subtitles and text alternatives."""
    parts = []
    for label, values in (("Region", state.region), ("Subregion", state.subregion),
                          ("Commission", state.commission), ("Income", state.income_group),
                          ("Group", tuple(f.upper() for f in state.flag))):
        if values:
            parts.append(f"{label}: {', '.join(values)}")
    if state.champion:
        parts.append("GCM Champions (partial list)")
    if state.objective:
        parts.append("Objectives " + ", ".join(str(o) for o in state.objective))
    if state.principle:
        parts.append("Principles " + ", ".join(str(p) for p in state.principle))
    return "; ".join(parts) if parts else "All countries"


def _source_text(indicator_ids, dataset: Dataset) -> str:
    source_ids = sorted({dataset.indicators.loc[i, "source_id"] for i in indicator_ids
                         if i in dataset.indicators.index})
    cites = [dataset.sources.loc[s, "citation"] for s in source_ids if s in dataset.sources.index]
    return "Source: " + ("; ".join(cites) or "see methodology")


def source_line(indicator_ids, dataset: Dataset) -> html.P:
    """'Source: … · How this is computed' under every chart."""
    # The full citation is drawn inside the chart (so it travels with exports); here, the links.
    source_ids = sorted({dataset.indicators.loc[i, "source_id"] for i in indicator_ids
                         if i in dataset.indicators.index})
    links = [html.A(dataset.sources.loc[s, "citation"].split(",")[0], href=dataset.sources.loc[s, "url"])
             for s in source_ids if s in dataset.sources.index]
    return html.P(className="source-line", children=[
        "Source: ", *links, " · Objective mapping is editorial · ",
        html.A("How this is computed", href=METHODOLOGY_HREF)])


#: The chart export buttons (assets/slides.js): label -> data-export value.
EXPORTS = {"PNG 1920×1080": "png-slide", "SVG 1920×1080": "svg-slide", "PNG screen size": "png-screen"}


def _graph(graph_id: str, figure, alt_text: str, filename: str) -> html.Figure:
    """A chart with its text alternative (aria-describedby, shown on demand and as speaker
    notes in presenter mode) and export buttons that draw title and source into the image."""
    alt_id = f"{graph_id}-description"
    return html.Figure(className="chart", **{"aria-describedby": alt_id}, children=[
        html.Div(className="chart-exports", role="group", **{"aria-label": "Download this chart"},
                 children=[html.Button(label, type="button", className="button export-button",
                                       **{"data-export": kind, "data-graph": graph_id,
                                          "data-filename": filename})
                           for label, kind in EXPORTS.items()]),
        # The builders return plain dicts, never go.Figure: cached views are pickled, and
        # unpickling a go.Figure re-validates every property (~25 ms for a map).
        dcc.Graph(id=graph_id, figure=figure, config=graph_config(filename),
                  responsive=True, className="chart-graph"),
        html.Figcaption(className="chart-alt", children=[
            html.Details([html.Summary("Describe this chart"),
                          html.P(alt_text, id=alt_id, className="chart-description")])]),
    ])


def _empty(message: str, theme: str) -> html.Div:
    return html.Div(className="empty-state", role="status", children=[
        html.P(message), html.A("Reset filters", href="?", className="button")])


def render_map(state: FilterState, dataset: Dataset) -> list:
    """World map of the chosen indicator."""
    if state.indicator not in dataset.indicators.index:
        return [_empty("This indicator is not in the data.", state.theme)]
    indicator = dataset.indicators.loc[state.indicator]
    sel = _select(state, dataset, [state.indicator])
    if sel.countries.empty:
        return [_empty("No countries match these filters.", state.theme)]
    if sel.indicators.empty:
        return [_empty("The chosen indicator is not tagged with the selected objectives or principles. "
                       "Pick another indicator or clear those filters.", state.theme)]
    region = state.region[0] if len(state.region) == 1 else None
    figure = make_map(sel.values, indicator, sel.countries, theme=display_theme(state), region=region,
                      highlight=state.highlight, year_label=sel.year_label,
                      title=f"{indicator['label']} · {sel.year_label}",
                      subtitle=filters_in_words(state, dataset), source=_source_text([state.indicator], dataset))
    sentence = summaries.map_sentence(sel.values, indicator, sel.countries, state.year)
    return [html.P(sentence, className="summary", id=ids.SUMMARY),
            _graph(ids.MAP_GRAPH, figure, sentence, f"gcm-map-{state.indicator}"),
            source_line([state.indicator], dataset)]


def render_uneven(state: FilterState, dataset: Dataset) -> list:
    """Share of countries per status by region, or the distribution of a continuous indicator."""
    chosen = list(ALL_10_7_2) if state.uneven == "all" else [state.indicator]
    sel = _select(state, dataset, chosen)
    if sel.countries.empty:
        return [_empty("No countries match these filters.", state.theme)]
    if sel.indicators.empty:
        return [_empty("No indicator left: the objective or principle filters exclude it.", state.theme)]
    first = dataset.indicators.loc[sel.indicators.index[0]]
    # Category shares for the official ordinal scores; any continuous indicator (even one with
    # target bands) shows its distribution, which keeps the values visible.
    if (sel.indicators["kind"] == "ordinal_1_4").all():
        both = status_shares_with_world(sel.values, sel.countries)
        world = both[both["group"] == "World"]
        labels = {i: dataset.indicators.loc[i, "label"] for i in sel.indicators.index}
        figure = make_status_shares(both, labels, theme=display_theme(state), year_label=sel.year_label,
                                    subtitle=filters_in_words(state, dataset),
                                    source=_source_text(list(sel.indicators.index), dataset))
        sentences = [summaries.share_sentence(world, dataset.indicators.loc[i], state.year)
                     for i in sel.indicators.index]
    else:
        medians = q.group_medians(sel.values, sel.countries, "region")
        figure = make_distribution(sel.values, sel.countries, medians, first, theme=display_theme(state),
                                   year_label=sel.year_label, title=f"{first['label']} · {sel.year_label}",
                                   subtitle=filters_in_words(state, dataset),
                                   source=_source_text([first.name], dataset), highlight=state.highlight)
        sentences = [summaries.distribution_sentence(sel.values, medians, first, state.year)]
    text = " ".join(sentences)
    return [html.P(text, className="summary", id=ids.SUMMARY),
            _graph(ids.UNEVEN_GRAPH, figure, text, "gcm-how-uneven"),
            source_line(list(sel.indicators.index), dataset)]


def _matrix_counts(sel: Selection, dataset: Dataset) -> tuple[int, int]:
    """(cells with a value, all cells) of the matrix, without building its grid when possible."""
    if index_of(dataset).one_value_per_cell():  # then the counts follow directly
        return int(sel.values["value"].notna().sum()), len(sel.countries) * len(sel.indicators)
    matrix = q.implementation_matrix(sel.values, sel.indicators, sel.countries)
    return int(matrix["value"].notna().sum()), len(matrix)


def render_matrix(state: FilterState, dataset: Dataset) -> list:
    """Country x indicator implementation matrix."""
    sel = _select(state, dataset)
    if sel.countries.empty:
        return [_empty("No countries match these filters.", state.theme)]
    if sel.indicators.empty:
        return [_empty("No indicator is tagged with the selected objectives and principles.", state.theme)]
    reported, cells = _matrix_counts(sel, dataset)
    text = (f"{len(sel.countries)} countries × {len(sel.indicators)} indicators "
            f"({sel.year_label}); {reported} of {cells} cells have data. "
            + (f"The table shows the first {MATRIX_MAX_ROWS} in this order. " if len(sel.countries) > MATRIX_MAX_ROWS
               else "")
            + "Select a country or a cell to open its profile.")
    # The table itself is fetched as static HTML (see matrix_html): thousands of cells as Dash
    # components would take the renderer tens of seconds.
    return [html.P(text, className="summary", id=ids.SUMMARY),
            html.Div(id=ids.MATRIX,
                     className="matrix-scroll", tabIndex="0", role="region",
                     **{"aria-label": "Implementation matrix", "data-src": MATRIX_FRAGMENT + (encode(state) or "?")}),
            source_line(list(sel.indicators.index), dataset)]


def matrix_html(state: FilterState, dataset: Dataset) -> str:
    """The implementation matrix table as escaped static HTML (served at MATRIX_FRAGMENT)."""
    sel = _select(state, dataset)
    if sel.countries.empty or sel.indicators.empty:
        return to_html(html.P("No countries or indicators match these filters.", className="empty-state"))
    matrix = q.implementation_matrix(sel.values, sel.indicators, sel.countries)

    def link_for(iso3: str) -> str:
        # Short links: only what the profile shows (repeating the whole query in every cell made
        # one cached matrix several MB); assets/spa_links.js carries the page's filters over on click.
        return encode(FilterState(view="profile", country=iso3, year=state.year, theme=state.theme,
                                  presenter=state.presenter)) or "?"

    return to_html(make_matrix_table(matrix, sel.indicators, dataset.objectives, sort=state.sort,
                                     link_for=link_for, highlight=state.highlight))


def render_profile(state: FilterState, dataset: Dataset) -> list:
    """One country's profile."""
    return [html.Div(make_country_profile(state.country, dataset, year=state.year), id=ids.PROFILE)]


RENDERERS = {"map": render_map, "uneven": render_uneven, "matrix": render_matrix, "profile": render_profile,
             **ANALYSIS_RENDERERS}


def render_view(state: FilterState, dataset: Dataset) -> list:
    """The children of the content area for ``state``."""
    return RENDERERS[state.view](state, dataset)  # url_state.decode only yields known views
