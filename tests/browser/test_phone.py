"""A 390x844 phone: the chart comes first, the filters sit in a keyboard-operable drawer, the
view tabs scroll inside their own strip, and the page never scrolls sideways."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.conftest import PageProbe

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}
#: The first thing a view shows: its chart, or the data grid.
FIRST = {"map": "#map-graph .main-svg", "uneven": "#uneven-graph .main-svg", "table": "#view-content .data-grid"}


@pytest.fixture
def phone(browser, base_url):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.set_default_timeout(20000)
    yield PageProbe(page, base_url)
    context.close()


def _ready(page):
    page.wait_for_selector("#view-content > *", state="attached")
    page.wait_for_function("() => !document.querySelector('#view-content[data-dash-is-loading=\"true\"]')")


def _no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width} px wide on a 390 px phone"


def _focused(page, selector: str) -> bool:
    return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)


def _tab_to(page, selector: str, limit: int = 120) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if _focused(page, selector):
            return
    pytest.fail(f"{selector} not reachable with Tab")


@pytest.mark.parametrize("view", list(FIRST))
def test_phone_shows_the_view_first_without_sideways_scroll(phone, base_url, view):
    page = phone.page
    page.goto(f"{base_url}/?view={view}")
    _ready(page)
    page.wait_for_selector(FIRST[view])
    page.wait_for_timeout(500)
    assert page.evaluate("window.innerWidth") == 390, "the page lays out wider than the phone and zooms out"
    _no_sideways_scroll(page)
    top = page.locator(FIRST[view]).first.bounding_box()["y"]
    assert top < 844 * 0.6, f"the {view} starts {top:.0f} px down, below the first screen"
    assert not page.locator("#sidebar").is_visible(), "the filters should wait in the drawer"
    assert page.locator("#filters-toggle").is_visible()
    # The tabs scroll inside their own strip, and every view stays reachable.
    nav = page.evaluate("() => { const n = document.querySelector('.view-nav');"
                        " return [n.scrollWidth, n.clientWidth, getComputedStyle(n).overflowX]; }")
    assert nav[0] > nav[1] and nav[2] == "auto"
    phone.screenshot(f"phone-{view}")
    assert phone.foreign_requests() == []
    assert phone.console_errors == []


def test_filters_drawer_by_keyboard_changes_the_view(phone, base_url):
    page = phone.page
    page.goto(f"{base_url}/?view=map")
    _ready(page)
    page.wait_for_selector("#map-graph .main-svg")
    summary = page.inner_text("#view-summary")
    toggle = page.locator("#filters-toggle")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert toggle.get_attribute("aria-controls") == "sidebar"

    _tab_to(page, "#filters-toggle")
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator("#sidebar").is_visible()
    assert _focused(page, "#filters-close"), "focus should move into the drawer"
    assert page.evaluate("document.querySelector('main').inert"), "the page behind the drawer stays inert"
    _no_sideways_scroll(page)
    phone.screenshot("phone-drawer-open")

    # Esc closes it and focus returns to the button.
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#sidebar").is_visible()
    assert _focused(page, "#filters-toggle")

    # Open again, tick "Least developed" with the keyboard, close with the drawer's own button.
    page.keyboard.press("Enter")
    assert _focused(page, "#filters-close")
    _tab_to(page, "#filter-flag input[value='ldc']")
    page.keyboard.press("Space")
    page.wait_for_function("() => new URLSearchParams(location.search).get('flag') === 'ldc'")
    for _ in range(60):  # the close button comes first in the drawer: back up to it
        if _focused(page, "#filters-close"):
            break
        page.keyboard.press("Shift+Tab")
    assert _focused(page, "#filters-close")
    page.keyboard.press("Enter")
    assert not page.locator("#sidebar").is_visible()
    assert _focused(page, "#filters-toggle")
    page.wait_for_function("s => document.getElementById('view-summary') && "
                           "document.getElementById('view-summary').textContent !== s", arg=summary)
    assert parse_qs(urlparse(page.url).query)["flag"] == ["ldc"]
    # The button tells that one filter narrows the view, without opening the drawer.
    page.wait_for_function("() => document.getElementById('filters-toggle').dataset.active === '1'")
    _no_sideways_scroll(page)
    phone.screenshot("phone-drawer-filtered")
    assert phone.foreign_requests() == []
    assert phone.console_errors == []


def test_banner_menu_folds_the_actions(phone, base_url):
    page = phone.page
    page.goto(f"{base_url}/?view=map")
    _ready(page)
    menu = page.locator("#banner-menu-toggle")
    assert not page.locator("#copy-link").is_visible()
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    assert page.locator("#copy-link").is_visible() and page.locator("#theme-switch").is_visible()
    _no_sideways_scroll(page)
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert not page.locator("#copy-link").is_visible()


@pytest.mark.parametrize("query", ["view=map", "view=regions"])
def test_phone_has_no_serious_axe_violations_with_the_drawer_closed_and_open(browser, base_url, query):
    from tests.browser.test_accessibility import AXE
    context = browser.new_context(**PHONE, bypass_csp=True)  # the CSP refuses injected scripts: axe only
    try:
        page = context.new_page()
        page.set_default_timeout(20000)
        page.goto(f"{base_url}/?{query}")
        _ready(page)
        page.wait_for_timeout(800)
        page.add_script_tag(path=str(AXE))
        audit = ("() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations"
                 ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                 ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target).join(' | ')))")
        assert page.evaluate(audit) == []
        page.click("#filters-toggle")
        page.wait_for_selector("#sidebar", state="visible")
        assert page.evaluate(audit) == []
    finally:
        context.close()
