"""Presenter mode, themes, spotlight and slides: the pure pieces (theme choice, controls, shells).

The slide deck itself lives in the browser (assets/slides.js, localStorage); this module only
builds the static containers it fills, so the Dash renderer never re-renders them.
"""
from __future__ import annotations

import pandas as pd
from dash import dcc, html

from data.vocabulary import Vocabulary

from . import ids
from .theme import THEME_NAMES
from .view_kit import display_theme

def page_class(state) -> str:
    """CSS classes of the page root: theme, and presenter mode."""
    return f"page theme-{display_theme(state)}" + (" presenter" if state.presenter else "")


def display_controls() -> html.Div:
    """Theme switcher and presenter toggle, in the banner."""
    return html.Div(className="display-controls", children=[
        html.Fieldset(className="theme-switch", children=[
            html.Legend("Theme", className="inline-legend"),
            dcc.RadioItems(id=ids.THEME, inline=True, className="radio",
                           options=[{"label": name.capitalize(), "value": name} for name in THEME_NAMES]),
        ]),
        dcc.Checklist(id=ids.PRESENTER, className="checklist presenter-switch",
                      options=[{"label": "Presenter mode", "value": "yes"}]),
    ])


def spotlight_control(vocab: Vocabulary, countries: pd.DataFrame) -> html.Div:
    """'Spotlight countries': highlighted on the map, matrix and charts, others muted."""
    options = [{"label": countries.loc[i, "name"], "value": i}
               for i in sorted(vocab.countries, key=lambda i: countries.loc[i, "name"])]
    return html.Div(className="control spotlight", children=[
        html.Label("Spotlight countries", htmlFor=ids.HIGHLIGHT, id=ids.HIGHLIGHT + "-label",
                   className="control-label"),
        dcc.Dropdown(id=ids.HIGHLIGHT, options=options, multi=True, placeholder="None",
                     clearable=True, searchable=True),
        html.Small("Outlined on the map, marked in the matrix and charts; others are muted.",
                   className="control-help"),
    ])


def slides_panel() -> html.Section:
    """The saved-views panel. assets/slides.js builds its form and list inside the host div
    (plain DOM, outside React: Dash has no file input, and the renderer stays light)."""
    return html.Section(id=ids.SLIDES, className="slides-panel", **{"aria-labelledby": "slides-title"},
                        children=[
        html.H2("Slides", id="slides-title", className="panel-title"),
        html.Div(id="slides-host", className="slides-host"),
    ])


def presenter_bar() -> html.Div:
    """Shown only in presenter mode: exit, the speaker view and a small slide position.

    The speaker note is deliberately absent: the shared screen (and a screen capture or screen
    reader on it) must never carry it. Notes, the next slide and the timer live in the speaker
    window (webapp/speaker.py), kept in step by assets/slides.js."""
    return html.Div(id=ids.PRESENTER_BAR, className="presenter-bar", children=[
        # The banner (and its h1) is hidden in presenter mode; this keeps one level-one heading.
        html.H1("GCM Progress Dashboard, presenter mode", className="visually-hidden"),
        html.Button("Exit presenter mode (Esc)", id="presenter-exit", type="button", className="button"),
        html.Button("Open speaker view", id="presenter-speaker", type="button", className="button",
                    title="Notes, next slide and a timer in a separate window for your own screen"),
        html.Span(id="slide-counter", className="slide-counter", role="status",
                  **{"aria-live": "polite"}),
    ])
