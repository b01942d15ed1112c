"""The deck panel's PowerPoint and Offline HTML buttons, and the offline file in Chromium with no network."""
from __future__ import annotations

import io
import json
from urllib.parse import urlparse

from pptx import Presentation

from tests.browser.conftest import ARTIFACTS

DECK = {"format": "gcm-dashboard-deck", "version": 1, "slides": [
    {"title": "Africa's policies", "note": "Start with Ghana.", "query": "?region=Africa&highlight=GHA"},
    {"title": "How uneven", "note": "Six domains.", "query": "?view=uneven&uneven=all&year=2021"},
    {"title": "Remittances", "note": "", "query": "?view=uneven&indicator=sdg17_3_2_remittances_gdp"},
]}


def _with_deck(page, base_url):
    page.goto(base_url + "/")
    page.evaluate("d => window.localStorage.setItem('gcm-dashboard-deck', JSON.stringify(d))", DECK)
    page.reload()
    page.wait_for_selector("#slides-list li", state="attached")


def _download(page, button: str, path):
    with page.expect_download(timeout=120000) as info:
        page.click(button)
    info.value.save_as(str(path))
    page.wait_for_function("() => /Exported 3 slides/.test(document.getElementById('slides-status').textContent)")
    return path


def test_powerpoint_button_downloads_the_deck(probe, base_url, tmp_path):
    _with_deck(probe.page, base_url)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    probe.page.locator(".slides-panel").screenshot(path=str(ARTIFACTS / "deck-panel.png"))
    path = _download(probe.page, "#deck-pptx", tmp_path / "deck.pptx")
    prs = Presentation(io.BytesIO(path.read_bytes()))
    assert [s.shapes[0].text_frame.text for s in prs.slides] == [s["title"] for s in DECK["slides"]]
    assert prs.slides[0].notes_slide.notes_text_frame.text.startswith("Start with Ghana.")


def test_offline_html_steps_with_the_presenter_keys_and_never_touches_the_network(browser, probe, base_url,
                                                                                    tmp_path):
    _with_deck(probe.page, base_url)
    path = _download(probe.page, "#deck-html", tmp_path / "deck.html")

    context = browser.new_context(viewport={"width": 1280, "height": 720})
    requests: list[str] = []
    errors: list[str] = []
    # Every request that is not the file itself is refused, like a venue laptop with no network.
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                  else route.abort())
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())

    def current() -> str:
        return page.eval_on_selector(".slide.is-current h1", "h => h.textContent")

    page.wait_for_selector(".slide.is-current .main-svg")
    # The map is drawn from the inlined topojson: country shapes exist, Ghana among them.
    page.wait_for_function("() => document.querySelectorAll('.slide.is-current .choroplethlocation').length > 40")
    assert current() == "Africa's policies"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "offline-deck-slide1.png"))
    page.keyboard.press("ArrowRight")
    assert current() == "How uneven"
    page.wait_for_selector(".slide.is-current .main-svg")
    page.keyboard.press("PageDown")
    assert current() == "Remittances"
    page.wait_for_selector(".slide.is-current .main-svg")
    page.screenshot(path=str(ARTIFACTS / "offline-deck-slide3.png"))
    page.keyboard.press("ArrowRight")  # stays on the last slide
    assert current() == "Remittances"
    assert page.text_content("#counter") == "Slide 3 of 3"
    page.keyboard.press("PageUp")
    assert current() == "How uneven"
    page.keyboard.press("ArrowLeft")
    assert current() == "Africa's policies"
    page.wait_for_timeout(300)
    context.close()

    schemes = {urlparse(u).scheme for u in requests}
    assert schemes <= {"file", "data", "blob", "about"}, [u for u in requests if not u.startswith("file:")]
    assert requests and requests[0] == path.as_uri()
    assert not errors, errors
    assert json.loads(path.read_text().split('id="deck-figures">')[1].split("</script>")[0])
