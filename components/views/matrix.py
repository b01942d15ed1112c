"""Implementation matrix: countries × indicators grouped by GCM objective, each cell's status in text."""
from __future__ import annotations

from dash import dcc, html

from components.matrix_table import MAX_ROWS, SORTS, make_matrix_table
from components.static_html import to_html
from components.url_fields import UrlField, choice, encode
from components.view_kit import View, empty, fragment_path, select, source_line, summary
from data import queries as q
from data.dataset_index import index_of
from data.formatting import areas_noun
from data.methodology_data import no_indicator_message
from data.model import Dataset
from data.selection import Selection

SORT = "matrix-sort"
TABLE = "matrix-table"
SORT_LABELS = {"region": "Region, then name", "name": "Name", "status": "Overall status (worst first)"}
SORT_FIELD = UrlField("sort", "region", choice("sort", lambda v: SORTS))


def _matrix_counts(sel: Selection, dataset: Dataset) -> tuple[int, int]:
    """(cells with a value, all cells) of the matrix, without building its grid when possible."""
    if index_of(dataset).one_value_per_cell():  # then the counts follow directly
        return int(sel.values["value"].notna().sum()), len(sel.countries) * len(sel.indicators)
    matrix = q.implementation_matrix(sel.values, sel.indicators, sel.countries)
    return int(matrix["value"].notna().sum()), len(matrix)


def render_matrix(state, dataset: Dataset) -> list:
    """Country x indicator implementation matrix."""
    sel = select(state, dataset)
    if sel.countries.empty:
        return [empty("No countries match these filters.")]
    if sel.indicators.empty:
        return [empty(no_indicator_message(dataset, state.objective, state.principle))]
    reported, cells = _matrix_counts(sel, dataset)
    text = (f"{areas_noun(len(sel.countries))} × {len(sel.indicators)} indicators "
            f"({sel.year_label}); {reported} of {cells} cells have data. "
            + (f"The table shows the first {MAX_ROWS} in this order. " if len(sel.countries) > MAX_ROWS
               else "")
            + "Select a country or a cell to open its profile.")
    # The table itself is fetched as static HTML (see matrix_html): thousands of cells as Dash
    # components would take the renderer tens of seconds.
    return [summary(text),
            html.Div(id=TABLE, className="matrix-scroll", tabIndex="0", role="region",
                     **{"aria-label": "Implementation matrix",
                        "data-src": fragment_path("matrix") + (encode(state) or "?")}),
            source_line(list(sel.indicators.index), dataset)]


def matrix_html(state, dataset: Dataset) -> str:
    """The implementation matrix table as escaped static HTML (the view's fragment)."""
    sel = select(state, dataset)
    if sel.countries.empty or sel.indicators.empty:
        return to_html(html.P("No countries or indicators match these filters.", className="empty-state"))
    matrix = q.implementation_matrix(sel.values, sel.indicators, sel.countries)

    def link_for(iso3: str) -> str:
        # Short links: only what the profile shows (repeating the whole query in every cell made
        # one cached matrix several MB); assets/spa_links.js carries the page's filters over on click.
        return encode(type(state)(view="profile", country=iso3, year=state.year, theme=state.theme,
                                  presenter=state.presenter)) or "?"

    return to_html(make_matrix_table(matrix, sel.indicators, dataset.objectives, sort=state.sort,
                                     link_for=link_for, highlight=state.highlight,
                                     gap_objectives=q.objective_gaps(dataset.indicators, dataset.objectives,
                                                                     state.objective)))


def matrix_controls(dataset: Dataset, vocab) -> html.Div:
    """Sort control of the implementation matrix."""
    return html.Div(className="view-controls", children=[
        html.Label("Sort rows by", htmlFor=SORT, className="control-label"),
        dcc.RadioItems(id=SORT, options=[{"label": v, "value": k} for k, v in SORT_LABELS.items()],
                       inline=True, className="radio"),
    ])


VIEW = View(name="matrix", label="Matrix", render=render_matrix, controls=matrix_controls,
            control_fields=((SORT, "sort"),), url_fields=(SORT_FIELD,), fragment=matrix_html)
