"""Country profile: classifications and every indicator by objective, against region and world."""
from __future__ import annotations

from dash import html

from components.profile import make_country_profile, profile_table
from components.profile_card import GRAPH
from components.static_html import to_html
from components.url_fields import encode
from components.view_kit import View, display_theme, fragment_path
from data.model import Dataset

CONTAINER = "country-profile"


def render_profile(state, dataset: Dataset) -> list:
    """One country's profile; its long indicator table is fetched as static HTML (profile_html)."""
    return [html.Div(make_country_profile(state.country, dataset, year=state.year, theme=display_theme(state),
                                          presenter=state.presenter,
                                          table_src=fragment_path("profile") + (encode(state) or "?")),
                     id=CONTAINER)]


def profile_html(state, dataset: Dataset) -> str:
    """The profile's indicator table as escaped static HTML (the view's fragment)."""
    return "".join(to_html(node) for node in profile_table(state.country, dataset, year=state.year))


def needs_country(state):
    """A profile link without a country shows the map, and says so."""
    if state.country:
        return state, None
    return state.with_changes(view="map"), "The country profile needs a country; showing the map instead."


VIEW = View(name="profile", label="Country", render=render_profile, check=needs_country,
            graph_ids=(GRAPH,), fragment=profile_html)
