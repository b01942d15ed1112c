"""Shared last step of every reader: markers, years, areas and indicator mapping.

Readers turn their layout into *candidate* rows (one per value cell, indexed by
line number) with these columns: area_kind ("country", "aggregate", "unknown"),
iso3, area_code, area_name, indicator_id (tidy) or series_code + dims (dict of
canonical dimensions), year_raw, value_raw, value_col, nature, source_id and
optionally unit_mult. :func:`finish` turns them into a :class:`ReadResult`.
"""
from __future__ import annotations

import math
import re

import pandas as pd

from ..model import NATURE_CODES, OBSERVATION_COLUMNS
from .codes import dims_match
from .problems import Problem, ReadResult, quote
from .reference import Reference

#: Cells that mean "no value published": the row is dropped and counted, never set to 0.
NOT_AVAILABLE = frozenset({"", "n", "nv", "nan", "na", "n/a", "..", "...", "-", "null"})
# "<0.1" / ">95": the true value is only bounded, so turning it into a number would invent one.
_CENSORED = re.compile(r"^[<>]=?\s*[-+]?\d")
_YEAR = re.compile(r"^\d{4}(\.0+)?$")
_NATURE_BY_LABEL = {label.lower(): code for code, label in NATURE_CODES.items()}

AGGREGATE_COLUMNS = ("area_code", "area_name", "series_code", "indicator_id", "year", "value")


def classify_value(text: str) -> tuple[str, float | None]:
    """("ok", number) | ("na", None) | ("censored", None) | ("bad", None) for one cell."""
    cell = str(text).strip()
    if cell.lower() in NOT_AVAILABLE:
        return "na", None
    if _CENSORED.match(cell):
        return "censored", None
    try:
        number = float(cell)
    except ValueError:
        return "bad", None
    return ("ok", number) if math.isfinite(number) else ("bad", None)


def parse_year(text: str) -> int | None:
    """``2019`` or ``2019.0`` -> 2019; anything else (``20x1``, ``2019-Q1``) -> None."""
    cell = str(text).strip()
    return int(float(cell)) if _YEAR.match(cell) else None


def nature_code(text: str) -> str:
    """SDG nature code from a code (``C``) or its label (``Country data``)."""
    cell = str(text).strip()
    return _NATURE_BY_LABEL.get(cell.lower(), cell.upper())


def _indicator_for(series: str, dims: dict, ref: Reference) -> str | None:
    for indicator_id, wanted in ref.breakdowns(series):
        if dims_match(dims, wanted):
            return indicator_id
    return None


def finish(name: str, fmt: str, cand: pd.DataFrame, ref: Reference, columns: dict[str, str],
           early: list[Problem] | None = None) -> ReadResult:
    """Map candidate rows to observations and aggregates; count and report every drop."""
    problems = list(early or [])
    counts = {"na": 0, "censored": 0, "unmatched": 0}
    obs, aggs = [], []
    series_known = ref.catalogue_series
    for line, row in cand.iterrows():
        row_problems = []
        if "indicator_id" in cand.columns:
            indicator_id = row["indicator_id"]
        elif row["series_code"] not in series_known:
            row_problems.append(Problem(name, "known series", f"{quote(row['series_code'])} is not "
                                        "an SDG series of sdg_series_catalogue.csv",
                                        line, columns.get("series", row["value_col"])))
            indicator_id = None
        else:
            indicator_id = _indicator_for(row["series_code"], row["dims"], ref)
        if row["area_kind"] == "unknown":
            row_problems.append(Problem(name, "known country or area",
                                        f"{quote(row['area_code'])} is not a known "
                                        f"{columns.get('area_kind', 'country code')}",
                                        line, columns["area"]))
        year = parse_year(row["year_raw"])
        if year is None:
            row_problems.append(Problem(name, "integer year", f"{quote(row['year_raw'])} is not a "
                                        "year", line, columns["year"]))
        status, value = classify_value(row["value_raw"])
        if status == "bad":
            row_problems.append(Problem(name, "numeric value", f"{quote(row['value_raw'])} is not a "
                                        "number", line, row["value_col"]))
        problems.extend(row_problems)
        if row_problems:
            continue
        if status in ("na", "censored"):
            counts[status] += 1
            continue
        value *= 10 ** int(row.get("unit_mult", 0) or 0)
        if row["area_kind"] == "aggregate":
            # kept even when no indicator uses the series: regional shares are aggregates only
            aggs.append((line, row["area_code"], row["area_name"], row.get("series_code", ""),
                         indicator_id or "", year, value))
        elif indicator_id is None:
            counts["unmatched"] += 1
        else:
            obs.append((line, row["iso3"], indicator_id, year, value,
                        nature_code(row.get("nature", "")), row["source_id"], row["value_col"]))
    observations = pd.DataFrame([o[1:-1] for o in obs], columns=list(OBSERVATION_COLUMNS),
                                index=pd.Index([o[0] for o in obs], name="line"))
    observations = observations.astype({"iso3": str, "indicator_id": str, "year": "int64",
                                        "value": "float64", "nature": str, "source_id": str})
    aggregates = pd.DataFrame([a[1:] for a in aggs], columns=list(AGGREGATE_COLUMNS),
                              index=pd.Index([a[0] for a in aggs], name="line"))
    report = [
        f"{name}: read as {fmt}; {len(observations)} country observations, "
        f"{len(aggregates)} aggregate rows kept apart (World, regions, groupings)",
        f"{name}: {counts['na']} rows without a value (N, NV, NaN, empty...) dropped",
        f"{name}: {counts['censored']} censored rows (<x, >x) dropped, not turned into numbers",
        f"{name}: {counts['unmatched']} country rows whose series or breakdown no dashboard indicator uses skipped",
    ]
    if not problems and observations.empty:
        problems.append(Problem(name, "at least one country observation",
                                "no usable country observation in the file ("
                                + "; ".join(r.split(": ", 1)[1] for r in report) + ")"))
    names = {"iso3": columns["area"], "year": columns["year"],
             "indicator_id": columns.get("series", "indicator_id")}
    return ReadResult(name, fmt, observations, aggregates, report, problems, names,
                      [o[-1] for o in obs])
