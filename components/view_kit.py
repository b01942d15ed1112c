"""What every view is made of: the :class:`View` declaration and the shared building blocks.

A view module (components/views/<name>.py) imports only from here, the figure builders and
the data layer, and declares one ``VIEW``. The summary sentence, the chart wrapper with its
text alternative and export buttons, the empty state and the source line all come from here,
so every view's charts look and behave alike.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dash import dcc, html

from data.catalogue import policy_indicators
from data.formatting import objectives_phrase
from data.labels import short_label
from data.model import Dataset
from data.selection import Selection, select as select_from
from data.years import LATEST

from . import ids
from .figures.anatomy import split_anatomy
from .figures.geo_config import graph_config
from .url_fields import UrlField, choice, parse_countries

METHODOLOGY_HREF = "?view=methodology"

#: The chart export buttons (assets/slides.js): label -> data-export value.
EXPORTS = {"PNG 1920×1080": "png-slide", "SVG 1920×1080": "svg-slide", "PNG screen size": "png-screen"}


@dataclass(frozen=True)
class View:
    """One view of the dashboard, declared once in its own module.

    ``render(state, dataset)`` returns the children of the content area and must be pure.
    ``controls(dataset, vocab)`` builds the view's own option panel (shown only on this view);
    ``control_fields`` names, for each of its controls, the URL field it feeds. ``url_fields``
    are the link parameters the view owns (several views may share one UrlField object).
    ``fragment(state, dataset)``, if given, is served as static HTML at :func:`fragment_path`.
    ``check(state)`` may correct a state the view cannot show, returning a notice.
    """

    name: str
    label: str
    render: Callable[[Any, Dataset], list]
    controls: Callable[[Dataset, Any], Any] | None = None
    control_fields: tuple[tuple[str, str], ...] = ()
    url_fields: tuple[UrlField, ...] = ()
    graph_ids: tuple[str, ...] = ()
    fragment: Callable[[Any, Dataset], str] | None = None
    check: Callable[[Any], tuple[Any, str | None]] | None = None

    @property
    def panel_id(self) -> str:
        """Id of the container of this view's option panel."""
        return f"{self.name}-options"


def fragment_path(view_name: str) -> str:
    """The same-origin path (no leading slash) where a view's static HTML fragment is served."""
    return f"fragments/{view_name}"


def display_theme(state) -> str:
    """The theme the page and its figures use: presenter mode means projector, unless dark."""
    if state.presenter and state.theme != "dark":
        return "projector"
    return state.theme


def select(state, dataset: Dataset, indicator_ids=None) -> Selection:
    """The page-wide filters of ``state`` applied to ``dataset`` (see data.selection.select)."""
    return select_from(dataset, year=state.year, indicator_ids=indicator_ids, region=state.region,
                       subregion=state.subregion, commission=state.commission,
                       income_group=state.income_group, flag=state.flag, champion=state.champion,
                       objective=state.objective, principle=state.principle)


#: The fields that narrow which countries a view shows (objective and principle filters narrow indicators).
COUNTRY_FILTERS = {"region": (), "subregion": (), "commission": (), "income_group": (), "flag": (), "champion": False}


def has_country_filters(state) -> bool:
    """True when any filter narrows the countries shown."""
    return any(getattr(state, name) != empty for name, empty in COUNTRY_FILTERS.items())


def without_country_filters(state):
    """``state`` with every country filter cleared: the whole world, same indicator and year."""
    return state.with_changes(**COUNTRY_FILTERS)


def year_text(state) -> str:
    """The year choice for sentences: 'latest available' or the year."""
    return "latest available" if state.year == LATEST else state.year


def filters_in_words(state, dataset: Dataset) -> str:
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
        parts.append(objectives_phrase(state.objective))  # "... (editorial mapping)"
    if state.principle:
        parts.append("Principles " + ", ".join(str(p) for p in state.principle))
    return "; ".join(parts) if parts else "All countries"


def source_text(indicator_ids, dataset: Dataset) -> str:
    """The source credit drawn into a figure (so it travels with exported images)."""
    source_ids = sorted({dataset.indicators.loc[i, "source_id"] for i in indicator_ids
                         if i in dataset.indicators.index})
    cites = [dataset.sources.loc[s, "citation"] for s in source_ids if s in dataset.sources.index]
    return "Source: " + ("; ".join(cites) or "see methodology")


def source_line(indicator_ids, dataset: Dataset) -> html.P:
    """'Data: <source links> · How this is computed' under a view's charts.

    The full citation and the editorial-mapping note close each chart (its anatomy, which the
    exports keep); this line adds what an image cannot: the links."""
    source_ids = sorted({dataset.indicators.loc[i, "source_id"] for i in indicator_ids
                         if i in dataset.indicators.index})
    links = [html.A(dataset.sources.loc[s, "citation"].split(",")[0], href=dataset.sources.loc[s, "url"])
             for s in source_ids if s in dataset.sources.index]
    return html.P(className="source-line", children=[
        "Data: ", *links, " · ", html.A("How this is computed", href=METHODOLOGY_HREF)])


def summary(text: str) -> html.P:
    """The view's plain-language sentence (one per view, id ``view-summary``)."""
    return html.P(text, className="summary", id=ids.SUMMARY)


