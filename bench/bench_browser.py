"""What a person feels, in headless Chromium: first chart, transfer, redraws, view switches, slide steps.

    python bench/bench_browser.py [--loads 7] [--changes 30] [--switches 33] [--cells 12] [--steps 28] [--quick]

The dashboard and the naive one-file app (bench/naive_baseline.py) both run under gunicorn (2 sync
workers, 127.0.0.1, _common.gunicorn) at the same time, in the same run, and are driven by Debian's
headless Chromium through Playwright at 1280x720. Every time is measured inside the page with
performance.now(): the clock starts at the user's action as the page sees it (navigation start, or
a capturing listener on window for the real Playwright click or key press, which runs before any of
the app's handlers) and stops one requestAnimationFrame after the page's "done" signal was first
seen (a requestAnimationFrame poll, so the resolution is one frame, ~16 ms). Python round trips are
never inside a figure.

"Drawn" (the done signal, BENCH_JS below) means: the content area (#view-content) is not marked
data-dash-is-loading, every static fragment in it ([data-src]) has been filled, and then
- for a view with charts (its View.graph_ids in components/views/__init__.py REGISTRY): at least one
  of the view's own graphs is in the content area, and every graph there has a plotly _fullLayout
  that is not the one it had before the action (a new chart, or a redraw of the same one) and has
  its traces in the SVG (for a choropleth: country paths; for any other trace: its trace group or
  heatmap image); a chart with no visible trace needs only its SVG;
- for a view without a chart, its main content (VIEW_CONTENT): the matrix table filled in from its
  fragment, the data grid's first rows, the methodology section.
One warm-up load per app (untimed; skipped with --quick) comes first, so both servers have
imported and cached what a later visitor finds; nothing else is warmed, so the view switches and
slide steps include the server's first render of each state (the first pass is printed on its own).

Figures (naive = the naive app in the same run; "n/a" where it has no equivalent):
1. first chart drawn: navigation start to the first map with drawn countries (a choropleth path,
   then one frame); median, min and max over --loads loads, each in a fresh browser profile (a new
   launch_persistent_context user-data-dir, so the HTTP cache, code cache and storage are empty),
   ours and naive interleaved (ours, naive, ours, naive, ...) so machine noise hits both alike;
   ratio ours/naive against the target <= 60 %.
2. initial transfer: for the first timed load of each app, once the network is idle, the sum of the
   Resource Timing transferSize (compressed bytes on the wire, headers included) of the page and of
   every resource, the decoded body bytes, the request count, the Content-Encoding the JavaScript
   came with, and the 5 largest resources by transferSize; target <= 1.2 MB.
3. filter change -> chart redrawn: the region filter changes through the URL (history.pushState plus
   Dash's _dashprivate_pushstate event, exactly what a link or the controls do) until the map is
   redrawn with the new figure (its subtitle names the region, on ours); median and p95 over
   --changes changes, ours and naive alternating.
4. view switch -> view drawn: a real click on a view tab (#view-tabs, the radio items in
   components/layout.py) until the new view is drawn, cycling through every registered view
   (SWITCH_CYCLE, from a map that carries a country and countries to compare, so the profile and
   compare views have something to show); before each cycle the start state is restored (untimed)
   because the gap view moves the compared countries into the spotlight. Median and p95 overall
   and per view; target p95 <= 300 ms. naive: n/a.
5. matrix cell -> profile drawn: on the matrix view, a real click on a cell link
   (a.matrix-cell-link, components/matrix_table.py; assets/spa_links.js turns it into a same-page
   navigation) of a different country each time, until the profile chart is drawn; the matrix is
   shown again (untimed) between samples. The page opens on the map (the landing view) and its
   Matrix tab is clicked, so plotly.js is loaded before the first sample as it is for a person who
   came from the map (the matrix alone loads no chart code). Median and p95; target <= 400 ms.
   naive: n/a.
6. slide step -> slide drawn: in presenter mode (&presenter=1) with a deck of DECK slides stored in
   localStorage as assets/slides.js stores it, ArrowRight (then ArrowLeft back, and so on) until
   the new slide's view is drawn; the deck's own prefetch runs as it does for a presenter. Median
   and p95 over --steps steps; target <= 150 ms. naive: n/a.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import parse_qs

import _common  # noqa: F401  (puts the repository on sys.path)
from _common import CHROMIUM, CHROMIUM_ARGS, gunicorn, summary

from components.views import REGISTRY

VIEWPORT = {"width": 1280, "height": 720}
REGIONS = ("Africa", "Europe", "Asia", "Americas", "Oceania")
#: Views without a chart and the element that shows their main content is there.
VIEW_CONTENT = {
    "matrix": "#matrix-table table",
    "table": "#data-table .ag-row",
    "methodology": "#methodology section",
}
#: Where each view-switch cycle starts (untimed) and the tabs it then clicks, in this order.
SWITCH_START = "?view=map&country=GHA&compare=MEX,PHL,DEU"
SWITCH_CYCLE = ("uneven", "matrix", "profile", "compare", "gap", "change", "regions", "corridors", "table",
                "methodology", "map")
#: Countries whose matrix cell is clicked (one each), cycled if more samples are asked for.
CELL_COUNTRIES = ("GHA", "MEX", "DEU", "PHL", "IND", "BRA", "KEN", "FRA", "CAN", "NGA", "IDN", "ITA",
                  "MAR", "COL", "TUR", "AUS")
#: The presenter's deck: slide queries as assets/slides.js stores them (no presenter flag).
DECK = (
    ("World map, all domains", "?view=map"),
    ("Migrant rights in Africa", "?view=map&indicator=sdg10_7_2_pd1&region=Africa"),
    ("How uneven", "?view=uneven"),
    ("Ghana", "?view=profile&country=GHA"),
    ("Three countries", "?view=compare&compare=MEX,PHL,DEU"),
    ("Europe", "?view=map&region=Europe"),
    ("Policy vs practice", "?view=gap&highlight=MEX"),
    ("Regions", "?view=regions"),
)
DECK_KEY = "gcm-dashboard-deck"
TIMEOUT_MS = 30000

# Injected into every page before its own scripts (Playwright init script, which CSP does not block).
BENCH_JS = """(() => {
  const loading = () => {
    const c = document.getElementById('view-content');
    return !c || c.getAttribute('data-dash-is-loading') === 'true'
      || !!c.querySelector('[data-dash-is-loading="true"]');
  };
  // A chart's traces are in its SVG: country paths for a choropleth, else a trace group or heatmap.
  const tracesDrawn = gd => {
    const shown = (gd._fullData || []).filter(t => t.visible === true);
    if (!shown.length) return !!gd.querySelector('.main-svg');
    if (shown.some(t => t.type === 'choropleth')) return !!gd.querySelector('.main-svg path.choroplethlocation');
    return !!gd.querySelector('.main-svg .trace, .main-svg .hm');
  };
  // spec: {graphIds: [..] | null (any graph), content: selector | null, text: string, fresh: bool}
  const drawn = (spec, before) => {
    const c = document.getElementById('view-content');
    if (!c || loading()) return false;
    if (Array.from(c.querySelectorAll('[data-src]')).some(h => h.childElementCount === 0)) return false;
    if (spec.text && !c.textContent.includes(spec.text)) return false;
    if (spec.content) return !!c.querySelector(spec.content);
    const graphs = Array.from(c.querySelectorAll('.dash-graph'));
    if (!graphs.some(g => !spec.graphIds || spec.graphIds.includes(g.id))) return false;
    return graphs.every(g => {
      const gd = g.querySelector('.js-plotly-plot');
      return gd && gd._fullLayout && (!spec.fresh || before.get(gd) !== gd._fullLayout) && tracesDrawn(gd);
    });
  };
  window.__gcmBench = {
    // Start watching: the clock starts at the next `event` on window (capture phase, before the
    // app's handlers), or now if there is none; `search` is pushed as a link would.
    arm(spec) {
      const before = new Map();
      document.querySelectorAll('.js-plotly-plot').forEach(gd => before.set(gd, gd._fullLayout));
      let t0 = null;
      const start = e => { if (t0 === null) t0 = performance.now(); };
      if (spec.event) window.addEventListener(spec.event, start, {capture: true});
      window.__gcmBenchResult = new Promise((resolve, reject) => {
        const armed = performance.now();
        const check = () => {
          if (t0 !== null && drawn(spec, before)) {
            requestAnimationFrame(() => {
              if (spec.event) window.removeEventListener(spec.event, start, {capture: true});
              resolve(performance.now() - t0);
            });
            return;
          }
          if (performance.now() - armed > TIMEOUT_MS) {
            reject(new Error('not drawn within TIMEOUT_MS ms: ' + JSON.stringify(spec) + ' at ' + location.search
                             + (t0 === null ? ' (the ' + spec.event + ' never came)' : '')));
            return;
          }
          requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
      window.__gcmBenchResult.catch(() => {});  // reported when Python awaits it
      if (!spec.event) {
        t0 = performance.now();
        if (spec.search !== undefined) {
          window.history.pushState({}, '', window.location.pathname + spec.search);
          window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));
        }
      }
    },
  };
  // First chart: navigation start (performance.now() == 0) to the first drawn country path + 1 frame.
  const first = () => {
    const gd = document.querySelector('.js-plotly-plot');
    if (gd && gd._fullLayout && gd.querySelector('.main-svg path.choroplethlocation')) {
      requestAnimationFrame(() => { window.__gcmFirstChart = performance.now(); });
      return;
    }
    requestAnimationFrame(first);
  };
  requestAnimationFrame(first);
})();""".replace("TIMEOUT_MS", str(TIMEOUT_MS))

TRANSFER_JS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const all = [nav, ...performance.getEntriesByType('resource')].filter(Boolean);
  const top = all.map(r => [r.name.split('?')[0].split('/').pop() || '(page)', r.transferSize || 0])
                 .sort((a, b) => b[1] - a[1]).slice(0, 5);
  return {total: all.reduce((s, r) => s + (r.transferSize || 0), 0),
          decoded: all.reduce((s, r) => s + (r.decodedBodySize || 0), 0),
          count: all.length, top};
}"""


def view_spec(view: str, *, text: str = "", fresh: bool = True) -> dict:
    """The done signal of ``view`` (a registered view name), for BENCH_JS."""
    entry = {v.name: v for v in REGISTRY.views}[view]
    if view in VIEW_CONTENT:
        return {"content": VIEW_CONTENT[view], "graphIds": None, "text": text, "fresh": fresh}
    if not entry.graph_ids:
        raise SystemExit(f"view {view!r} has no chart and no VIEW_CONTENT entry: give it a done signal")
    return {"content": None, "graphIds": list(entry.graph_ids), "text": text, "fresh": fresh}


def query_view(search: str) -> str:
    """The view a query string shows (the map when it names none)."""
    return parse_qs(search.lstrip("?")).get("view", ["map"])[0]


def timed(page, spec: dict, action=None) -> float:
    """Arm the in-page watch for ``spec``, run ``action`` (Playwright input), return the in-page ms."""
    page.evaluate("spec => window.__gcmBench.arm(spec)", spec)
    if action is not None:
        action()
    return page.evaluate("() => window.__gcmBenchResult")


def settle(page, spec: dict) -> None:
    """Wait (untimed) until ``spec`` is drawn, then let plotly's second layout pass finish."""
    timed(page, {**spec, "fresh": False, "event": None})
    page.wait_for_timeout(300)


# ---- 1 and 2: first chart and transfer, each load in a fresh profile --------------------------------

def fresh_load(pw, base: str, profile: Path, with_transfer: bool) -> dict:
    """One load of ``base`` in a brand-new persistent profile; first chart ms (and the transfer)."""
    context = pw.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, headless=True,
                                                    args=CHROMIUM_ARGS, viewport=VIEWPORT)
    try:
        context.add_init_script(BENCH_JS)
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(60000)
        encodings = {}
        page.on("response", lambda r: r.url.split("?")[0].endswith(".js") and encodings.__setitem__(
            r.url.split("?")[0].split("/")[-1], r.headers.get("content-encoding", "none")))
        page.goto(base + "/", wait_until="commit")
        page.wait_for_function("() => window.__gcmFirstChart !== undefined", timeout=60000)
        out = {"first_chart": page.evaluate("() => window.__gcmFirstChart")}
        if with_transfer:
            page.wait_for_load_state("networkidle")
            out["transfer"] = page.evaluate(TRANSFER_JS)
            out["encodings"] = sorted(set(encodings.values()))
        return out
    finally:
        context.close()


