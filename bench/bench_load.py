"""Median time to load the shipped dataset, against a naive baseline measured in the same run.

    python bench/bench_load.py [--runs 7]

The baseline is the obvious first attempt: pandas.read_csv with default type
inference, then a per-row Python loop that checks every row against every
indicator's breakdown. Both produce the same observations (checked).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from data.breakdown import parse_pairs  # noqa: E402
from data.load import DEFAULT_FOLDER, POLICY_FILE, SERIES_FILE, load_dataset  # noqa: E402


def naive_load(folder: Path = DEFAULT_FOLDER) -> pd.DataFrame:
    """Default read_csv plus a row-by-row loop over every indicator's breakdown."""
    mapping = pd.read_csv(folder / "gcm_indicator_map.csv")
    rows = pd.concat([pd.read_csv(folder / POLICY_FILE), pd.read_csv(folder / SERIES_FILE)])
    wanted = [(r.indicator_id, r.series_code, parse_pairs(r.breakdown if isinstance(r.breakdown, str) else ""))
              for r in mapping.itertuples()]
    out = []
    for _, row in rows.iterrows():
        other = parse_pairs(row["other_breakdown"]) if isinstance(row.get("other_breakdown"), str) else {}
        for indicator_id, series, pairs in wanted:
            if row["series_code"] != series:
                continue
            if all(str(row.get(k, other.get(k, ""))).upper() == v.upper() for k, v in pairs.items()):
                out.append((row["iso3"], indicator_id, int(row["year"]), float(row["value"])))
    return pd.DataFrame(out, columns=["iso3", "indicator_id", "year", "value"])


def median_seconds(func, runs: int) -> float:
    """Median wall time of ``runs`` calls of ``func``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Time both loaders and print medians and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    shipped = load_dataset().observations
    naive = naive_load()
    same = len(shipped) == len(naive) and set(shipped.indicator_id) == set(naive.indicator_id)
    project = median_seconds(load_dataset, runs)
    baseline = median_seconds(naive_load, runs)
    print(f"runs: {runs}; observations: {len(shipped)} (naive baseline agrees: {same})")
    print(f"load_dataset (whole shipped dataset): median {project * 1000:8.1f} ms")
    print(f"naive baseline (read_csv + row loop): median {baseline * 1000:8.1f} ms")
    print(f"ratio naive / load_dataset: {baseline / project:.1f}x")


if __name__ == "__main__":
    main()
