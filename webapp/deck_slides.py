"""What each slide of a deck shows: its chart (a plotly figure dict), title, source line and note.

A slide's query goes through the same path as a link in the browser: the view registry decodes
it into a FilterState and renders the view's components; the first chart and the source
line are read off those components. So an export shows exactly what the dashboard shows, and
nothing here re-implements a view. Pure: no Flask, no browser.
"""
from __future__ import annotations

from dataclasses import dataclass

from components.views import REGISTRY
from data.model import Dataset
from data.vocabulary import Vocabulary

from .chart_images import SLIDE_LAYOUT


@dataclass(frozen=True)
class SlideContent:
    """One slide ready to export."""

    title: str
    note: str
    query: str
    view: str
    figure: dict
    has_chart: bool
    source: str


def walk(node):
    """Every Dash component in a rendered tree (lists and nested children), depth first."""
    if isinstance(node, (list, tuple)):
        for item in node:
            yield from walk(item)
        return
    if node is None or isinstance(node, (str, int, float)):
        return
    yield node
    yield from walk(getattr(node, "children", None))


def text_of(node) -> str:
    """The visible text of a component tree, as one line."""
    if isinstance(node, str):
        return node
    if isinstance(node, (int, float)):
        return str(node)
    if isinstance(node, (list, tuple)):
        return "".join(text_of(n) for n in node)
    return text_of(getattr(node, "children", None)) if node is not None else ""


def source_sentence(line, dataset: Dataset) -> str:
    """The full citations behind a view's source line (its links carry only the short names)."""
    by_url = {row["url"]: row["citation"] for _, row in dataset.sources.iterrows()}
    cites = [by_url[a.href] for a in walk(line)
             if type(a).__name__ == "A" and getattr(a, "href", None) in by_url]
    if not cites:
        return " ".join(text_of(line).split())
    return "Source: " + "; ".join(dict.fromkeys(cites)) + ". The mapping of indicators to GCM objectives is editorial."


def no_chart_figure(view: str, title: str) -> dict:
    """A plain picture for a view that is a table or text (matrix, profile, methodology, table)."""
    return {"data": [], "layout": {
        "width": SLIDE_LAYOUT[0], "height": SLIDE_LAYOUT[1], "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff", "xaxis": {"visible": False}, "yaxis": {"visible": False},
        "annotations": [{"text": f"<b>{title}</b><br><br>The {view} view is a table or text, not a chart.<br>"
                                 "Open the link in the notes to show it live in the dashboard.",
                         "showarrow": False, "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5,
                         "font": {"size": 26, "color": "#1a1a1a"}}]}}


def slide_content(slide: dict, dataset: Dataset, vocab: Vocabulary) -> SlideContent:
    """The chart, source line and texts of one validated slide (``title``, ``note``, ``query``)."""
    state, _ = REGISTRY.decode(slide["query"], vocab)  # validated slides decode without notices
    rendered = REGISTRY.render(state, dataset)
    figure, source = None, ""
    for component in walk(rendered):
        name = type(component).__name__
        if figure is None and name == "Graph" and getattr(component, "figure", None):
            figure = component.figure
        classes = (getattr(component, "className", None) or "").split()
        if not source and "source-line" in classes:
            source = source_sentence(component, dataset)
    if hasattr(figure, "to_plotly_json"):
        figure = figure.to_plotly_json()
    return SlideContent(title=slide["title"], note=slide.get("note") or "", query=slide["query"],
                        view=state.view, figure=figure or no_chart_figure(state.view, slide["title"]),
                        has_chart=figure is not None, source=source or "Source: see the methodology view")


def deck_contents(slides: list[dict], dataset: Dataset, vocab: Vocabulary) -> list[SlideContent]:
    """:func:`slide_content` of every slide, in order."""
    return [slide_content(s, dataset, vocab) for s in slides]
