"""``python -m data update``: refresh the shipped SDG series from the UN SDG API.

The new files are first written to a staging folder: a copy of the current data folder (so the
reference tables and any series not fetched stay as they are) with each fetched series' rows
replaced. The staging folder is then checked and loaded exactly like the shipped data
(``check_shipped_files`` and ``load_dataset``); only if that passes are its files moved into
``--out``. ``--dry-run`` stops before that and prints what would change. A provenance file
(``sdg_api_provenance.json``: retrieval time, addresses, release) is written beside the data.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from .catalogue import read_csv_text
from .load import load_dataset
from .manifest import write_manifest
from .paths import CORRIDOR_FILE, POLICY_FILE, SHARES_FILE
from .readers import Reference
from .readers.codes import canonical_value, dimension_name
from .readers.formats import SDG_NOT_DIMENSIONS
from .readers.reference import m49_int
from .sdg_api import SeriesDownload, fetch_series
from .validation import ValidationFailed

PROVENANCE_FILE = "sdg_api_provenance.json"
WIDE_FILE = "sdg_10_7_2_migration_policies_wide.csv"
CATALOGUE_FILE = "sdg_series_catalogue.csv"
SCORE_LABELS = {"1": "Requires further progress", "2": "Partially meets", "3": "Meets", "4": "Fully meets"}
#: Dimensions that have their own column in the long series file; the rest go to other_breakdown.
OWN_COLUMNS = ("sex", "age", "migratory_status")


class UpdateFailed(Exception):
    """The fetched data did not pass the checks; the message lists every problem."""


def canonical_dims(record: dict) -> dict[str, str]:
    """The record's breakdown dimensions as canonical names and codes (codes.py aliases)."""
    dims = {}
    for name, value in (record.get("dimensions") or {}).items():
        if str(name).strip().lower() in SDG_NOT_DIMENSIONS:
            continue  # "Reporting Type" and the like describe the row, they are no breakdown
        key = dimension_name(name)
        dims[key] = canonical_value(key, str(value))
    return dims


def year_and_value(record: dict) -> tuple[int, str] | None:
    """(whole year, value text) of a record, or None when it has no usable value (left missing)."""
    try:
        year = float(record["timePeriodStart"])
    except (TypeError, ValueError):
        return None
    value = str(record.get("value") if record.get("value") is not None else "").strip()
    if not year.is_integer() or value.lower() in ("", "nan", "n/a", "na"):
        return None
    try:
        float(value)
    except ValueError:
        return None
    return int(year), value


