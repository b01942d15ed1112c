"""Layout audit: every view in every display mode, measured in headless Debian Chromium.

For each view and mode it loads the page, waits until the view and its charts are drawn, runs
scripts/layout_probe.js (bounding boxes of every chart text and every HTML text) and saves a
screenshot to artifacts/layout/<view>-<mode>.png. A breach is two texts overlapping, a text cut
off, a page that scrolls sideways, projected text under 18 px, or a presenter slide taller than
the screen. tests/browser/test_layout.py fails on any breach; this script prints them.

Usage: python scripts/layout_audit.py BASE_URL [VIEW ...] [--mode MODE ...]
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = (ROOT / "scripts" / "layout_probe.js").read_text()
SHOTS = ROOT / "artifacts" / "layout"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: Projected text must be readable from the back of a room (issue: at least 18 px at 1920x1080).
PROJECTED_MIN_FONT = 18


@dataclass(frozen=True)
class Mode:
    """One way the dashboard is seen: window size, link parameters and the rules that apply."""

    name: str
    width: int
    height: int
    query: str = ""
    phone: bool = False
    min_font: int = 0
    one_screen: bool = False


MODES = (
    Mode("light-1280", 1280, 720, "&theme=light"),
    Mode("light-1920", 1920, 1080, "&theme=light"),
    Mode("dark-1280", 1280, 720, "&theme=dark"),
    Mode("dark-1920", 1920, 1080, "&theme=dark"),
    Mode("projector-1280", 1280, 720, "&theme=projector"),
    Mode("projector-1920", 1920, 1080, "&theme=projector", min_font=PROJECTED_MIN_FONT),
    Mode("presenter-1280", 1280, 720, "&presenter=1", one_screen=True),
    Mode("presenter-1920", 1920, 1080, "&presenter=1", min_font=PROJECTED_MIN_FONT, one_screen=True),
    Mode("phone", 390, 844, "", phone=True),
)
MODE_NAMES = tuple(m.name for m in MODES)

#: The state each view is audited in: the one a presenter would show (a country where one is needed).
VIEW_QUERIES = {
    "map": "?view=map",
    "matrix": "?view=matrix",
    "uneven": "?view=uneven",
    "profile": "?view=profile&country=GHA",
    "change": "?view=change",
    "gap": "?view=gap&highlight=MEX",
    "compare": "?view=compare&compare=MEX,PHL,DEU",
    "regions": "?view=regions",
    "corridors": "?view=corridors&country=USA",
    "table": "?view=table&region=Europe",
    "methodology": "?view=methodology",
}


def view_query(view: str) -> str:
    """The audited link of ``view`` (any registered view without an entry gets ``?view=NAME``)."""
    return VIEW_QUERIES.get(view, f"?view={view}")


def new_context(browser, mode: Mode):
    """A fresh browser context sized (and, for the phone, behaving) like ``mode``."""
    return browser.new_context(viewport={"width": mode.width, "height": mode.height},
                               is_mobile=mode.phone, has_touch=mode.phone,
                               device_scale_factor=1)


def wait_until_drawn(page) -> None:
    """Wait for the view, its static fragments and every plotly chart to be drawn."""
    page.wait_for_selector("#view-content > *", state="attached", timeout=30000)
    page.wait_for_function("""() => !document.querySelector('[data-dash-is-loading="true"]')
        && Array.from(document.querySelectorAll('#view-content [data-src]')).every(h => h.childElementCount > 0)
        && Array.from(document.querySelectorAll('#view-content .dash-graph')).every(g => {
               // dcc.Graph loads plotly.js lazily: until it has, there is no .js-plotly-plot yet.
               const p = g.querySelector('.js-plotly-plot');
               return p && p._fullLayout && p.querySelector('.main-svg .cartesianlayer, .main-svg .geolayer, .main-svg .pielayer')
                   && (!p.querySelector('.geo') || p.querySelector('.geolayer path, .choroplethlayer path'));
           })""",
        timeout=30000)
    # A data grid sizes wrapped rows after drawing them: wait until no row is shorter than its text.
    # A data grid sizes wrapped rows after drawing them, then moves the rows below: wait until no
    # row is shorter than its text and no row starts above the end of the one before.
    page.wait_for_function("""() => Array.from(document.querySelectorAll('.ag-row .ag-cell-wrap-text'))
            .every(c => c.scrollHeight <= c.clientHeight + 1)
        && Array.from(document.querySelectorAll('.ag-center-cols-container')).every(box => {
            const rows = Array.from(box.querySelectorAll(':scope > .ag-row'))
                .map(r => r.getBoundingClientRect()).sort((a, b) => a.top - b.top);
            return rows.every((r, i) => i === 0 || r.top >= rows[i - 1].bottom - 1);
        })""", timeout=30000)
    # The data grid arrives with its own bundle (assets/lazy_grid.js) and re-measures wrapped rows
    # when the page's theme sets a larger font: wait until it has loaded and its row heights have
    # stayed the same over two polls.
    page.wait_for_function("""() => {
            if (document.querySelector('.grid-loading')) { return false; }
            const sig = JSON.stringify(Array.from(document.querySelectorAll('.ag-row'))
                .map(r => Math.round(r.getBoundingClientRect().height)));
            const same = window.__gcmGridRows === sig;
            window.__gcmGridRows = sig;
            return same;
        }""", polling=300, timeout=30000)
    page.evaluate("() => document.fonts.ready")
    page.wait_for_timeout(400)  # plotly's second layout pass (automargin) settles


def audit_page(page, base_url: str, view: str, mode: Mode) -> tuple[list[dict], Path]:
    """Load ``view`` in ``mode`` on ``page``; returns (breaches, screenshot path)."""
    page.goto(base_url.rstrip("/") + "/" + view_query(view) + mode.query)
    wait_until_drawn(page)
    result = page.evaluate(PROBE, {"minFont": mode.min_font, "oneScreen": mode.one_screen})
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / f"{view}-{mode.name}.png"
    page.screenshot(path=str(shot), full_page=not mode.one_screen)
    if result["texts"] == 0:
        result["breaches"].append({"kind": "empty", "what": "no visible text was measured"})
    return result["breaches"], shot


def describe(breaches: list[dict], limit: int = 12) -> str:
    """The breaches as readable lines (the first ``limit`` of them)."""
    lines = [f"  {b['kind']}: {b['what']}" + (f" at {b['rect']}" if b.get("rect") else "")
             for b in breaches[:limit]]
    if len(breaches) > limit:
        lines.append(f"  ... and {len(breaches) - limit} more")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("base_url")
    parser.add_argument("views", nargs="*", default=list(VIEW_QUERIES))
    parser.add_argument("--mode", action="append", choices=MODE_NAMES, help="only these modes")
    args = parser.parse_args(argv)
    modes = [m for m in MODES if not args.mode or m.name in args.mode]
    failures = 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for mode in modes:
            context = new_context(browser, mode)
            page = context.new_page()
            for view in args.views:
                breaches, shot = audit_page(page, args.base_url, view, mode)
                failures += bool(breaches)
                print(f"{'FAIL' if breaches else 'ok  '} {view:12} {mode.name:15} {len(breaches):3} breaches  {shot.relative_to(ROOT)}")
                if breaches:
                    print(describe(breaches))
            context.close()
        browser.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
