"""The analysis views in real headless Chromium at 1280x720: render, no console errors, no foreign
requests, screenshots in artifacts/screenshots/ (look at them)."""
from __future__ import annotations

import pytest

PAGES = {
    "change": "?view=change",
    "change-continuous": "?view=change&indicator=sdg10_c_1_cost_to_receiving&compare=MEX,PHL,IND",
    "gap": "?view=gap&outcome=sdg10_c_1_cost_to_receiving&highlight=MEX,PHL",
    "compare": "?view=compare&compare=MEX,PHL,DEU,NGA",
    "compare-prompt": "?view=compare",
    "regions": "?view=regions&policy=sdg10_7_2_pd1&year=2021",
    "corridors": "?view=corridors&country=USA",
    "corridors-receiving": "?view=corridors&country=IND&corridor_role=receiving",
    "table": "?view=table&region=Africa&year=2021",
    "methodology": "?view=methodology",
}


def _open(probe, base_url, query):
    page = probe.page
    page.goto(base_url + "/" + query)
    page.wait_for_selector("#view-summary")
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading=\"true\"]')")
    page.wait_for_timeout(600)  # let plotly finish drawing
    return page


@pytest.mark.parametrize("name", list(PAGES))
def test_view_renders_cleanly(probe, base_url, name):
    page = _open(probe, base_url, PAGES[name])
    assert page.locator("#view-summary").inner_text().strip()
    if name in ("change", "gap", "regions", "corridors", "compare"):
        # Wait for the chart rather than count it at once: on a loaded machine (2 cores shared)
        # plotly.js took longer than the fixed 600 ms and the count read 0. Still fails if no chart.
        page.wait_for_selector(".chart .js-plotly-plot", state="attached", timeout=30000)
        page.wait_for_timeout(300)
    probe.screenshot(f"analysis-{name}")
    assert probe.console_errors == []
    assert probe.foreign_requests() == []


def test_change_map_plays_year_by_year(probe, base_url):
    page = _open(probe, base_url, PAGES["change-continuous"])
    page.wait_for_selector("#change-map-graph path.choroplethlocation")
    page.evaluate("() => document.getElementById('change-map-graph').scrollIntoView()")
    page.wait_for_timeout(500)
    graph = page.locator("#change-map-graph")
    probe.screenshot("analysis-change-map")
    current = "() => document.querySelector('#change-map-graph .slider-group > .slider-label').textContent"
    before = page.evaluate(current)
    assert before.endswith("2021")
    graph.locator(".updatemenu-button").first.click()
    page.wait_for_timeout(2500)
    after = page.evaluate(current)
    assert before != after
    drawn = page.evaluate("() => document.querySelectorAll('#change-map-graph path.choroplethlocation').length")
    assert drawn > 100  # countries are drawn (offline topojson)
    probe.screenshot("analysis-change-map-playing")
    assert probe.console_errors == [] and probe.foreign_requests() == []


def test_table_is_sortable_and_download_shows_progress(probe, base_url):
    page = _open(probe, base_url, PAGES["table"])
    page.wait_for_selector(".ag-root .ag-row")
    assert page.locator(".ag-row").count() < 200  # virtualised, not every row in the DOM at once
    page.locator(".ag-header-cell-text", has_text="Value").first.click()
    with page.expect_download() as info:
        page.locator("#download-displayed").click()
    assert info.value.suggested_filename.endswith(".csv")
    page.wait_for_function("() => document.getElementById('download-status').textContent.includes('Downloaded')")
    path = info.value.path()
    text = open(path, encoding="utf-8").read()
    assert "# Licence:" in text and "region=Africa" in text
    assert probe.console_errors == [] and probe.foreign_requests() == []


def test_the_grid_bundle_loads_only_when_the_data_table_opens(probe, base_url):
    page = _open(probe, base_url, "?view=matrix")
    page.wait_for_load_state("networkidle")
    grid_bundles = lambda: [r for r in probe.requests if "dash_ag_grid/dash_ag_grid" in r]  # noqa: E731
    assert grid_bundles() == []  # components/grid_loading.py keeps it out of the page
    page.get_by_role("radio", name="Data table", exact=True).check()
    page.wait_for_selector(".ag-root .ag-row")
    first = page.locator(".ag-row[row-index='0'] [col-id='country']").inner_text()
    page.locator(".ag-header-cell-text", has_text="Country").first.click()
    page.locator(".ag-header-cell-text", has_text="Country").first.click()  # descending
    page.wait_for_function("(first) => document.querySelector(\".ag-row[row-index='0'] [col-id='country']\")"
                           ".innerText !== first", arg=first)
    page.get_by_role("radio", name="World map", exact=True).check()
    page.get_by_role("radio", name="Data table", exact=True).check()
    page.wait_for_selector(".ag-root .ag-row")
    assert len(grid_bundles()) == 1 and page.locator(".grid-loading").count() == 0
    assert probe.console_errors == [] and probe.foreign_requests() == []


def test_option_panel_changes_the_view(probe, base_url):
    page = _open(probe, base_url, "?view=corridors")
    page.locator("#corridors-options").wait_for(state="visible")
    page.locator("#corridor-country").click()
    page.keyboard.type("Germany")
    page.wait_for_timeout(300)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('view-summary').textContent.includes('Germany')")
    assert "view=corridors" in page.url and "country=DEU" in page.url
    assert probe.console_errors == []
