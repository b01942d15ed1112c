"""Building blocks the analysis views share with the core views.

The summary, chart wrapper, empty state, source line and selection are the ones in
:mod:`components.views`, looked up at call time: views imports this package, so a module-level
import would be circular, and a single implementation keeps every view's charts alike.
"""
from __future__ import annotations

from dash import html

from components import ids
from components.url_state import FilterState


def _views():
    from components import views
    return views


def summary(text: str) -> html.P:
    """The view's plain-language sentence (one per view, id ids.SUMMARY)."""
    return html.P(text, className="summary", id=ids.SUMMARY)


def graph(graph_id: str, figure, alt_text: str, filename: str, height: int | None = None) -> html.Figure:
    """A chart with its text alternative; ``height`` (px) for figures taller than the default box."""
    block = _views()._graph(graph_id, figure, alt_text, filename)
    if height:
        for child in block.children:
            if getattr(child, "id", None) == graph_id:
                child.style = {"height": f"{int(height)}px"}
    return block


def empty(message: str, state: FilterState) -> html.Div:
    """A clear empty state with a way out."""
    return _views()._empty(message, state.theme)


def source_line(indicator_ids, dataset) -> html.P:
    """'Source: … · How this is computed' under a chart."""
    return _views().source_line(indicator_ids, dataset)


def source_text(indicator_ids, dataset) -> str:
    """The source credit drawn into a figure."""
    return _views()._source_text(indicator_ids, dataset)


def select(state: FilterState, dataset, indicator_ids=None):
    """The global filters applied (see data.selection.select)."""
    return _views()._select(state, dataset, indicator_ids)


def filters_in_words(state: FilterState, dataset) -> str:
    """The active filters as a phrase, for subtitles."""
    return _views().filters_in_words(state, dataset)


def figure_theme(state: FilterState):
    """The theme figures are drawn in (projector type in presenter mode, when available)."""
    pick = getattr(_views(), "display_theme", None)
    return pick(state) if pick else state.theme


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def note(text: str, class_name: str = "analysis-note") -> html.P:
    """A short caveat under a chart."""
    return html.P(text, className=class_name)
