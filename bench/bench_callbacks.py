"""Callback latency through the Flask test client, cold and warm cache, against the naive baseline.

    python bench/bench_callbacks.py [--calls 200] [--factor 100] [--quick]

For each main interaction (map, matrix + its /fragments/matrix table, how-uneven, country profile
and the analysis views the app has), POST /_dash-update-component exactly as the browser does and
report median and p95 over ``--calls`` calls:
- cold: the figure cache is cleared before every call, so every call builds its view;
- warm: every state was served once before timing, so calls are answered from the cache.
The same states are then requested from the naive gallery-style app (bench/naive_baseline.py,
plotly.express + read_csv in the callback, no cache) and the median ratios are printed.
Runs on the shipped data and on a SYNTHETIC ``--factor``x copy (bench/make_synthetic.py).
Each row is also capped at ``--budget`` seconds so a slow case cannot run away; capped rows say so.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import _common  # noqa: F401  (puts the project root on sys.path)
from _common import ROOT, row, summary

from bench.make_synthetic import make_synthetic
from bench.naive_baseline import create_naive_app
from components.url_state import FilterState, encode
from dashboard import create_app
from tests.integration.dash_client import DashClient
from webapp.settings import Settings

#: States per interaction; calls cycle through them.
INTERACTIONS = {
    "map": [FilterState(), FilterState(region=("Africa",)), FilterState(region=("Europe",)),
            FilterState(indicator="sdg16_9_1_birth_registration"),
            FilterState(indicator="sdg10_c_1_cost_to_receiving"), FilterState(year="2019")],
    "matrix": [FilterState(view="matrix"), FilterState(view="matrix", region=("Asia",)),
               FilterState(view="matrix", year="2021")],
    "uneven": [FilterState(view="uneven"), FilterState(view="uneven", uneven="all"),
               FilterState(view="uneven", indicator="sdg16_9_1_birth_registration")],
    "profile": [FilterState(view="profile", country=c) for c in ("MEX", "GHA", "PHL", "DEU", "BRA")],
}
#: Analysis views and their states (compare with countries chosen: its default is a prompt).
ANALYSIS = {
    "compare": [FilterState(view="compare", compare=("MEX", "PHL", "DEU")),
                FilterState(view="compare", compare=("GHA", "KEN"))],
    "gap": [FilterState(view="gap")],
    "change": [FilterState(view="change")],
}
RENDER = "view-content.children"


def _interactions(quick: bool = False) -> dict:
    from components.views import REGISTRY
    out = dict(INTERACTIONS)
    for view in list(ANALYSIS)[:1] if quick else ANALYSIS:
        if view in REGISTRY.by_name:
            out[view] = ANALYSIS[view]
    return out


class Target:
    """Calls the render callback (and the matrix fragment) of one app."""

    def __init__(self, app):
        self.app = app
        self.client = app.server.test_client()
        self.dash = DashClient(self.client)

    def render(self, search: str) -> None:
        resp = self.dash.call(RENDER, {"url.search": search}, ["url.search"])
        if resp.status_code != 200:
            raise RuntimeError(f"render {search!r}: HTTP {resp.status_code}")

    def fragment(self, search: str) -> None:
        resp = self.client.get("/fragments/matrix" + (search or "?"))
        if resp.status_code != 200:
            raise RuntimeError(f"fragment {search!r}: HTTP {resp.status_code}")


def _time(call, searches: list[str], calls: int, budget: float, before=None) -> tuple[list[float], bool]:
    out, start = [], time.perf_counter()
    for i in range(calls):
        if time.perf_counter() - start > budget:
            return out, True
        if before is not None:
            before()
        t0 = time.perf_counter()
        call(searches[i % len(searches)])
        out.append((time.perf_counter() - t0) * 1000)
    return out, False


def bench_dataset(label: str, folder: Path, args, target_ms: float) -> list[dict]:
    """Every interaction cold, warm and naive on one data folder; prints rows, returns results."""
    t0 = time.perf_counter()
    ours = Target(create_app(Settings(data_dir=folder, cache_type="simple", reload_seconds=3600)))
    print(f"\n== {label}: {folder} (app built in {time.perf_counter() - t0:.1f} s, "
          f"{int(ours.app.gcm_store.current().dataset.observations.shape[0])} observations)")
    naive = Target(create_naive_app(folder))
    clear = ours.app.gcm_cache.clear
    results = []
    for name, states in _interactions(args.quick).items():
        searches = [encode(s) or "" for s in states]
        cases = [(name, ours.render)] + ([("matrix fragment", ours.fragment)] if name == "matrix" else [])
        for case, call in cases:
            first = _time(call, searches[:1], 1, 1e9, clear)[0][0]  # builds per-dataset indexes once
            cold, capped_c = _time(call, searches, args.calls, args.budget, clear)
            for s in searches:  # prime
                call(s)
            warm, capped_w = _time(call, searches, args.calls, args.budget)
            sc, sw = summary(cold), summary(warm)
            print(row(f"{label} {case} cold{' (time-capped)' if capped_c else ''}", sc, f"p95 <= {target_ms:.0f} ms"))
            print(row(f"{label} {case} warm{' (time-capped)' if capped_w else ''}", sw, f"p95 <= {target_ms:.0f} ms"))
            print(f"{'':44} first call after start {first:.1f} ms")
            results.append({"dataset": label, "case": case, "cold": sc, "warm": sw})
        base, capped_b = _time(naive.render, searches, args.baseline_calls, args.budget)
        sb = summary(base)
        print(row(f"{label} {name} NAIVE baseline{' (time-capped)' if capped_b else ''}", sb))
        mine = next(r for r in results if r["case"] == name and r["dataset"] == label)
        print(f"{'':44} ratio naive/ours (median): cold {sb['median'] / mine['cold']['median']:.1f}x, "
              f"warm {sb['median'] / mine['warm']['median']:.1f}x")
        mine["naive"] = sb
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--baseline-calls", type=int, default=30)
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument("--budget", type=float, default=30.0, help="seconds per row at most")
    parser.add_argument("--quick", action="store_true", help="tiny run for the smoke test")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    if args.quick:
        args.calls, args.baseline_calls, args.factor, args.budget = 3, 1, 2, 3.0
    results = bench_dataset("shipped", ROOT / "data" / "sources", args, 20)
    folder = ROOT / ".cache" / f"synthetic-{args.factor}x"
    if not (folder / "SYNTHETIC_README.txt").exists():
        make_synthetic(folder, args.factor)
    results += bench_dataset(f"SYNTHETIC {args.factor}x", folder, args, 100)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
