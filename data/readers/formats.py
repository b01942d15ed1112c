"""The four accepted layouts: tidy, SDG data-portal CSV, SDMX-CSV and OWID grapher CSV.

Each ``read_*`` takes the header, the text rows (indexed by line) and the
reference, builds candidate rows and hands them to :func:`common.finish`.
"""
from __future__ import annotations

import re

import pandas as pd

from .codes import canonical_value, dimension_name, known_value
from .common import finish
from .problems import Problem, ReadResult
from .reference import Reference, m49_int

TIDY_REQUIRED = ("iso3", "indicator_id", "year", "value")
SDG_REQUIRED = ("SeriesCode", "GeoAreaCode", "TimePeriod", "Value")
# SDG columns that describe a row but are not breakdown dimensions.
SDG_NOT_DIMENSIONS = {"goal", "target", "indicator", "seriescode", "seriesdescription",
                      "geoareacode", "geoareaname", "timeperiod", "value", "time_detail",
                      "timecoverage", "upperbound", "lowerbound", "baseperiod", "source",
                      "geoinfourl", "footnote", "nature", "units", "reporting type",
                      "observation status", "unit multiplier"}
SDMX_REQUIRED = ("SERIES", "REF_AREA", "TIME_PERIOD", "OBS_VALUE")
SDMX_DIMENSIONS = ("SEX", "AGE", "URBANISATION", "INCOME_WEALTH_QUANTILE", "EDUCATION_LEV",
                   "OCCUPATION", "CUST_BREAKDOWN", "COMPOSITE_BREAKDOWN", "DISABILITY_STATUS",
                   "ACTIVITY", "PRODUCT")
OWID_REQUIRED = ("Entity", "Code", "Year")
# "... - SG_CPA_MIGRS - All Domains": the series code is an upper-case token with underscores.
_OWID_SERIES = re.compile(r"(?:^|\s-\s)([A-Z]{2,3}_[A-Z0-9_]+)(?:\s-\s|$)")


def _missing(name: str, header: list[str], required: tuple[str, ...], fmt: str) -> list[Problem]:
    present = {h.strip("[]").lower() for h in header}
    return [Problem(name, "required column", f"required {fmt} column \"{col}\" is missing", 1)
            for col in required if col.lower() not in present]


def _m49_area(code: str, label: str, ref: Reference) -> tuple[str, str]:
    """(area_kind, iso3) of an M49 code, falling back on the name when the code is empty."""
    number = m49_int(code)
    if number in ref.m49_to_iso3:
        return "country", ref.m49_to_iso3[number]
    if number in ref.aggregate_m49:
        return "aggregate", ""
    if number is None and not str(code).strip() and label.strip().lower() in ref.name_to_iso3:
        return "country", ref.name_to_iso3[label.strip().lower()]
    return "unknown", ""


def read_tidy(name: str, header: list[str], rows: pd.DataFrame, ref: Reference) -> ReadResult:
    """The project's own layout: iso3, indicator_id, year, value[, nature, source_id]."""
    missing = _missing(name, header, TIDY_REQUIRED, "tidy")
    if missing:
        return ReadResult(name, "tidy", problems=missing)
    cand = pd.DataFrame({
        "area_kind": "country", "iso3": rows["iso3"].str.upper(), "area_code": rows["iso3"],
        "area_name": "", "indicator_id": rows["indicator_id"], "year_raw": rows["year"],
        "value_raw": rows["value"], "value_col": "value",
        "nature": rows["nature"] if "nature" in rows else "",
        # without a source_id the file itself is the source, so it stays traceable
        "source_id": rows["source_id"].replace("", f"user:{name}") if "source_id" in rows
        else f"user:{name}",
    }, index=rows.index)
    return finish(name, "tidy CSV", cand, ref, {"area": "iso3", "year": "year"})


def read_sdg(name: str, header: list[str], rows: pd.DataFrame, ref: Reference) -> ReadResult:
    """UN SDG Global Database / data-portal CSV export (one row per value, M49 areas)."""
    missing = _missing(name, header, SDG_REQUIRED, "SDG data-portal")
    if missing:
        return ReadResult(name, "sdg", problems=missing)
    col = {h.strip("[]").lower(): h for h in header}
    dims = [h for h in header if h.strip("[]").strip().lower() not in SDG_NOT_DIMENSIONS]
    names = rows[col["geoareaname"]] if "geoareaname" in col else pd.Series("", index=rows.index)
    areas = [_m49_area(c, n, ref) for c, n in zip(rows[col["geoareacode"]], names)]
    cand = pd.DataFrame({
        "area_kind": [a[0] for a in areas], "iso3": [a[1] for a in areas],
        "area_code": rows[col["geoareacode"]], "area_name": names,
        "series_code": rows[col["seriescode"]].str.upper(),
        "dims": [{dimension_name(d): canonical_value(dimension_name(d), r[d]) for d in dims}
                 for _, r in rows.iterrows()],
        "year_raw": rows[col["timeperiod"]], "value_raw": rows[col["value"]],
        "value_col": col["value"],
        "nature": rows[col["nature"]] if "nature" in col else "",
        "source_id": f"user:{name}",
    }, index=rows.index)
    return finish(name, "SDG data-portal CSV", cand, ref,
                  {"area": col["geoareacode"], "year": col["timeperiod"],
                   "series": col["seriescode"], "area_kind": "M49 code"})


