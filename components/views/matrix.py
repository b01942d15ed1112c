"""Implementation matrix: countries × the 23 GCM objectives (each by its editorial lead indicator),
with a drill-down to all of one objective's indicators. Each cell is one indicator's own value."""
from __future__ import annotations

import pandas as pd
from dash import dcc, html

from components.matrix_table import (GAP_TEXT, MAX_ROWS, SORTS, STATUS_SORT_INDICATOR, gap_sentence,
                                     indicator_columns, make_matrix_table, objective_columns, overview_columns)
from components.static_html import to_html
from components.url_fields import UrlField, choice, encode, short
from components.view_kit import View, empty, fragment_path, select, source_line, summary
from data import queries as q
from data.formatting import areas_noun
from data.methodology_data import no_indicator_message
from data.model import Dataset
from data.selection import year_medians, year_values

SORT = "matrix-sort"
DETAIL = "matrix-detail"
TABLE = "matrix-table"
SORT_LABELS = {"region": "Region, then name", "name": "Name",
               "status": "10.7.2 overall category (worst first)"}
SORT_FIELD = UrlField("sort", "region", choice("sort", lambda v: SORTS))
#: ``detail``: "" the objective overview, "1".."23" one objective's indicators, "all" every indicator.
ALL = "all"


def parse_detail(value: str, vocab):
    """The overview (""), one objective number as text, or "all"."""
    text = value.strip().lower()
    if text in ("", "overview", "0"):
        return "", None
    if text == ALL:
        return ALL, None
    if text.isdigit() and int(text) in vocab.objectives:
        return str(int(text)), None
    return None, f"“{short(value)}” is not an objective of the matrix; showing the overview."


DETAIL_FIELD = UrlField("detail", "", parse_detail, help="matrix drill-down: an objective number or all")


def _mode(state) -> str:
    return "overview" if not state.detail else (ALL if state.detail == ALL else "objective")


def _columns(state, dataset: Dataset, sel):
    """The column list and the indicator ids it shows, for the state's drill-down level."""
    mode = _mode(state)
    if mode == "overview":
        columns = overview_columns(dataset.objectives, sel.indicators.index, state.objective)
    elif mode == "objective":
        columns = objective_columns(sel.indicators, dataset.objectives, int(state.detail))
    else:
        gaps = q.objective_gaps(dataset.indicators, dataset.objectives, state.objective)
        columns = indicator_columns(q.ordered_indicators(sel.indicators), gaps)
    used = list(dict.fromkeys(c.indicator for c in columns if c.indicator is not None))
    return columns, used


def _medians(dataset: Dataset, year, used) -> dict[str, float]:
    """World median of each shown indicator for the same year choice (all countries, no filter)."""
    table = year_medians(dataset, year)
    return {i: table[(i, "World")][0] for i in used if (i, "World") in table}


def _status_ranks(dataset: Dataset, year) -> dict[str, float]:
    """Each country's official 10.7.2 overall category rank (0 = requires further progress)."""
    values = year_values(dataset, year)
    own = values[(values["indicator_id"] == STATUS_SORT_INDICATOR) & values["status_rank"].notna()]
    return dict(zip(own["iso3"], own["status_rank"]))


def _legend(mode: str) -> html.Div:
    """Colour key: the four 10.7.2 categories, the median position marks, no data, no indicator."""
    def swatch(css: str, text: str, label: str):
        return html.Span([html.Span(text, className=f"matrix-swatch matrix-cell {css}", **{"aria-hidden": "true"}),
                          label], className="matrix-key")
    return html.Div(className="matrix-legend", children=[
        html.Span("10.7.2 category:", className="matrix-key-head"),
        swatch("status-1", "1", "Requires further progress"), swatch("status-2", "2", "Partially meets"),
        swatch("status-3", "3", "Meets"), swatch("status-4", "4", "Fully meets"),
        html.Span("Other values vs world median:", className="matrix-key-head"),
        swatch("pos-better", "+", "better"), swatch("pos-worse", "\u2212", "worse"),
        swatch("pos-at", "=", "at median"), swatch("pos-none", "12", "not compared"),
        swatch("nodata", "\u2014", "no data"),
        swatch("matrix-gap", "\u00a0", "no indicator yet"),
        html.Span(("Lead indicator per objective: an editorial choice (gcm_objective_leads.csv). "
                   if mode == "overview" else "")
                  + "No score combines different indicators.", className="matrix-key-note"),
    ])


def _select(state, dataset: Dataset):
    # A drill-down shows all of its objective's indicators, whatever the objective filter says.
    return select(state.with_changes(objective=()) if _mode(state) == "objective" else state, dataset)