def country_rows(download: SeriesDownload, ref: Reference, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Records of a country series as rows of the long series file (aggregates left out)."""
    indicator = catalogue.set_index("series_code")["indicator"].get(download.code, "")
    rows = []
    for record in download.records:
        iso3 = ref.m49_to_iso3.get(m49_int(record.get("geoAreaCode")))
        found = year_and_value(record)
        if not iso3 or not found:
            continue
        dims = canonical_dims(record)
        attributes = record.get("attributes") or {}
        rows.append({"iso3": iso3, "m49": str(m49_int(record["geoAreaCode"])),
                     "sdg_geo_name": str(record.get("geoAreaName", "")), "sdg_indicator": indicator,
                     "series_code": download.code, "year": str(found[0]), "value": found[1],
                     "unit": str(attributes.get("Units", "")),
                     **{c: dims.pop(c, "") for c in OWN_COLUMNS},
                     "other_breakdown": ";".join(f"{k}={v}" for k, v in sorted(dims.items()) if v),
                     "sdg_nature": str(attributes.get("Nature", ""))})
    return pd.DataFrame(rows)


def policy_rows(download: SeriesDownload, ref: Reference, domains: dict[str, str]) -> pd.DataFrame:
    """SG_CPA_MIGRS records as rows of the 10.7.2 country file (domain labels from the current file)."""
    long = country_rows(download, ref, pd.DataFrame(columns=["series_code", "indicator"]))
    if long.empty:
        return pd.DataFrame(columns=["iso3", "m49", "sdg_geo_name", "year", "series_code", "policy_domain_code",
                                     "policy_domain", "value", "value_label"])
    codes = long["other_breakdown"].str.extract(r"policy_domain_code=([^;]+)")[0].fillna("ALL")
    values = long["value"].map(lambda v: str(int(float(v))) if float(v).is_integer() else v)
    return pd.DataFrame({"iso3": long["iso3"], "m49": long["m49"], "sdg_geo_name": long["sdg_geo_name"],
                         "year": long["year"], "series_code": download.code, "policy_domain_code": codes,
                         "policy_domain": codes.map(domains).fillna(codes), "value": values,
                         "value_label": values.map(SCORE_LABELS).fillna("")})


def share_rows(download: SeriesDownload, domains: dict[str, str]) -> pd.DataFrame:
    """SG_CPA_MIGRP records (regional shares): every area is kept, aggregates included."""
    rows = []
    for record in download.records:
        found = year_and_value(record)
        if not found:
            continue
        code = canonical_dims(record).get("policy_domain_code") or "ALL"
        rows.append({"m49_area_code": str(m49_int(record.get("geoAreaCode")) or record.get("geoAreaCode")),
                     "area_name": str(record.get("geoAreaName", "")), "year": str(found[0]),
                     "series_code": download.code, "policy_domain_code": code,
                     "policy_domain": domains.get(code, code), "percent_of_countries": found[1],
                     "sdg_nature": str((record.get("attributes") or {}).get("Nature", ""))})
    return pd.DataFrame(rows)


def corridor_rows(download: SeriesDownload, ref: Reference) -> pd.DataFrame:
    """Corridor records: the sending country is the area; the receiving one a counterpart dimension."""
    rows = []
    for record in download.records:
        sender = ref.m49_to_iso3.get(m49_int(record.get("geoAreaCode")))
        found = year_and_value(record)
        if not sender or not found:
            continue
        dims = record.get("dimensions") or {}
        counterpart = next((str(v) for k, v in dims.items() if "counterpart" in str(k).lower()
                            or "receiving" in str(k).lower()), "NOTSPEC")
        attributes = record.get("attributes") or {}
        rows.append({"series_code": download.code, "sending_iso3": sender,
                     "sending_m49": str(m49_int(record["geoAreaCode"])),
                     "sending_sdg_name": str(record.get("geoAreaName", "")),
                     "receiving_iso3": ref.m49_to_iso3.get(m49_int(counterpart), ""),
                     "receiving_counterpart_code_in_source": counterpart, "year": str(found[0]),
                     "value": found[1], "unit": str(attributes.get("Units", "")),
                     "sdg_nature": str(attributes.get("Nature", ""))})
    return pd.DataFrame(rows)


def replace_series(path: Path, code: str, new_rows: pd.DataFrame) -> None:
    """Rewrite ``path`` with the rows of ``code`` replaced by ``new_rows`` (same columns, order kept)."""
    current = read_csv_text(path)
    kept = current[current["series_code"] != code]
    merged = pd.concat([kept, new_rows.reindex(columns=current.columns, fill_value="")], ignore_index=True)
    merged.to_csv(path, index=False, lineterminator="\n")


def write_wide(folder: Path) -> None:
    """The wide 10.7.2 file (one row per country and round), derived from the long one."""
    long = read_csv_text(folder / POLICY_FILE)
    wide = long.pivot_table(index=["iso3", "m49", "sdg_geo_name", "year"], columns="policy_domain_code",
                            values="value", aggfunc="first").reset_index()
    wide.columns.name = None
    order = ["iso3", "m49", "sdg_geo_name", "year"] + [c for c in ("ALL", "PD1", "PD2", "PD3", "PD4", "PD5", "PD6")
                                                      if c in wide.columns]
    wide.loc[:, order].sort_values(["iso3", "year"]).to_csv(folder / WIDE_FILE, index=False, lineterminator="\n")


def stage(sources: Path, staging: Path, downloads: list[SeriesDownload], base) -> None:
    """Copy ``sources`` into ``staging`` and replace the fetched series' rows there (``base``:
    the dataset loaded from ``sources``, for its country codes)."""
    shutil.copytree(sources, staging, dirs_exist_ok=True)
    ref = Reference.from_dataset(base, sources)
    catalogue = read_csv_text(sources / CATALOGUE_FILE)
    files = catalogue.set_index("series_code")["file"].to_dict()
    policy = read_csv_text(sources / POLICY_FILE)
    domains = dict(zip(policy["policy_domain_code"], policy["policy_domain"]))
    for download in downloads:
        target = files[download.code]
        if target == POLICY_FILE:
            rows = policy_rows(download, ref, domains)
        elif target == SHARES_FILE:
            rows = share_rows(download, domains)
        elif target == CORRIDOR_FILE:
            rows = corridor_rows(download, ref)
        else:
            rows = country_rows(download, ref, catalogue)
        replace_series(staging / target, download.code, rows)
    if any(files[d.code] == POLICY_FILE for d in downloads):
        write_wide(staging)


def provenance(downloads: list[SeriesDownload], api_base: str, retrieved: str) -> dict:
    """Where and when every series was fetched, for sdg_api_provenance.json."""
    releases = sorted({d.release for d in downloads if d.release})
    return {"source": "United Nations, Global SDG Indicators Database (UN SDG API)",
            "api_base": api_base, "retrieved_utc": retrieved,
            "release": ", ".join(releases) or "not stated in the API answers",
            "series": {d.code: {"records": len(d.records), "total_elements": d.total_elements,
                                "pages": len(d.urls), "urls": d.urls} for d in downloads}}


def changes(old, new) -> list[str]:
    """Per indicator: countries and years added, values changed, observations removed."""
    key = ["indicator_id", "iso3", "year"]
    merged = old.observations[key + ["value"]].merge(new.observations[key + ["value"]], on=key,
                                                     how="outer", suffixes=("_old", "_new"), indicator=True)
    lines = []
    for indicator_id, rows in merged.groupby("indicator_id"):
        added = rows[rows["_merge"] == "right_only"]
        removed = rows[rows["_merge"] == "left_only"]
        both = rows[rows["_merge"] == "both"]
        changed = both[(both["value_old"] - both["value_new"]).abs() > 1e-9]
        if added.empty and removed.empty and changed.empty:
            continue
        old_iso, old_years = set(rows.loc[rows["_merge"] != "right_only", "iso3"]), set(
            rows.loc[rows["_merge"] != "right_only", "year"])
        new_countries = sorted(set(added["iso3"]) - old_iso)
        new_years = sorted(set(added["year"]) - old_years)
        parts = [f"{len(added)} added", f"{len(changed)} changed", f"{len(removed)} no longer published"]
        lines.append(f"{indicator_id}: " + ", ".join(parts))
        if new_countries:
            lines.append(f"  countries added: {', '.join(new_countries[:30])}" + (" …" if len(new_countries) > 30 else ""))
        if new_years:
            lines.append(f"  years added: {', '.join(str(y) for y in new_years)}")
        for r in changed.head(10).itertuples():
            lines.append(f"  {r.iso3} {r.year}: {r.value_old:g} -> {r.value_new:g}")
    return lines or ["No observation would change."]


def run_update(out: Path, sources: Path, series: list[str], api_base: str, page_size: int,
               dry_run: bool, log=print) -> list[str]:
    """Fetch, stage, check and (unless ``dry_run``) write; returns the change lines.

    Raises :class:`ApiError` (network or API shape) or :class:`UpdateFailed` (checks failed).
    """
    retrieved = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    downloads = []
    for code in series:
        download = fetch_series(code, api_base, page_size)
        log(f"{code}: {len(download.records)} records in {len(download.urls)} page(s)")
        downloads.append(download)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".gcm-update-", dir=out.parent) as tmp:
        staging = Path(tmp) / "data"
        base = load_dataset(sources)
        stage(sources, staging, downloads, base)
        try:
            new = load_dataset(staging)  # the shipped checks, breakdowns and conversions
        except (ValueError, ValidationFailed) as err:  # BreakdownError is a ValueError
            raise UpdateFailed(str(err)) from None
        lines = changes(base, new)
        if dry_run:
            return lines
        (staging / PROVENANCE_FILE).write_text(json.dumps(provenance(downloads, api_base, retrieved), indent=2)
                                               + "\n", encoding="utf-8")
        # The manifest is written last and moved last: until it arrives, a running dashboard sees
        # files that do not match the old one and keeps its data; then it accepts the whole set.
        manifest = write_manifest(staging)
        out.mkdir(parents=True, exist_ok=True)
        for path in sorted(staging.iterdir(), key=lambda p: p == manifest):
            if path.is_file():
                os.replace(path, out / path.name)  # same filesystem: each file switches at once
    return lines


__all__ = ["UpdateFailed", "run_update", "changes", "stage", "PROVENANCE_FILE"]
