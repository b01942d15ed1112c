"""The dashboard in real headless Chromium against real gunicorn (2 workers)."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]

VIEWS = {
    "map": "?",
    "matrix": "?view=matrix",
    "uneven": "?view=uneven&year=2021",
    "uneven-continuous": "?view=uneven&indicator=sdg10_c_1_cost_to_receiving",
    "profile": "?view=profile&country=GHA",
}


def _open(probe, base_url, query):
    probe.page.goto(base_url + "/" + query)
    probe.page.wait_for_selector("#view-summary, #country-profile, .empty-state")


def _query(page) -> dict:
    return parse_qs(urlparse(page.url).query)


def test_page_loads_without_console_errors_and_stays_on_its_origin(probe, base_url):
    _open(probe, base_url, "?")
    probe.page.wait_for_selector(".js-plotly-plot .choroplethlayer path, .js-plotly-plot .geolayer path")
    probe.page.wait_for_timeout(500)
    assert probe.console_errors == []
    assert probe.foreign_requests() == []
    # The world shapes arrive with the page as a script (webapp/plotly_bundle.py), not as a late fetch.
    assert any("/geo/world_110m.js?v=" in r for r in probe.requests)
    assert not any("world_110m.json" in r for r in probe.requests)


def test_charts_draw_with_the_dashboards_own_plotly_bundle_and_never_fetch_the_full_one(probe, base_url):
    page = probe.page
    spec = json.loads((ROOT / "scripts/plotly_traces.json").read_text(encoding="utf-8"))
    # between them these views draw every trace type in the bundle
    queries = ("?", "?view=uneven", "?view=profile&country=KEN", "?view=change", "?view=compare&compare=KEN,GHA")
    for query in queries:
        page.goto(base_url + "/" + query)
        page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot')]"
                               ".some(gd => gd._fullData && gd._fullData.length && gd.querySelector('.main-svg'))")
        registered = page.evaluate("() => Object.keys(window.Plotly.PlotSchema.get().traces).sort()")
        assert registered == sorted(spec["traces"]), query  # window.Plotly is the custom bundle
    scripts = {r.split("?")[0].rsplit("/", 1)[-1] for r in probe.requests if r.split("?")[0].endswith(".js")}
    plotly_scripts = {name for name in scripts if "plotly" in name and name.endswith(".min.js")}
    assert plotly_scripts == {"plotly-gcm.min.js"}, plotly_scripts
    assert not any("package_data/plotly" in r for r in probe.requests)
    # the chunks the page preloads (components/page_template.py) are the ones dcc uses: one fetch per page
    for chunk in ("async-dropdown.js", "async-graph.js"):
        assert [r.rsplit("/", 1)[-1] for r in probe.requests].count(chunk) == len(queries), chunk
    assert probe.foreign_requests() == [] and probe.console_errors == []


def test_map_draws_countries_offline(probe, base_url):
    _open(probe, base_url, "?year=2021")
    paths = probe.page.locator(".js-plotly-plot .choroplethlayer path")
    paths.first.wait_for()
    assert paths.count() > 100  # countries are drawn from the local topojson
    legend = probe.page.locator(".js-plotly-plot .legend").text_content()
    for label in ("Requires further progress", "Partially meets", "Meets", "Fully meets", "No data"):
        assert label in legend


def test_changing_a_filter_updates_map_matrix_and_url(probe, base_url):
    page = probe.page
    _open(probe, base_url, "?year=2021")
    before = page.locator("#view-summary").inner_text()
    page.locator("#filter-region").click()
    page.keyboard.type("Africa")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("() => location.search.includes('region=Africa')")
    page.wait_for_function(
        "(before) => { const s = document.querySelector('#view-summary'); return s && s.innerText !== before; }",
        arg=before)
    assert "of 57 countries" in page.locator("#view-summary").inner_text()
    page.get_by_role("radio", name="Matrix", exact=True).check()
    page.wait_for_selector("#matrix-table .matrix-table")
    rows = page.locator("#matrix-table tbody tr th a")
    names = rows.all_inner_texts()
    assert "Ghana" in names and "France" not in names
    assert _query(page)["view"] == ["matrix"] and _query(page)["region"] == ["Africa"]
    assert probe.console_errors == []


def test_clicking_a_matrix_cell_opens_the_profile(probe, base_url):
    page = probe.page
    _open(probe, base_url, "?view=matrix&region=Africa")
    page.wait_for_selector("#matrix-table .matrix-table")
    page.locator("#matrix-table a[href*='country=GHA']").first.click()
    page.wait_for_selector("#country-profile h2, #country-profile h1")
    assert "Ghana" in page.locator("#country-profile").inner_text()
    assert _query(page)["country"] == ["GHA"] and _query(page)["view"] == ["profile"]
    assert _query(page)["region"] == ["Africa"]  # the short matrix link carried the page's filters over
    page.go_back()
    page.wait_for_selector("#matrix-table .matrix-table")
    assert _query(page)["view"] == ["matrix"]


def test_reloading_a_shared_link_restores_the_same_state(probe, base_url):
    page = probe.page
    link = "?view=uneven&indicator=sdg10_7_2_pd6&year=2021&region=Asia&income_group=High%20income"
    _open(probe, base_url, link)
    summary = page.locator("#view-summary").inner_text()
    page.reload()
    page.wait_for_selector("#view-summary")
    assert page.locator("#view-summary").inner_text() == summary
    assert page.locator("#filter-indicator").inner_text().strip().startswith("Migration policies: safe")
    assert "Asia" in page.locator("#filter-region").inner_text()
    assert page.get_by_role("radio", name="How uneven", exact=True).is_checked()


def test_old_or_broken_link_shows_a_notice(probe, base_url):
    _open(probe, base_url, "?tab=heatmap&region=Atlantis&yr=1800")
    notice = probe.page.locator("#link-notice").inner_text()
    assert "Atlantis" in notice and "1800" in notice
    assert probe.page.get_by_role("radio", name="Matrix", exact=True).is_checked()


@pytest.mark.parametrize("name, query", VIEWS.items())
def test_every_view_at_1280x720_for_screenshots(probe, base_url, name, query):
    _open(probe, base_url, query)
    if "matrix" in query:
        probe.page.wait_for_selector("#matrix-table .matrix-table")
    probe.page.wait_for_timeout(800)
    path = probe.screenshot(f"view-{name}")
    assert path.stat().st_size > 10_000
    assert probe.foreign_requests() == []
    assert probe.console_errors == []


def test_chart_title_is_page_text_and_the_svg_export_draws_it_back(probe, base_url, tmp_path):
    """On screen the title wraps as page text (never cut); the exported image still carries it."""
    _open(probe, base_url, "?view=uneven&year=2021")
    page = probe.page
    page.wait_for_selector("#uneven-graph .main-svg")
    title = page.locator(".chart-title").first.inner_text()
    assert title.startswith("Migration policies")
    assert page.locator("#uneven-graph .gtitle").count() == 0  # not drawn into the screen figure
    with page.expect_download() as info:
        page.locator("[data-export='svg-slide'][data-graph='uneven-graph']").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    svg = path.read_text(encoding="utf-8")
    assert 'class="gtitle"' in svg and "Migration policies" in svg
    assert "Source: United Nations" in svg
    assert probe.console_errors == []

