"""Compare 2-6 countries indicator by indicator, with region and world medians."""
from __future__ import annotations

from dash import html

from components.figures.compare import make_compare
from components.view_kit import (COMPARE_FIELD, View, countries_dropdown, display_theme, empty, graph, note,
                                 plural, select, source_line, source_text, summary, year_text)
from data import compare_data as kd
from data.methodology_data import no_indicator_message
from data.model import Dataset

COUNTRIES = "compare-countries"
GRAPH = "compare-graph"


def render_compare(state, dataset: Dataset) -> list:
    """Small multiples for the chosen countries; a prompt when fewer than two are chosen."""
    chosen = [i for i in state.compare if i in dataset.countries.index]
    if len(chosen) < 2:
        return [summary("Choose two to six countries to compare them indicator by indicator."),
                html.Div(className="empty-state prompt", role="status", children=[
                    html.P("Pick at least two countries in “Countries to compare” above. "
                           f"{'One is chosen so far.' if len(chosen) == 1 else 'None is chosen yet.'}")])]
    sel = select(state, dataset)  # objective / principle filters limit the indicators
    if sel.indicators.empty:
        return [empty(no_indicator_message(dataset, state.objective, state.principle))]
    rows = kd.compare_rows(dataset, chosen, sel.indicators, state.year)
    with_data = kd.indicators_with_data(rows)
    names = {i: dataset.countries.loc[i, "name"] for i in chosen}
    shown = rows[rows["indicator_id"].isin(with_data)]
    with_value = rows.loc[rows["value"].notna(), "iso3"].value_counts()
    per_country = {i: int(with_value.get(i, 0)) for i in chosen}
    text = (f"Comparing {', '.join(names.values())} on {plural(len(with_data), 'indicator')} where at least "
            f"one of them has data ({len(sel.indicators) - len(with_data)} more have none). Values with data: "
            + "; ".join(f"{names[i]} {n}" for i, n in per_country.items()) + ".")
    if shown.empty:
        return [summary(text), empty("None of these countries has data for these indicators.")]
    year = year_text(state)
    fig = make_compare(shown, dataset.indicators, names, theme=display_theme(state),
                       title="Countries compared, indicator by indicator",
                       subtitle=f"{year} · each row has its own scale · marks: region and world medians",
                       source=source_text(with_data, dataset))
    return [summary(text), graph(GRAPH, fig, text, "gcm-compare", height=fig["layout"]["height"]),
            note("The chosen countries are shown whatever the country filters; objective and principle filters "
                 "limit the indicators. Rows are labelled with the GCM objective number; region medians are over every country "
                 "of the region with data, not only the ones chosen. Open a country's profile for each "
                 "value's year and nature."),
            source_line(with_data, dataset)]


def compare_controls(dataset: Dataset, vocab) -> html.Div:
    """The 2-6 countries to compare."""
    return html.Div(className="view-controls analysis-controls", children=[
        countries_dropdown(COUNTRIES, "Countries to compare (2 to 6)", dataset.countries, vocab.countries),
    ])


VIEW = View(name="compare", label="Compare", render=render_compare, controls=compare_controls,
            control_fields=((COUNTRIES, "compare"),), url_fields=(COMPARE_FIELD,), graph_ids=(GRAPH,))