def read_sdmx(name: str, header: list[str], rows: pd.DataFrame, ref: Reference) -> ReadResult:
    """SDMX-CSV from the UN SDG SDMX API (coded dimensions, ``_T`` = total)."""
    missing = _missing(name, header, SDMX_REQUIRED, "SDMX-CSV")
    if missing:
        return ReadResult(name, "sdmx", problems=missing)
    dims = [d for d in SDMX_DIMENSIONS if d in rows.columns]
    areas = [_m49_area(c, "", ref) for c in rows["REF_AREA"]]
    cand = pd.DataFrame({
        "area_kind": [a[0] for a in areas], "iso3": [a[1] for a in areas],
        "area_code": rows["REF_AREA"], "area_name": "",
        "series_code": rows["SERIES"].str.upper(),
        "dims": [{dimension_name(d): canonical_value(dimension_name(d), r[d]) for d in dims}
                 for _, r in rows.iterrows()],
        "year_raw": rows["TIME_PERIOD"], "value_raw": rows["OBS_VALUE"], "value_col": "OBS_VALUE",
        "nature": rows["NATURE"] if "NATURE" in rows else "",
        "unit_mult": rows["UNIT_MULT"].replace("", "0") if "UNIT_MULT" in rows else "0",
        "source_id": f"user:{name}",
    }, index=rows.index)
    return finish(name, "SDMX-CSV", cand, ref, {"area": "REF_AREA", "year": "TIME_PERIOD",
                                                 "series": "SERIES", "area_kind": "M49 code"})


def owid_series(column: str) -> tuple[str, dict[str, str]] | None:
    """(series code, canonical dims) from an OWID header, or None if it names no series.

    ``10.7.2 - Countries with ... - SG_CPA_MIGRS - All Domains`` -> ("SG_CPA_MIGRS",
    {"policy_domain_code": "ALL"}); each part after the code is ``Key: value`` or a bare
    breakdown label, which is looked up in every dimension's aliases.
    """
    found = _OWID_SERIES.search(column)
    if not found:
        return None
    dims: dict[str, str] = {}
    for part in column[found.end(1):].split(" - "):
        part = part.strip()
        if not part:
            continue
        key, sep, value = part.partition(":")
        if sep:
            dims[dimension_name(key)] = canonical_value(dimension_name(key), value)
            continue
        for dim in ("policy_domain_code", "sex", "age", "migratory_status", "location"):
            if known_value(dim, part) is not None:
                dims[dim] = known_value(dim, part)
                break
        else:
            dims[f"unlabelled:{part}"] = part  # unknown label: never matches, so it is skipped
    return found.group(1), dims


def read_owid(name: str, header: list[str], rows: pd.DataFrame, ref: Reference) -> ReadResult:
    """Our World in Data grapher CSV: Entity, Code, Year, then one column per series."""
    missing = _missing(name, header, OWID_REQUIRED, "OWID grapher")
    series_cols = {c: owid_series(c) for c in header if c not in OWID_REQUIRED}
    series_cols = {c: s for c, s in series_cols.items() if s}
    if not missing and not series_cols:
        missing = [Problem(name, "required column", "no column header names an SDG series code "
                           "(expected e.g. \"... - SG_CPA_MIGRS - All Domains\")", 1)]
    if missing:
        return ReadResult(name, "owid", problems=missing)
    parts = []
    for column, (series, dims) in series_cols.items():
        codes = rows["Code"].str.upper()
        # OWID_WRL, OWID_KOS... and entities without a Code are OWID's own aggregates.
        kind = ["aggregate" if (not c or c.startswith("OWID_")) else
                "country" if c in ref.iso3 else "unknown" for c in codes]
        parts.append(pd.DataFrame({
            "area_kind": kind, "iso3": codes, "area_code": rows["Code"], "area_name": rows["Entity"],
            "series_code": series, "dims": [dims] * len(rows), "year_raw": rows["Year"],
            "value_raw": rows[column], "value_col": column, "nature": "",
            "source_id": f"user:{name}"}, index=rows.index))
    cand = pd.concat(parts).sort_index(kind="stable")
    result = finish(name, "OWID grapher CSV", cand, ref, {"area": "Code", "year": "Year"})
    ignored = [c for c in header if c not in OWID_REQUIRED and c not in series_cols]
    if ignored:
        result.report.append(f"{name}: columns without a series code ignored: {', '.join(ignored)}")
    return result
