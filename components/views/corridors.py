"""Remittance corridors (SDG 10.c.1): each corridor's cost for one sending or receiving country."""
from __future__ import annotations

from dash import dcc, html

from components.figures.corridors import make_corridor_costs
from components.url_fields import UrlField, choice, encode
from components.view_kit import (METHODOLOGY_HREF, View, display_theme, dropdown, empty, filters_in_words, graph,
                                 labelled, note, plural, select, summary)
from data import corridor_data as rc
from data.model import Dataset

ROLE = "corridor-role"
COUNTRY = "corridor-country"
GRAPH = "corridor-graph"
ROLES = ("sending", "receiving")
ROLE_FIELD = UrlField("corridor_role", "sending", choice("corridor role", lambda v: ROLES))

SOURCE = ("Source: United Nations, Global SDG Indicators Database, series SI_RMT_COST_BC (World Bank Remittance "
          "Prices Worldwide), average cost of sending USD 200 in each corridor")


def _source_line() -> html.P:
    return html.P(className="source-line", children=[
        SOURCE, " · ", html.A("How this is computed", href=METHODOLOGY_HREF)])


def _prompt(state, dataset: Dataset) -> list:
    have = rc.countries_with_corridors(dataset.corridors, state.corridor_role)
    names = dataset.countries["name"]
    top = sorted(have, key=lambda i: -len(rc.corridor_costs(dataset.corridors, dataset.countries, i,
                                                              state.corridor_role)))[:8]
    links = [html.Li(html.A(names.get(i, i), href=encode(state.with_changes(country=i)) or "?")) for i in top]
    return [summary(f"Choose a {state.corridor_role} country: {len(have)} countries have corridor costs as "
                    f"{state.corridor_role} countries."),
            html.Div(className="empty-state prompt", role="status", children=[
                html.P("Pick a country under “Country” above, or start with one of those with the most corridors:"),
                html.Ul(links, className="inline-list")]),
            _source_line()]


def render_corridors(state, dataset: Dataset) -> list:
    """Dot-and-stem chart of corridor costs with the 3% target and 5% ceiling."""
    if not state.country:
        return _prompt(state, dataset)
    name = dataset.countries["name"].get(state.country, state.country)
    sel = select(state, dataset)
    costs = rc.corridor_costs(dataset.corridors, dataset.countries, state.country, state.corridor_role,
                              partners=sel.areas.index)
    other = "receiving" if state.corridor_role == "sending" else "sending"
    if costs.empty:
        elsewhere = rc.corridor_costs(dataset.corridors, dataset.countries, state.country, other,
                                      partners=sel.areas.index)
        hint = (f" It appears as a {other} country in {plural(len(elsewhere), 'corridor')}."
                if len(elsewhere) else "")
        return [summary(f"No corridor costs for {name} as a {state.corridor_role} country in this selection.{hint}"),
                empty(f"No corridors for {name} as a {state.corridor_role} country with these filters."),
                _source_line()]
    counts = rc.band_counts(costs)
    years = sorted(set(costs["year"]))
    when = f"{years[0]}" if len(years) == 1 else f"{years[0]}–{years[-1]}"
    direction = "from" if state.corridor_role == "sending" else "to"
    text = (f"Of {plural(counts['total'], 'corridor')} {direction} {name} (latest year each, {when}), "
            f"{counts['above_ceiling']} cost more than the 5% ceiling, {counts['above_target']} are between 3% and 5%, "
            f"and {counts['below_target']} meet the 3% target.")
    fig = make_corridor_costs(costs, theme=display_theme(state),
                              title=f"Cost of sending USD 200 {direction} {name}, by corridor",
                              subtitle=f"% of USD 200 sent, lower is better · {filters_in_words(state, dataset)} "
                                       "(other end) · each corridor's latest year in brackets", source=SOURCE)
    return [summary(text), graph(GRAPH, fig, text, f"gcm-corridors-{state.country}",
                                 height=fig["layout"]["height"]),
            note("Costs are averages over the services surveyed in each corridor; a corridor's latest year may "
                 "differ from others'. The country average (no corridor given in the source) is not shown."),
            _source_line()]


def corridor_controls(dataset: Dataset, vocab) -> html.Div:
    """Sending or receiving side, and the country (only countries that appear in a corridor)."""
    countries = dataset.countries
    iso3s = set(rc.countries_with_corridors(dataset.corridors, "sending")) | set(
        rc.countries_with_corridors(dataset.corridors, "receiving"))
    options = [{"label": countries.loc[i, "name"] if i in countries.index else i, "value": i}
               for i in sorted(iso3s, key=lambda i: countries.loc[i, "name"] if i in countries.index else i)]
    return html.Div(className="view-controls analysis-controls", children=[
        labelled("The country is", dcc.RadioItems(id=ROLE, inline=True, className="radio", options=[
            {"label": "Sending money", "value": "sending"}, {"label": "Receiving money", "value": "receiving"}]),
            control_id=ROLE),
        labelled("Country", dropdown(COUNTRY, options, multi=False, placeholder="Choose a country"),
                 control_id=COUNTRY),
    ])


VIEW = View(name="corridors", label="Remittance corridors", render=render_corridors, controls=corridor_controls,
            control_fields=((ROLE, "corridor_role"), (COUNTRY, "country")), url_fields=(ROLE_FIELD,),
            graph_ids=(GRAPH,))