def first_loads(pw, apps: dict, loads: int, tmp: Path, warm: bool = True) -> dict:
    """Interleaved fresh-profile loads of every app: {label: {"times": [...], "transfer": ..}}."""
    for label, base in apps.items() if warm else ():  # warm-up, untimed
        fresh_load(pw, base, tmp / f"warm-{label}", False)
    results = {label: {"times": []} for label in apps}
    for i in range(loads):
        for label, base in apps.items():
            load = fresh_load(pw, base, tmp / f"profile-{label}-{i}", i == 0)
            results[label]["times"].append(load["first_chart"])
            if i == 0:
                results[label].update(transfer=load["transfer"], encodings=load["encodings"])
    return results


# ---- 3: filter change -------------------------------------------------------------------------------

def filter_changes(browser, apps: dict, changes: int) -> dict:
    """Region changes through the URL, the apps alternating; {label: [ms, ...]}."""
    pages = {}
    for label, base in apps.items():
        page = new_page(browser)
        page.goto(base + "/")
        page.wait_for_function("() => window.__gcmFirstChart !== undefined")
        pages[label] = page
    times = {label: [] for label in apps}
    for i in range(changes):
        region = REGIONS[i % len(REGIONS)]
        for label, page in pages.items():
            ours = label == "dashboard"
            spec = {"content": None, "graphIds": ["map-graph"] if ours else None, "fresh": True,
                    "text": region if ours else "", "event": None, "search": f"?region={region}"}
            times[label].append(timed(page, spec))
    for page in pages.values():
        page.context.close()
    return times


