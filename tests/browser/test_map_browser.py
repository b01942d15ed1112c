"""The world map opens country profiles: by mouse click and by keyboard (assets/gcm_map.js)."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.browser


def _map(probe, base_url, query):
    probe.page.goto(base_url + "/" + query)
    probe.page.wait_for_selector("#map-graph .choroplethlayer path.choroplethlocation")
    # gcm_map.js binds once plotly has drawn (the map becomes one tab stop).
    probe.page.wait_for_selector("#map-graph[role='application'][tabindex='0']")


def _query(page) -> dict:
    return parse_qs(urlparse(page.url).query)


def _profile_shown(page, iso3: str) -> None:
    page.wait_for_function(f"new URLSearchParams(location.search).get('country') === '{iso3}'")
    page.wait_for_selector("#country-profile")


def test_clicking_a_country_opens_its_profile_keeping_the_filters(probe, base_url):
    _map(probe, base_url, "?region=Africa&year=2021")
    # Click the middle of Ghana's shape (found by its bound ISO3 code, not by screen position).
    box = probe.page.evaluate("""() => {
        const el = [...document.querySelectorAll('#map-graph path.choroplethlocation')]
            .find(p => p.__data__ && p.__data__.loc === 'GHA');
        const r = el.getBoundingClientRect();
        return {x: r.x + r.width / 2, y: r.y + r.height / 2};
    }""")
    probe.page.mouse.click(box["x"], box["y"])
    _profile_shown(probe.page, "GHA")
    query = _query(probe.page)
    assert query["view"] == ["profile"]
    assert query["region"] == ["Africa"] and query["year"] == ["2021"]
    assert "Ghana" in probe.page.locator("#country-profile").inner_text()
    assert probe.console_errors == []


def test_keyboard_moves_between_countries_and_enter_opens_the_profile(probe, base_url):
    _map(probe, base_url, "?region=Africa")
    page = probe.page
    page.focus("#map-graph")
    status = page.locator(".map-keyboard-status")
    assert "arrow keys" in status.inner_text()
    page.keyboard.press("ArrowRight")  # the first country, alphabetically
    assert status.inner_text().startswith("Algeria")
    # The current country is outlined on the map (a visible focus, not only the spoken name).
    assert page.locator("#map-graph .gcm-map-focus").count() >= 1
    page.keyboard.type("ken")  # typing jumps to the first country whose name starts so
    assert status.inner_text().startswith("Kenya")
    assert status.get_attribute("aria-live") == "polite"
    page.keyboard.press("Enter")
    _profile_shown(page, "KEN")
    assert _query(page)["region"] == ["Africa"]
    assert probe.console_errors == []


def test_the_map_is_one_tab_stop_with_a_name(probe, base_url):
    _map(probe, base_url, "?")
    host = probe.page.locator("#map-graph")
    assert "Enter opens" in host.get_attribute("aria-label")
    assert probe.page.locator("#map-graph [tabindex='0']").count() == 0
