"""The page shell: skip link, landmarks, view tabs, filters and the content area.

On a phone (assets/phone.css, assets/shell.js) the banner's actions fold behind a "Menu"
button, the view tabs scroll sideways inside their own strip, and the filters (with the
spotlight and the slides) become a drawer opened by a "Filters" button, so the chart comes first.
"""
from __future__ import annotations

from dash import dcc, html

from data.model import Dataset
from data.vocabulary import Vocabulary

from . import ids
from .controls import filter_panel
from .presentation import display_controls, presenter_bar, slides_panel, spotlight_control
from .registry import Registry
from .view_kit import METHODOLOGY_HREF


def build_layout(dataset: Dataset, vocab: Vocabulary, registry: Registry) -> html.Div:
    """The whole page; control values are filled from the URL by the sync callback.

    The tabs and each view's option panel (hidden until its view is shown) come from ``registry``."""
    vintage = dataset.sources.loc["sdg_global_database", "vintage"].split(" (")[0]
    return html.Div(id=ids.PAGE, className="page theme-light", children=[
        dcc.Location(id=ids.URL, refresh=False),
        # "callback-nav": after writing the address it announces the change, so URL reads it.
        dcc.Location(id=ids.URL_WRITE, refresh="callback-nav"),
        dcc.Store(id=ids.FRAGMENTS_DONE),
        html.A("Skip to content", href="#main", className="skip-link"),
        html.Header(className="banner", role="banner", children=[
            html.Div(className="banner-title", children=[
                html.H1("GCM Progress Dashboard"),
                html.P("How countries implement the Global Compact for Migration, "
                       "across countries and its 23 objectives.", className="tagline")]),
            # Phones only (phone.css): "Filters" opens the sidebar as a drawer over the page, and
            # the banner's actions fold behind "Menu".
            html.Button("Filters", id=ids.FILTERS_TOGGLE, type="button", className="button filters-toggle phone-only",
                        **{"aria-expanded": "false", "aria-controls": ids.SIDEBAR}),
            html.Button("Menu", id=ids.MENU_TOGGLE, type="button", className="button phone-only",
                        **{"aria-expanded": "false", "aria-controls": ids.BANNER_ACTIONS}),
            html.Div(id=ids.BANNER_ACTIONS, className="banner-actions", children=[
                html.Span(f"Data: SDG Global Database, {vintage}", className="vintage"),
                html.Button("Copy link", id=ids.COPY_LINK, type="button", className="button",
                            title="Copy a link that restores exactly this view"),
                html.Span(id=ids.COPY_STATUS, role="status", className="copy-status"),
                display_controls(),
            ]),
        ]),
        html.Nav(className="view-nav", **{"aria-label": "Views"}, children=[
            dcc.RadioItems(id=ids.VIEW_TABS, className="tabs", inline=True,
                           options=[{"label": v, "value": k} for k, v in registry.labels.items()]),
        ]),
        html.Div(id=ids.NOTICE, className="notice", role="status", **{"aria-live": "polite"}),
        html.Div(className="workspace", children=[
            html.Aside([html.Div(className="drawer-head phone-only", children=[
                            html.Button("Close filters (Esc)", id=ids.FILTERS_CLOSE, type="button",
                                        className="button")]),
                        filter_panel(vocab, dataset.indicators, dataset.objectives, dataset.principles,
                                     dataset.countries),
                        spotlight_control(vocab, dataset.countries), slides_panel()],
                       id=ids.SIDEBAR, className="sidebar", **{"aria-label": "Filters and slides"}),
            html.Main(id="main", tabIndex="-1", className="content", children=[
                presenter_bar(),
                *[html.Div(view.controls(dataset, vocab), id=view.panel_id, hidden=True)
                  for view in registry.views if view.controls is not None],
                # Not dcc.Loading: wrapping large trees in it slows the Dash renderer many times over.
                # Dash marks updating components with data-dash-is-loading, which app.css styles.
                html.Div(id=ids.CONTENT, className="view-content", **{"aria-busy": "false"}),
            ]),
        ]),
        html.Footer(className="footer", children=[
            html.P(["Data: United Nations Global SDG Indicators Database (CC BY 4.0 via open-numbers) and "
                    "GCM reference tables; see ", html.A("methodology and sources", href=METHODOLOGY_HREF),
                    ". The mapping of indicators to GCM objectives is editorial. Missing values are shown as "
                    "missing, never estimated."]),
        ]),
    ])
