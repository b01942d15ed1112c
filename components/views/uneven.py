"""How uneven: share of countries per 10.7.2 category by region, or a continuous distribution."""
from __future__ import annotations

from dash import dcc, html

from components.figures.uneven import SELECTION, make_distribution, make_status_shares, status_shares_with_world
from components.url_fields import UrlField, choice
from components.view_kit import (View, display_theme, empty, filters_in_words, graph, has_country_filters,
                                 select, source_line, source_text, summary, without_country_filters)
from data import queries as q
from data import summaries
from data.model import Dataset
from data.catalogue import policy_indicators
from data.labels import panel_label, short_label

MODE = "uneven-mode"
GRAPH = "uneven-graph"
MODES = ("indicator", "all")
MODE_FIELD = UrlField("uneven", "indicator", choice("uneven", lambda v: MODES))


def render_uneven(state, dataset: Dataset) -> list:
    """Share of countries per status by region, or the distribution of a continuous indicator."""
    chosen = list(policy_indicators(dataset.indicators)) if state.uneven == "all" else [state.indicator]
    sel = select(state, dataset, chosen)
    if sel.countries.empty:
        return [empty("No countries match these filters.")]
    if sel.indicators.empty:
        return [empty("No indicator left: the objective or principle filters exclude it.")]
    first = dataset.indicators.loc[sel.indicators.index[0]]
    # Category shares for the official ordinal scores; any continuous indicator (even one with
    # target bands) shows its distribution, which keeps the values visible.
    if (sel.indicators["kind"] == "ordinal_1_4").all():
        if has_country_filters(state):  # compare with the real world, and call the rest a selection
            everyone = select(without_country_filters(state), dataset, chosen)
            both = status_shares_with_world(sel.values, sel.countries, world_values=everyone.values,
                                            world_countries=everyone.countries)
            world = both[both["group"] == SELECTION]
            if world.empty:  # a single region: its own bar is the selection
                world = both[both["group"] != "World"]
        else:
            both = status_shares_with_world(sel.values, sel.countries)
            world = both[both["group"] == "World"]
        several = len(sel.indicators) > 1
        subtitle = filters_in_words(state, dataset)
        if several:
            # Side by side, a panel gets a seventh of the width (a few dozen pixels on a phone): it
            # is titled with its domain number, and the subtitle is the key.
            rows = [dataset.indicators.loc[i] for i in sel.indicators.index]
            labels = {r.name: panel_label(r) for r in rows}
            subtitle += " · " + ", ".join(f"{labels[r.name]}: {short_label(r)}" for r in rows)
        else:
            labels = {i: dataset.indicators.loc[i, "label"] for i in sel.indicators.index}
        figure = make_status_shares(both, labels, theme=display_theme(state), year_label=sel.year_label,
                                    subtitle=subtitle,
                                    source=source_text(list(sel.indicators.index), dataset))
        sentences = [summaries.share_sentence(world, dataset.indicators.loc[i], state.year, values=sel.values)
                     for i in sel.indicators.index]
        if several:  # one sentence on screen; each series' own sentence stays in the description
            alt = " ".join(sentences)
            text = summaries.series_overview_sentence(world, sel.indicators, state.year, values=sel.values)
            return [summary(text), graph(GRAPH, figure, alt, "gcm-how-uneven"),
                    source_line(list(sel.indicators.index), dataset)]
    else:
        medians = q.group_medians(sel.values, sel.countries, "region")
        figure = make_distribution(sel.values, sel.countries, medians, first, theme=display_theme(state),
                                   year_label=sel.year_label, title=f"{first['label']} · {sel.year_label}",
                                   subtitle=filters_in_words(state, dataset),
                                   source=source_text([first.name], dataset), highlight=state.highlight)
        sentences = [summaries.distribution_sentence(sel.values, medians, first, state.year)]
    text = " ".join(sentences)
    return [summary(text), graph(GRAPH, figure, text, "gcm-how-uneven"),
            source_line(list(sel.indicators.index), dataset)]


def uneven_controls(dataset: Dataset, vocab) -> html.Div:
    """Switch between the chosen indicator and all seven 10.7.2 series."""
    return html.Div(className="view-controls", children=[
        html.Label("Show", htmlFor=MODE, className="control-label"),
        dcc.RadioItems(id=MODE, inline=True, className="radio", options=[
            {"label": "The chosen indicator", "value": "indicator"},
            {"label": "All seven 10.7.2 series side by side", "value": "all"}]),
    ])


VIEW = View(name="uneven", label="How uneven", render=render_uneven, controls=uneven_controls,
            control_fields=((MODE, "uneven"),), url_fields=(MODE_FIELD,), graph_ids=(GRAPH,))