def render_matrix(state, dataset: Dataset) -> list:
    """The matrix view: sentence, colour key, the table host (filled from the fragment) and sources."""
    sel = _select(state, dataset)
    if sel.countries.empty:
        return [empty("No countries match these filters.")]
    mode = _mode(state)
    if sel.indicators.empty and mode != "overview":
        return [empty(no_indicator_message(dataset, state.objective, state.principle))]
    columns, used = _columns(state, dataset, sel)
    values = sel.values[sel.values["indicator_id"].isin(used)]
    reported = int(values["value"].notna().sum())
    cells = len(sel.countries) * len(used) if used else 0
    rows = areas_noun(len(sel.countries))
    if mode == "overview":
        what = (f"{rows} × {len(columns)} GCM objective{'s' if len(columns) != 1 else ''}, "
                f"each shown by its lead indicator "
                f"({sel.year_label}); ")
        hint = "Choose an objective number to see all its indicators. "
    elif mode == "objective":
        number = int(state.detail)
        what = (f"{rows} × the {len(used)} indicator{'s' if len(used) != 1 else ''} of objective {number} "
                f"({dataset.objectives.at[number, 'short_label']}, {sel.year_label}); ")
        hint = ""
    else:
        what = f"{rows} × {len(used)} indicators ({sel.year_label}); "
        hint = ""
    gaps = [c.objective for c in columns if c.indicator is None and c.gap == GAP_TEXT]
    text = (what + f"{reported} of {cells} cells have data." + gap_sentence(gaps, dataset.objectives) + " "
            + (f"The table shows the first {MAX_ROWS} in this order. " if len(sel.countries) > MAX_ROWS else "")
            + hint + "Select a country or a cell to open its profile.")
    out = [summary(text)]
    if mode != "overview":
        out.append(html.P(html.A("\u2190 Back to all 23 objectives", href=encode(state.with_changes(detail="")) or "?",
                                 className="matrix-back"), className="matrix-nav"))
    # The table itself is fetched as static HTML (see matrix_html): thousands of cells as Dash
    # components would take the renderer tens of seconds.
    out += [_legend(mode),
            html.Div(id=TABLE, className="matrix-scroll", tabIndex="0", role="region",
                     **{"aria-label": "Implementation matrix",
                        "data-src": fragment_path("matrix") + (encode(state) or "?")}),
            source_line(used, dataset)]
    return out


def matrix_html(state, dataset: Dataset) -> str:
    """The implementation matrix table as escaped static HTML (the view's fragment)."""
    sel = _select(state, dataset)
    mode = _mode(state)
    if sel.countries.empty or (sel.indicators.empty and mode != "overview"):
        return to_html(html.P("No countries or indicators match these filters.", className="empty-state"))
    columns, used = _columns(state, dataset, sel)
    matrix = q.implementation_matrix(sel.values, sel.indicators.loc[used], sel.countries)
    if not used:  # only named gaps (objectives 12 and 13): one row per country all the same
        matrix = pd.DataFrame({"iso3": sel.countries.index.to_numpy(), "name": sel.countries["name"].to_numpy(),
                               "region": sel.countries["region"].to_numpy(), "indicator_id": "",
                               "value": float("nan"), "year": float("nan"), "status": None, "status_rank": None})

    def link_for(iso3: str) -> str:
        # Short links: only what the profile shows (repeating the whole query in every cell made
        # one cached matrix several MB); assets/spa_links.js carries the page's filters over on click.
        return encode(type(state)(view="profile", country=iso3, year=state.year, theme=state.theme,
                                  presenter=state.presenter)) or "?"

    def drill_for(number: int) -> str:
        # The page's filters, not its spotlight (up to 20 codes; spa_links.js carries it over on click).
        return encode(state.with_changes(detail=str(number), highlight=()))

    return to_html(make_matrix_table(
        matrix, sel.indicators, dataset.objectives, columns=columns, mode=mode, sort=state.sort,
        link_for=link_for, drill_for=drill_for, medians=_medians(dataset, state.year, used),
        ranks=_status_ranks(dataset, state.year) if state.sort == "status" else None, year=state.year,
        highlight=state.highlight))


def matrix_controls(dataset: Dataset, vocab) -> html.Div:
    """Sort and drill-down controls of the implementation matrix."""
    options = [{"label": f"Objective {n} \u00b7 {dataset.objectives.at[n, 'short_label']}: all indicators",
                "value": str(n)} for n in dataset.objectives.index]
    options.append({"label": "Every indicator (wide table)", "value": ALL})
    return html.Div(className="view-controls", children=[
        html.Div(className="control", children=[
            html.Label("Show", htmlFor=DETAIL, className="control-label"),
            dcc.Dropdown(id=DETAIL, options=options, placeholder="All 23 objectives (lead indicators)",
                         clearable=True, searchable=True, className="matrix-detail-select"),
        ]),
        html.Div(className="control", children=[
            html.Label("Sort rows by", htmlFor=SORT, className="control-label"),
            dcc.RadioItems(id=SORT, options=[{"label": v, "value": k} for k, v in SORT_LABELS.items()],
                           inline=True, className="radio"),
        ]),
    ])


VIEW = View(name="matrix", label="Matrix", render=render_matrix, controls=matrix_controls,
            control_fields=((SORT, "sort"), (DETAIL, "detail")), url_fields=(SORT_FIELD, DETAIL_FIELD),
            fragment=matrix_html)
