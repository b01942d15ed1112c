"""Presenter mode driven by the keyboard only: save three slides, reload, step through, export;
the speaker view in a second window follows the shared window and drives it, and the speaker
notes never reach the shared window's DOM."""
from __future__ import annotations

import json
import struct
from urllib.parse import parse_qs, urlparse

import pytest

SLIDES = [("?view=map", "World map"),
          ("?view=uneven&indicator=sdg17_3_2_remittances_gdp&highlight=GHA,MEX", "Remittances"),
          ("?view=matrix&region=Africa&highlight=GHA", "Africa matrix")]
NOTE = "Speaker note for {}: mention the 2021 round"


def _deck() -> dict:
    return {"format": "gcm-dashboard-deck", "version": 1,
            "slides": [{"title": t, "note": NOTE.format(t), "query": q} for q, t in SLIDES]}


def _no_notes(page) -> None:
    """No speaker note anywhere in the shared window's DOM: not shown, not hidden, not in an attribute."""
    html = page.content()
    for _, title in SLIDES:
        assert NOTE.format(title) not in html, "a speaker note reached the shared window"
    assert "Speaker note for" not in html


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
        _tab_to(page, "#slide-note-input")
        page.keyboard.type(NOTE.format(title))
        _tab_to(page, "#slide-save")
        page.keyboard.press("Enter")
        page.wait_for_function("t => document.getElementById('slides-status').textContent.includes(t)", arg=title)
    deck = json.loads(page.evaluate("localStorage.getItem('gcm-dashboard-deck')"))
    assert [s["title"] for s in deck["slides"]] == [t for _, t in SLIDES]
    assert [s["note"] for s in deck["slides"]] == [NOTE.format(t) for _, t in SLIDES]

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
    _no_notes(page)
    probe.screenshot("presenter-slide-1")

    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.getElementById('slide-counter').textContent === '2 / 3'")
    assert _params(page) == {"view": "uneven", "indicator": "sdg17_3_2_remittances_gdp",
                             "highlight": "GHA,MEX", "presenter": "1"}
    page.wait_for_selector("#uneven-graph .main-svg")
    _no_notes(page)
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


def _counter(page, text: str) -> None:
    page.wait_for_function("t => document.getElementById('slide-counter').textContent === t", arg=text)


def _speaker_counter(page, text: str) -> None:
    page.wait_for_function("t => document.getElementById('speaker-counter').textContent === t", arg=text)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)], ids=["1920", "1280"])
def test_speaker_window_follows_and_drives_the_shared_window(browser, base_url, size):
    from tests.browser.conftest import PageProbe
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    try:
        shared = PageProbe(context.new_page(), base_url)
        page = shared.page
        page.set_default_timeout(20000)
        page.goto(base_url + "/?view=map")
        page.evaluate("d => localStorage.setItem('gcm-dashboard-deck', JSON.stringify(d))", _deck())
        page.goto(base_url + "/?view=map&presenter=1")
        _ready(page)
        _counter(page, "1 / 3")
        # The shared slide fits the 16:9 screen: no page scrolling either way.
        assert page.evaluate("document.documentElement.scrollHeight") <= size[1]
        assert page.evaluate("document.documentElement.scrollWidth") <= size[0]
        exit_box = page.locator("#presenter-exit").bounding_box()
        assert exit_box and exit_box["y"] + exit_box["height"] <= size[1], "exit button below the fold"

        speaker = PageProbe(context.new_page(), base_url)
        spk = speaker.page
        spk.set_default_timeout(20000)
        spk.goto(base_url + "/speaker")
        _speaker_counter(spk, "1 / 3")  # the shared window answered the speaker's hello
        assert spk.inner_text("#now-title") == "World map"
        assert spk.inner_text("#now-note") == NOTE.format("World map")
        assert spk.inner_text("#next-title") == "2. Remittances"
        assert spk.inner_text("#next-desc").startswith("How uneven · Personal remittances received")
        _no_notes(page)
        page.wait_for_selector("#map-graph .choroplethlayer path")
        page.wait_for_timeout(300)
        shared.screenshot(f"speaker-shared-{size[0]}")
        speaker.screenshot(f"speaker-window-{size[0]}")

        # Keys in the shared window move the speaker view along.
        page.bring_to_front()
        page.keyboard.press("ArrowRight")
        _counter(page, "2 / 3")
        _speaker_counter(spk, "2 / 3")
        assert spk.inner_text("#now-note") == NOTE.format("Remittances")
        assert spk.inner_text("#next-title") == "3. Africa matrix"

        # The speaker view's button and keys drive the shared window.
        spk.bring_to_front()
        spk.click("#speaker-next")
        _counter(page, "3 / 3")
        _speaker_counter(spk, "3 / 3")
        assert _params(page)["view"] == "matrix"
        assert spk.inner_text("#next-title") == "End of the deck."
        assert spk.locator("#speaker-next").is_disabled()
        spk.locator("body").focus()
        spk.keyboard.press("ArrowLeft")
        _counter(page, "2 / 3")
        _speaker_counter(spk, "2 / 3")
        assert _params(page)["view"] == "uneven"
        _no_notes(page)

        # The timer runs, pauses and resets.
        assert spk.inner_text("#timer") == "00:00"
        spk.click("#timer-toggle")
        assert spk.get_attribute("#timer-toggle", "aria-pressed") == "true"
        spk.wait_for_function("() => document.getElementById('timer').textContent === '00:02'", timeout=5000)
        spk.click("#timer-toggle")
        paused = spk.inner_text("#timer")
        spk.wait_for_timeout(1300)
        assert spk.inner_text("#timer") == paused
        spk.click("#timer-reset")
        assert spk.inner_text("#timer") == "00:00"

        # The presenter bar's button opens the same speaker view as a pop-up.
        page.bring_to_front()
        with page.expect_popup() as popup:
            page.click("#presenter-speaker")
        opened = popup.value
        opened.wait_for_load_state()
        assert urlparse(opened.url).path == "/speaker"
        opened.wait_for_function("() => document.getElementById('speaker-counter').textContent === '2 / 3'")

        for probe_ in (shared, speaker):
            assert probe_.foreign_requests() == []
            assert probe_.console_errors == []  # a CSP violation would be logged here
    finally:
        context.close()


def test_speaker_view_has_no_serious_axe_violations(browser, base_url):
    from tests.browser.test_accessibility import AXE
    context = browser.new_context(viewport={"width": 1100, "height": 720}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(base_url + "/?view=map")
        page.evaluate("d => localStorage.setItem('gcm-dashboard-deck', JSON.stringify(d))", _deck())
        page.goto(base_url + "/speaker")
        page.wait_for_selector("#now-note")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations"
            ".filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id))")
        assert violations == []
    finally:
        context.close()
