"""World map of one indicator: the four official 10.7.2 categories, or a sequential scale."""
from __future__ import annotations

from components.figures.map import make_map
from components.view_kit import (View, display_theme, empty, filters_in_words, graph, select, source_line,
                                 source_text, summary)
from data import summaries
from data.model import Dataset

GRAPH = "map-graph"


def render_map(state, dataset: Dataset) -> list:
    """World map of the chosen indicator."""
    if state.indicator not in dataset.indicators.index:
        return [empty("This indicator is not in the data.")]
    indicator = dataset.indicators.loc[state.indicator]
    sel = select(state, dataset, [state.indicator])
    if sel.countries.empty:
        return [empty("No countries match these filters.")]
    if sel.indicators.empty:
        return [empty("The chosen indicator is not tagged with the selected objectives or principles. "
                      "Pick another indicator or clear those filters.")]
    region = state.region[0] if len(state.region) == 1 else None
    figure = make_map(sel.values, indicator, sel.countries, theme=display_theme(state), region=region,
                      highlight=state.highlight, year_label=sel.year_label,
                      title=f"{indicator['label']} · {sel.year_label}",
                      subtitle=filters_in_words(state, dataset), source=source_text([state.indicator], dataset))
    sentence = summaries.map_sentence(sel.values, indicator, sel.countries, state.year)
    return [summary(sentence), graph(GRAPH, figure, sentence, f"gcm-map-{state.indicator}"),
            source_line([state.indicator], dataset)]


VIEW = View(name="map", label="World map", render=render_map, graph_ids=(GRAPH,))
