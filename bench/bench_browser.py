"""In headless Chromium: time to first chart, initial compressed transfer, filter change -> redraw.

    python bench/bench_browser.py [--changes 30] [--quick]

Both the dashboard and the naive app run under gunicorn (2 workers, 127.0.0.1). For each:
- time to first chart: navigation start to the first map with drawn countries (performance.now());
- initial transfer: sum of transferSize (compressed bytes on the wire) of the page and every
  resource it loaded, and the Content-Encoding the JavaScript bundles came with;
- interaction: the region filter is changed through the URL (history.pushState plus Dash's
  _dashprivate_pushstate event, exactly what a link or the controls do), and the time until the
  chart has been redrawn with the new figure is measured in the page; median and p95 over N changes.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import _common  # noqa: F401
from _common import CHROMIUM, CHROMIUM_ARGS, gunicorn, summary

REGIONS = ("Africa", "Europe", "Asia", "Americas", "Oceania")

CHANGE_JS = """async ([search, expected]) => {
  const plot = () => document.querySelector('.js-plotly-plot');
  const before = plot() && plot()._fullLayout;
  const t0 = performance.now();
  window.history.pushState({}, '', window.location.pathname + search);
  window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));
  return await new Promise((resolve, reject) => {
    const check = () => {
      const gd = plot();
      const redrawn = gd && gd._fullLayout && gd._fullLayout !== before
        && gd.querySelector('path.choroplethlocation')
        && (!expected || gd.closest('figure').textContent.includes(expected));  // the subtitle
      if (redrawn) { requestAnimationFrame(() => resolve(performance.now() - t0)); return; }
      if (performance.now() - t0 > 15000) { reject(new Error('no redraw for ' + search)); return; }
      requestAnimationFrame(check);
    };
    check();
  });
}"""

TRANSFER_JS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  return {total: (nav ? nav.transferSize : 0) + res.reduce((s, r) => s + (r.transferSize || 0), 0),
          decoded: (nav ? nav.decodedBodySize : 0) + res.reduce((s, r) => s + (r.decodedBodySize || 0), 0),
          count: res.length + 1};
}"""


def measure(browser, base: str, label: str, changes: int, expect_text: bool) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.set_default_timeout(30000)
    encodings = {}
    page.on("response", lambda r: r.url.split("?")[0].endswith(".js") and encodings.__setitem__(
        r.url.split("/")[-1].split("?")[0], r.headers.get("content-encoding", "none")))
    page.goto(base + "/", wait_until="commit")
    page.wait_for_selector(".js-plotly-plot path.choroplethlocation")
    first_chart = page.evaluate("() => performance.now()")
    page.wait_for_load_state("networkidle")
    transfer = page.evaluate(TRANSFER_JS)
    times = []
    for i in range(changes):
        region = REGIONS[i % len(REGIONS)]
        times.append(page.evaluate(CHANGE_JS, [f"?region={region}", f"Region: {region}" if expect_text else ""]))
    context.close()
    stats = summary(times)
    gz = sorted({v for v in encodings.values()})
    print(f"{label:<16} first chart {first_chart:7.0f} ms   initial transfer {transfer['total'] / 1e6:5.2f} MB "
          f"compressed ({transfer['decoded'] / 1e6:5.2f} MB decoded, {transfer['count']} requests, "
          f"JS Content-Encoding: {', '.join(gz) or 'n/a'})")
    print(f"{'':16} filter change -> chart redrawn: n={stats['n']} median {stats['median']:6.1f} ms  "
          f"p95 {stats['p95']:6.1f} ms")
    return {"first_chart_ms": first_chart, "transfer": transfer, "change": stats, "encodings": gz}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    changes = 2 if args.quick else args.changes
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory(prefix="gcm-browser-") as name, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            with gunicorn("dashboard:server", Path(name) / "ours", ready_path="/_dash-layout") as (base, _):
                ours = measure(browser, base, "dashboard", changes, True)
            with gunicorn("bench.naive_baseline:server", Path(name) / "naive", ready_path="/_dash-layout") as (base, _):
                naive = measure(browser, base, "NAIVE baseline", changes, False)
        finally:
            browser.close()
    print(f"targets: interaction p95 <= 300 ms (ours {ours['change']['p95']:.0f} ms, naive "
          f"{naive['change']['p95']:.0f} ms); initial transfer <= 2 MB (ours {ours['transfer']['total'] / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