def new_page(browser, storage: dict | None = None):
    """A page in a new context of ``browser`` with the bench's in-page helpers."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(BENCH_JS)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS + 10000)
    return page


# ---- 4: view switches ---------------------------------------------------------------------------------

def view_switches(browser, base: str, switches: int) -> list[tuple[str, int, float]]:
    """Clicks on the view tabs; [(view, pass, ms), ...] in the order they were made."""
    missing = [v.name for v in REGISTRY.views if v.name not in SWITCH_CYCLE]
    if missing:
        raise SystemExit(f"SWITCH_CYCLE misses registered views {missing}")
    page = new_page(browser)
    page.goto(base + "/" + SWITCH_START)
    settle(page, view_spec("map"))
    out = []
    while len(out) < switches:
        pass_no = len(out) // len(SWITCH_CYCLE)
        if out:  # restore the start state (the gap view moved the compared countries to the spotlight)
            timed(page, {**view_spec("map", fresh=False), "event": None, "search": SWITCH_START})
            page.wait_for_timeout(300)
        for view in SWITCH_CYCLE[:switches - len(out)]:
            tab = page.locator(f'#view-tabs label:has(input[value="{view}"])')
            out.append((view, pass_no, timed(page, {**view_spec(view), "event": "click"}, tab.click)))
            page.wait_for_timeout(300)  # plotly's second layout pass, as a person would look
    page.context.close()
    return out


# ---- 5: matrix cell -> profile ------------------------------------------------------------------------

def matrix_to_profile(browser, base: str, samples: int) -> list[float]:
    """Clicks on a matrix cell of a different country each time; [ms, ...]."""
    page = new_page(browser)
    page.goto(base + "/")
    settle(page, view_spec("map"))
    matrix_tab = page.locator('#view-tabs label:has(input[value="matrix"])')
    timed(page, {**view_spec("matrix"), "event": "click"}, matrix_tab.click)
    page.wait_for_timeout(300)
    out = []
    for i in range(samples):
        iso3 = CELL_COUNTRIES[i % len(CELL_COUNTRIES)]
        # The first cell of the country's row (a 10.7.2 category where it has one).
        link = f'a.matrix-cell-link[href$="country={iso3}"], a.matrix-cell-link[href*="country={iso3}&"]'
        cell = page.locator("#matrix-table").locator(link).first
        cell.scroll_into_view_if_needed()
        out.append(timed(page, {**view_spec("profile"), "event": "click"}, cell.click))
        page.wait_for_timeout(300)
        if i + 1 < samples:
            timed(page, {**view_spec("matrix"), "event": "click"}, matrix_tab.click)
            page.wait_for_timeout(300)
    page.context.close()
    return out


# ---- 6: slide steps -----------------------------------------------------------------------------------

def slide_steps(browser, base: str, steps: int) -> list[tuple[str, float]]:
    """ArrowRight through the deck, ArrowLeft back, ...; [(slide title, ms), ...]."""
    page = new_page(browser)
    deck = {"format": DECK_KEY, "version": 1,
            "slides": [{"title": title, "note": "", "query": query} for title, query in DECK]}
    page.goto(base + "/?view=methodology")  # same origin, so the deck can be stored
    page.evaluate("([key, deck]) => localStorage.setItem(key, deck)", [DECK_KEY, json.dumps(deck)])
    page.goto(base + "/" + DECK[0][1] + "&presenter=1")
    settle(page, view_spec(query_view(DECK[0][1])))
    if not page.evaluate("() => document.getElementById('page').classList.contains('presenter')"):
        raise SystemExit("presenter mode did not start")
    out, here, direction = [], 0, 1
    for _ in range(steps):
        if not 0 <= here + direction < len(DECK):
            direction = -direction
        here += direction
        key = "ArrowRight" if direction > 0 else "ArrowLeft"
        spec = {**view_spec(query_view(DECK[here][1])), "event": "keydown"}
        out.append((DECK[here][0], timed(page, spec, lambda k=key: page.keyboard.press(k))))
        page.wait_for_timeout(300)
    page.context.close()
    return out


def log(what: str, since: float) -> None:
    """Progress on stderr (the figures go to stdout)."""
    print(f"[bench_browser] {what} ({time.perf_counter() - since:.0f} s)", file=sys.stderr, flush=True)


# ---- printing ------------------------------------------------------------------------------------------

def stats_text(ms: list[float]) -> str:
    s = summary(ms)
    return f"n={s['n']:<3} median {s['median']:7.1f} ms  p95 {s['p95']:7.1f} ms"


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=7, help="fresh-profile loads per app (>= 7)")
    parser.add_argument("--changes", type=int, default=30, help="filter changes per app")
    parser.add_argument("--switches", type=int, default=3 * len(SWITCH_CYCLE), help="view-tab clicks")
    parser.add_argument("--cells", type=int, default=12, help="matrix cell clicks")
    parser.add_argument("--steps", type=int, default=4 * (len(DECK) - 1), help="presenter slide steps")
    parser.add_argument("--quick", action="store_true", help="few samples: checks that it runs")
    args = parser.parse_args()
    if args.quick:
        args.loads, args.changes, args.switches, args.cells, args.steps = 1, 2, 2, 1, 2
    from playwright.sync_api import sync_playwright
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="gcm-browser-") as name, sync_playwright() as pw:
        tmp = Path(name)
        with gunicorn("dashboard:server", tmp / "ours", ready_path="/_dash-layout") as (ours_base, _), \
                gunicorn("bench.naive_baseline:server", tmp / "naive", ready_path="/_dash-layout") as (naive_base, _):
            log("both servers ready", start)
            apps = {"dashboard": ours_base, "NAIVE baseline": naive_base}
            loads = first_loads(pw, apps, args.loads, tmp, warm=not args.quick)
            log("first loads done", start)
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                changes = filter_changes(browser, apps, args.changes)
                log("filter changes done", start)
                switches = view_switches(browser, ours_base, args.switches)
                log("view switches done", start)
                cells = matrix_to_profile(browser, ours_base, args.cells)
                log("matrix cells done", start)
                steps = slide_steps(browser, ours_base, args.steps)
                log("slide steps done", start)
            finally:
                browser.close()
    report(loads, changes, switches, cells, steps)


def report(loads: dict, changes: dict, switches: list, cells: list, steps: list) -> None:
    """Print every figure, ours next to the naive app's where it has one, and the targets."""
    first = {label: summary(r["times"]) for label, r in loads.items()}
    ratio = first["dashboard"]["median"] / first["NAIVE baseline"]["median"]
    n = len(loads["dashboard"]["times"])
    print(f"1. first chart drawn (navigation start -> first map with drawn countries), {n} loads per app, each "
          "in a fresh browser profile, interleaved")
    for label, r in loads.items():
        print(f"   {label:<16} first chart  median {first[label]['median']:7.0f} ms  min {min(r['times']):7.0f}  "
              f"max {max(r['times']):7.0f}")
    print(f"   ratio ours/naive first chart {ratio:.2f} (target <= 0.60: {verdict(ratio <= 0.60)})")

    print("2. initial transfer (first load in a fresh profile, Resource Timing, once the network is idle)")
    for label, r in loads.items():
        t = r["transfer"]
        print(f"   {label:<16} initial transfer {t['total'] / 1e6:5.2f} MB compressed ({t['decoded'] / 1e6:5.2f} MB "
              f"decoded, {t['count']} requests, JS Content-Encoding: {', '.join(r['encodings']) or 'n/a'})")
        print(f"   {'':16} largest: " + ", ".join(f"{name} {size / 1e3:.0f} KB" for name, size in t["top"]))
    ours_mb = loads["dashboard"]["transfer"]["total"] / 1e6
    print(f"   target <= 1.2 MB compressed: {verdict(ours_mb <= 1.2)} ({ours_mb:.2f} MB)")

    print("3. filter change -> chart redrawn (region through the URL)")
    for label, ms in changes.items():
        print(f"   {label:<16} filter change -> chart redrawn: {stats_text(ms)}")

    switch_ms = [ms for _, _, ms in switches]
    sw = summary(switch_ms)
    print("4. view switch -> view drawn (click on a view tab)")
    print(f"   {'dashboard':<16} view switch -> view drawn: {stats_text(switch_ms)}   target p95 <= 300 ms: "
          f"{verdict(sw['p95'] <= 300)}")
    first_pass = [ms for _, p, ms in switches if p == 0]
    later = [ms for _, p, ms in switches if p > 0]
    print(f"   {'':16} first pass (server renders each state once): {stats_text(first_pass)}")
    if later:
        print(f"   {'':16} later passes (server cache warm):           {stats_text(later)}")
    for view in dict.fromkeys(v for v, _, _ in switches):
        ms = [t for v, _, t in switches if v == view]
        print(f"   {'':16}   {view:<12} {stats_text(ms)}  all: " + " ".join(f"{t:.0f}" for t in ms))
    print(f"   {'NAIVE baseline':<16} view switch: n/a (one view only)")

    cs = summary(cells)
    print("5. matrix cell -> profile drawn (click on a matrix cell link)")
    print(f"   {'dashboard':<16} matrix cell -> profile drawn: {stats_text(cells)}   target <= 400 ms: median "
          f"{verdict(cs['median'] <= 400)}, p95 {verdict(cs['p95'] <= 400)}")
    print(f"   {'NAIVE baseline':<16} matrix cell -> profile: n/a (no matrix)")

    step_ms = [ms for _, ms in steps]
    ss = summary(step_ms)
    print("6. slide step -> slide drawn (presenter mode, arrow key)")
    print(f"   {'dashboard':<16} slide step -> slide drawn: {stats_text(step_ms)}   target <= 150 ms: median "
          f"{verdict(ss['median'] <= 150)}, p95 {verdict(ss['p95'] <= 150)}")
    for title in dict.fromkeys(t for t, _ in steps):
        ms = [t for s, t in steps if s == title]
        print(f"   {'':16}   {title:<26} {stats_text(ms)}")
    print(f"   {'NAIVE baseline':<16} slide step: n/a (no slides)")


if __name__ == "__main__":
    main()
