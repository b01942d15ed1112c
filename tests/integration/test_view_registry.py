"""The view registry: every view renders, every link field parses, and adding a view is one
module plus one registry line (proved by a test-only view registered here)."""
from __future__ import annotations

from dataclasses import fields

import pytest
from dash import html

from components.registry import Registry, RegistryError
from components.url_fields import UrlField, choice
from components.view_kit import View, summary
from components.views import REGISTRY
from tests.component_tree import by_id, of_type, text
from tests.integration.dash_client import DashClient

FILTERED = ("", "region=Africa", "year=2021&champion=1", "objective=5,20&theme=dark", "highlight=KEN&presenter=1")


@pytest.mark.parametrize("query", FILTERED)
@pytest.mark.parametrize("view", REGISTRY.names)
def test_every_view_renders_its_default_and_filtered_states(dataset, vocab, view, query):
    state, notices = REGISTRY.decode(f"?view={view}&country=KEN&compare=KEN,GHA&{query}", vocab)
    assert state.view == view and notices == []
    children = REGISTRY.render(state, dataset)
    assert children and text(children).strip()


def test_every_link_field_has_a_parser_and_round_trips(vocab):
    state_fields = {f.name for f in fields(REGISTRY.state_class)}
    assert state_fields == set(REGISTRY.fields)
    for name, url_field in REGISTRY.fields.items():
        assert callable(url_field.parse), name
        value, problem = url_field.parse("not-valid-§", vocab)
        assert value in (None, ()) and "not-valid-§" in problem, name  # junk is named back to the user
    state, _ = REGISTRY.decode("?view=gap&policy=sdg10_7_2_pd3&since=2015&sort=name&corridor_role=receiving", vocab)
    assert REGISTRY.decode(REGISTRY.encode(state), vocab) == (state, [])


def test_every_control_feeds_a_known_field_and_every_panel_is_its_views():
    assert {name for _, name in REGISTRY.controls} <= set(REGISTRY.fields)
    panels = [v.panel_id for v in REGISTRY.views if v.controls is not None]
    assert len(panels) == len(set(panels))


def test_two_definitions_of_one_field_are_refused():
    one = View(name="one", label="One", render=lambda s, d: [],
               url_fields=(UrlField("mode", "a", choice("mode", lambda v: ("a", "b"))),))
    two = View(name="two", label="Two", render=lambda s, d: [],
               url_fields=(UrlField("mode", "a", choice("mode", lambda v: ("a", "c"))),))
    with pytest.raises(RegistryError, match="mode"):
        Registry((one, two))
    with pytest.raises(RegistryError, match="named 'one'"):
        Registry((one, one))


# ---- "Add a view" (docs/ARCHITECTURE.md): one module with a VIEW, one line in the registry ----

GREETING = UrlField("greeting", "hello", choice("greeting", lambda v: ("hello", "welcome")))


def render_greeting(state, dataset) -> list:
    return [summary(f"{state.greeting.capitalize()}: {len(dataset.countries)} countries and areas.")]


def greeting_controls(dataset, vocab) -> html.Div:
    return html.Div(html.Button("Wave", id="greeting-wave"), className="view-controls")


GREETING_VIEW = View(name="greeting", label="Greeting", render=render_greeting, controls=greeting_controls,
                     url_fields=(GREETING,))


@pytest.fixture(scope="module")
def extended_app():
    from dashboard import create_app
    from webapp.settings import Settings
    registry = Registry((*REGISTRY.views, GREETING_VIEW))  # the one registry line
    return create_app(Settings(cache_type="simple"), registry=registry)


def test_a_test_only_view_renders_through_the_app(extended_app):
    client = DashClient(extended_app.server.test_client())
    resp = client.call("view-content.children", {"url.search": "?view=greeting&greeting=welcome"}, ["url.search"])
    assert resp.status_code == 200
    assert text(resp.get_json()["response"]).startswith("Welcome:")


def test_a_test_only_view_is_in_the_url_vocabulary_and_the_layout(extended_app, vocab):
    registry = extended_app.gcm_registry
    state, notices = registry.decode("?view=greeting&greeting=welcome", vocab)
    assert (state.view, state.greeting, notices) == ("greeting", "welcome", [])
    assert registry.encode(state) == "?view=greeting&greeting=welcome"
    _, notices = REGISTRY.decode("?view=greeting", vocab)  # the shipped registry does not know it
    assert notices and "greeting" in notices[0]
    layout = extended_app.layout()
    tabs = by_id(layout, "view-tabs")["props"]["options"]
    assert {"label": "Greeting", "value": "greeting"} in tabs
    panel = by_id(layout, "greeting-options")
    assert panel["props"]["hidden"] is True and of_type(panel, "Button")
