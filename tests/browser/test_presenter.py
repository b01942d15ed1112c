"""Presenter mode driven by the keyboard only: save three slides, reload, step through, export."""
from __future__ import annotations

import json
import struct
from urllib.parse import parse_qs, urlparse

import pytest

SLIDES = [("?view=map", "World map"),
          ("?view=uneven&indicator=sdg17_3_2_remittances_gdp&highlight=GHA,MEX", "Remittances"),
          ("?view=matrix&region=Africa&highlight=GHA", "Africa matrix")]


def _ready(page):
    page.wait_for_selector("#view-content > *", state="attached")
    page.wait_for_selector("#slides-list", state="attached")
    page.wait_for_function("() => !document.querySelector('#view-content[data-dash-is-loading=\"true\"]')")


def _params(page) -> dict:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def _tab_to(page, selector: str, limit: int = 200) -> None:
    """Press Tab until ``selector`` has focus (keyboard-only navigation)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} not reachable with Tab")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_three_slides_by_keyboard_reload_step_and_export(probe, base_url, tmp_path):
    page = probe.page
    for query, title in SLIDES:
        page.goto(base_url + "/" + query)
        _ready(page)
        _tab_to(page, "#slide-title-input")
        page.keyboard.type(title)
        _tab_to(page, "#slide-save")
        page.keyboard.press("Enter")
        page.wait_for_function("t => document.getElementById('slides-status').textContent.includes(t)", arg=title)
    deck = json.loads(page.evaluate("localStorage.getItem('gcm-dashboard-deck')"))
    assert [s["title"] for s in deck["slides"]] == [t for _, t in SLIDES]

    page.reload()
    _ready(page)
    assert page.locator("#slides-list li").count() == 3
    _tab_to(page, "#slide-present")
    page.keyboard.press("Enter")
    page.wait_for_selector("#page.presenter")
    counter = page.locator("#slide-counter")
    counter.wait_for()
    page.wait_for_function("() => document.getElementById('slide-counter').textContent === '1 / 3'")
    assert _params(page) == {"view": "map", "presenter": "1"}
    assert not page.locator(".sidebar").is_visible() and not page.locator(".view-nav").is_visible()
    probe.screenshot("presenter-slide-1")

    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.getElementById('slide-counter').textContent === '2 / 3'")
    assert _params(page) == {"view": "uneven", "indicator": "sdg17_3_2_remittances_gdp",
                             "highlight": "GHA,MEX", "presenter": "1"}
    page.wait_for_selector("#uneven-graph .main-svg")
    probe.screenshot("presenter-slide-2")

    page.keyboard.press("PageDown")
    page.wait_for_function("() => document.getElementById('slide-counter').textContent === '3 / 3'")
    assert _params(page)["view"] == "matrix"
    page.wait_for_selector("#matrix-table .matrix-spotlight")
    probe.screenshot("presenter-slide-3")
    page.keyboard.press("ArrowRight")  # past the end: stays on the last slide
    page.wait_for_timeout(300)
    assert counter.inner_text() == "3 / 3"

    page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => document.getElementById('slide-counter').textContent === '2 / 3'")
    page.keyboard.press("PageUp")
    page.wait_for_function("() => document.getElementById('slide-counter').textContent === '1 / 3'")

    page.keyboard.press("Escape")  # leaving presenter mode returns to the same view
    page.wait_for_function("() => !document.getElementById('page').classList.contains('presenter')")
    assert "presenter" not in _params(page)
    assert page.locator(".sidebar").is_visible()

    # Export the chart as a 1920x1080 PNG, by keyboard.
    page.wait_for_selector("#map-graph .main-svg")
    _tab_to(page, "[data-export='png-slide']")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename.endswith(".png")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert _png_size(path.read_bytes()) == (1920, 1080)
    assert probe.foreign_requests() == []
    assert probe.console_errors == []


def test_invalid_deck_file_keeps_the_current_deck(probe, base_url, tmp_path):
    page = probe.page
    page.goto(base_url + "/?view=map")
    _ready(page)
    page.click("#slide-save")
    page.wait_for_function("() => document.querySelectorAll('#slides-list li').length === 1")
    bad = tmp_path / "old.json"
    bad.write_text(json.dumps({"format": "gcm-dashboard-deck", "version": 0, "slides": []}))
    page.set_input_files("#deck-import", str(bad))
    page.wait_for_function("() => document.getElementById('slides-status').textContent.includes('older version')")
    assert "unchanged" in page.inner_text("#slides-status")
    junk = tmp_path / "junk.json"
    junk.write_text("{not json")
    page.set_input_files("#deck-import", str(junk))
    page.wait_for_function("() => document.getElementById('slides-status').textContent.includes('not JSON')")
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"format": "gcm-dashboard-deck", "version": 1,
                                "slides": [{"title": "Matrix", "note": "", "query": "?view=matrix"}]}))
    page.set_input_files("#deck-import", str(good))
    page.wait_for_function("() => document.querySelectorAll('#slides-list li').length === 2")
    assert probe.console_errors == []
