"""Country profile: classifications and every indicator by objective, against region and world."""
from __future__ import annotations

from dash import html

from components.profile import make_country_profile
from components.profile_card import GRAPH
from components.view_kit import View, display_theme
from data.model import Dataset

CONTAINER = "country-profile"


def render_profile(state, dataset: Dataset) -> list:
    """One country's profile."""
    return [html.Div(make_country_profile(state.country, dataset, year=state.year, theme=display_theme(state),
                                          presenter=state.presenter), id=CONTAINER)]


def needs_country(state):
    """A profile link without a country shows the map, and says so."""
    if state.country:
        return state, None
    return state.with_changes(view="map"), "The country profile needs a country; showing the map instead."


VIEW = View(name="profile", label="Country", render=render_profile, check=needs_country,
            graph_ids=(GRAPH,))