#: A chart this tall (px; one row per indicator or corridor) cannot be squeezed onto a 1280x720
#: slide without its row labels overlapping: presenter mode lets it scroll (assets/presenter.css).
TALLER_THAN_A_SLIDE = 720


def graph(graph_id: str, figure, alt_text: str, filename: str, height: int | None = None) -> html.Figure:
    """A chart with its anatomy: title and subtitle above, the plot, the source line below, the
    text alternative (aria-describedby, shown on demand) and export buttons.

    Title, subtitle and source are page text on screen, so they wrap to the chart's real width
    (components/figures/anatomy.py); the exports put them back into the image.
    ``height`` (px) is for figures taller than the default chart box."""
    alt_id = f"{graph_id}-description"
    screen, anatomy = split_anatomy(figure)
    # The builders return plain dicts, never go.Figure: cached views are pickled, and
    # unpickling a go.Figure re-validates every property (~25 ms for a map).
    chart = dcc.Graph(id=graph_id, figure=screen, config=graph_config(filename),
                      responsive=True, className="chart-graph")
    if height:
        chart.style = {"height": f"{int(height)}px"}
        if height > TALLER_THAN_A_SLIDE:  # presenter mode scrolls it rather than squeeze its rows
            chart.className += " chart-graph-rows"
    head = [html.H2(anatomy.title, className="chart-title")] if anatomy.title else []
    if anatomy.subtitle:
        head.append(html.P(anatomy.subtitle, className="chart-subtitle"))
    return html.Figure(className="chart", **{"aria-describedby": alt_id}, children=[
        html.Div(className="chart-head", children=[
            html.Div(head, className="chart-heading"),
            html.Div(className="chart-exports", role="group", **{"aria-label": "Download this chart"},
                     children=[html.Button(label, type="button", className="button export-button",
                                           **{"data-export": kind, "data-graph": graph_id,
                                              "data-filename": filename})
                               for label, kind in EXPORTS.items()]),
        ]),
        chart,
        *([html.P(anatomy.source, className="chart-source")] if anatomy.source else []),
        html.Figcaption(className="chart-alt", children=[
            html.Details([html.Summary("Describe this chart"),
                          html.P(alt_text, id=alt_id, className="chart-description")])]),
    ])


def scroll_box(table: html.Table, label: str) -> html.Div:
    """``table`` in a box that scrolls sideways by itself when the screen is narrower than the
    table (a phone), so the page never does. Focusable, so keyboard users can scroll it."""
    return html.Div(table, className="table-scroll", role="region", tabIndex="0", **{"aria-label": label})


def empty(message: str) -> html.Div:
    """A clear empty state with a way out."""
    return html.Div(className="empty-state", role="status", children=[
        html.P(message), html.A("Reset filters", href="?", className="button")])


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 country', '3 countries'."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def note(text: str, class_name: str = "analysis-note") -> html.P:
    """A short caveat under a chart."""
    return html.P(text, className=class_name)


def indicator_options(indicators, objectives) -> list[dict]:
    """Indicators grouped under their primary objective; objective headings are disabled options."""
    options = []
    for number, group in indicators.groupby("primary_objective", sort=True):
        short = objectives.loc[number, "short_label"]
        options.append({"label": f"Objective {number} · {short}", "value": f"__obj{number}",
                        "disabled": True})
        for ind in group.itertuples():
            options.append({"label": f"   {ind.label}", "value": ind.indicator_id})
    return options


def labelled(label: str, control, help_text: str | None = None, control_id: str = "") -> html.Div:
    """A control with its visible label and optional help line."""
    children = [html.Label(label, htmlFor=control_id, className="control-label"), control]
    if help_text:
        children.append(html.Small(help_text, className="control-help"))
    return html.Div(children, className="control")


def dropdown(control_id: str, options, multi: bool = True, placeholder: str = "All") -> dcc.Dropdown:
    """A searchable dropdown, multi-select by default."""
    return dcc.Dropdown(id=control_id, options=options, multi=multi, placeholder=placeholder,
                        clearable=True, searchable=True)


#: Fields several views share: the 10.7.2 series they show, and the countries they single out.
POLICY_FIELD = UrlField("policy", "sdg10_7_2_all", choice("policy measure", lambda v: v.policy_indicators))
COMPARE_FIELD = UrlField("compare", (), parse_countries)


def policy_dropdown(control_id: str, indicators) -> html.Div:
    """A labelled choice of one SDG 10.7.2 series (feeds :data:`POLICY_FIELD`)."""
    options = [{"label": f"10.7.2 · {short_label(indicators.loc[i])}", "value": i}
               for i in policy_indicators(indicators)]
    return labelled("Policy measure (SDG 10.7.2 domain)",
                    dcc.Dropdown(id=control_id, options=options, clearable=False, searchable=False),
                    control_id=control_id)


def countries_dropdown(control_id: str, label: str, countries, iso3s, help_text=None) -> html.Div:
    """A labelled multi-select of countries by name (feeds :data:`COMPARE_FIELD`)."""
    options = [{"label": countries.loc[i, "name"], "value": i}
               for i in sorted(iso3s, key=lambda i: countries.loc[i, "name"])]
    return labelled(label, dropdown(control_id, options, placeholder="Choose up to 6 countries"),
                    help_text, control_id)
