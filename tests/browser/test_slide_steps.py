"""A slide step shows the next slide from the view the deck kept (assets/slides.js), before the
server has answered, with the chart's own title; and the profile's indicator table arrives as a
static fragment. Functional checks only: the timings live in bench/."""
from __future__ import annotations

import json
from urllib.parse import parse_qs, urlparse

SLIDES = [("?view=map", "World map"),
          ("?view=uneven&indicator=sdg17_3_2_remittances_gdp&highlight=GHA,MEX", "Remittances"),
          ("?view=matrix&region=Africa&highlight=GHA", "Africa matrix")]
NOTE = "Private note {}"


def UPDATE(url: str) -> bool:  # noqa: N802 (a route matcher; Dash adds a query to the path)
    return "/_dash-update-component" in url


def _deck() -> str:
    return json.dumps({"format": "gcm-dashboard-deck", "version": 1,
                       "slides": [{"title": t, "note": NOTE.format(i), "query": q}
                                  for i, (q, t) in enumerate(SLIDES)]})


def _settled(page) -> None:
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading=\"true\"]')")


def _chart_title(page, graph_id: str) -> str:
    """The title above ``graph_id`` once that chart has drawn its traces."""
    page.wait_for_selector(f"#view-content #{graph_id} .main-svg .trace")
    return page.locator(f"#view-content figure:has(#{graph_id}) .chart-title").inner_text()


def test_slide_step_shows_the_kept_view_before_the_server_answers(probe, base_url):
    page = probe.page
    # The title the uneven slide's chart has when rendered the ordinary way.
    page.goto(base_url + "/" + SLIDES[1][0] + "&presenter=1")
    expected = _chart_title(page, "uneven-graph")
    assert expected

    page.evaluate("deck => localStorage.setItem('gcm-dashboard-deck', deck)", _deck())
    with page.expect_response(lambda r: "/api/view" in r.url and "view=uneven" in r.url) as kept:
        page.goto(base_url + "/" + SLIDES[0][0] + "&presenter=1")
    assert kept.value.status == 200
    page.wait_for_function("() => document.getElementById('slide-counter').textContent === '1 / 3'")
    page.wait_for_selector("#view-content #map-graph .main-svg")
    _settled(page)

    held = []
    page.route(UPDATE, lambda route: held.append(route))  # the server's answers wait
    page.keyboard.press("ArrowRight")
    # The next slide's chart and its own title, while every callback request is still held.
    assert _chart_title(page, "uneven-graph") == expected
    assert not page.locator("#view-content #map-graph").count()
    query = {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}
    assert query == {"view": "uneven", "indicator": "sdg17_3_2_remittances_gdp", "highlight": "GHA,MEX",
                     "presenter": "1"}
    page.wait_for_function("() => document.getElementById('slide-counter').textContent === '2 / 3'")
    page.wait_for_timeout(300)
    assert held, "the step did not change the URL the app renders from"

    for route in held:
        route.continue_()
    page.unroute(UPDATE)
    _settled(page)
    page.wait_for_timeout(300)
    # The URL's own render agrees with what was shown.
    assert _chart_title(page, "uneven-graph") == expected
    assert page.locator("#view-content .js-plotly-plot").count() == 1

    # The matrix slide: its static table is fetched once and stays.
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.getElementById('slide-counter').textContent === '3 / 3'")
    page.wait_for_selector("#matrix-table .matrix-spotlight")
    _settled(page)
    html = page.content()
    assert "Private note" not in html, "a speaker note reached the shared window"
    assert probe.foreign_requests() == []
    assert probe.console_errors == []


def test_profile_table_arrives_as_a_fragment(probe, base_url):
    page = probe.page
    page.goto(base_url + "/?view=profile&country=GHA")
    page.wait_for_selector("#view-content #country-profile .profile-table-host .profile-table")
    assert page.locator("#country-profile .profile-objective-row").count() == 23
    assert page.locator("#country-profile .profile-table-host > .profile-table-scroll[role='region'][tabindex='0']").count() == 1
    assert probe.console_errors == []
