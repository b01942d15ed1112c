"""Every chart every view renders is a valid plotly figure (checked as go.Figure would)."""
from __future__ import annotations

import pytest
from dash import dcc

from components.url_state import FilterState
from components.views import REGISTRY

from .figure_checks import as_figure

F = FilterState
STATES = [
    F(), F(region=("Africa",), highlight=("GHA", "KEN"), theme="dark"), F(indicator="sdg16_9_1_birth_registration"),
    F(view="uneven"), F(view="uneven", uneven="all", theme="projector"),
    F(view="uneven", indicator="sdg10_c_1_cost_to_receiving", highlight=("MEX",)),
    F(view="change", indicator="sdg10_c_1_cost_to_receiving", compare=("MEX", "PHL")),
    F(view="gap", highlight=("MEX",)), F(view="compare", compare=("MEX", "PHL", "DEU")),
    F(view="regions"), F(view="corridors", country="USA"), F(region=("Oceania",), flag=("lldc",)),
] + [F(view=v) for v in REGISTRY.names]


def _graphs(node):
    if isinstance(node, (list, tuple)):
        for child in node:
            yield from _graphs(child)
        return
    if isinstance(node, dcc.Graph):
        yield node
    children = getattr(node, "children", None)
    if children is not None and not isinstance(children, str):
        yield from _graphs(children)


@pytest.mark.parametrize("state", STATES, ids=lambda s: s.view + "-" + (s.indicator or ""))
def test_every_rendered_chart_is_a_valid_plotly_figure(dataset, state):
    for graph in _graphs(REGISTRY.render(state, dataset)):
        as_figure(graph.figure)
        # On screen the title and source are page text; the export buttons draw them back in
        # from layout.meta.export, which must make a valid figure with its title and source.
        layout = graph.figure["layout"]
        export = layout["meta"]["export"]
        assert export["title"]["text"], graph.id
        assert any(a.get("name") == "source" for a in export["annotations"]), graph.id
        as_figure({**graph.figure, "layout": {**layout, **export}})
