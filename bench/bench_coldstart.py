"""Cold start: time from launching gunicorn to the first /_dash-layout served, median of N.

    python bench/bench_coldstart.py [--runs 5] [--quick]

Each run starts a fresh ``gunicorn dashboard:server`` (2 workers, 127.0.0.1) and polls
/_dash-layout every 20 ms; the baseline is the naive one-file app started the same way.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

import _common  # noqa: F401
from _common import gunicorn


def cold_starts(app: str, runs: int, tmp: Path) -> list[float]:
    out = []
    for i in range(runs):
        with gunicorn(app, tmp / f"{app.split(':')[0]}-{i}", workers=2, ready_path="/_dash-layout") as (_, ready):
            out.append(ready)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    with tempfile.TemporaryDirectory(prefix="gcm-cold-") as name:
        ours = cold_starts("dashboard:server", runs, Path(name))
        naive = cold_starts("bench.naive_baseline:server", runs, Path(name))
    print(f"cold start to first /_dash-layout, runs {runs}")
    print(f"dashboard        median {statistics.median(ours):6.2f} s  max {max(ours):6.2f} s   target <= 2 s")
    print(f"NAIVE baseline   median {statistics.median(naive):6.2f} s  max {max(naive):6.2f} s")


if __name__ == "__main__":
    main()
