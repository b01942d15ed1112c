"""Cheap, precise checks on the shipped-layout files before they are loaded.

``load_dataset`` turns files into tables with pandas conversions that would otherwise fail
with messages like ``Unable to parse string "abc" at position 5``. These checks run first
and report every problem at once, naming the file, line, column, value and rule, in the
same :class:`~data.readers.problems.Problem` form as the user-file validation.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .readers.problems import Problem, quote

#: Columns each shipped file must have (the loader reads these and no others).
REQUIRED = {
    "gcm_indicator_map.csv": ("indicator_id", "series_code", "breakdown", "label", "unit", "direction",
                              "kind", "official_target", "gcm_objectives", "primary_objective",
                              "guiding_principles", "short_label", "indicator_group", "band_target",
                              "band_ceiling", "band_labels", "status_rule"),
    "sdg_series_catalogue.csv": ("series_code", "goal", "target", "indicator", "description", "file"),
    "gcm_objectives.csv": ("objective_number", "objective_title"),
    "gcm_objective_leads.csv": ("objective", "lead_indicator_id", "why"),
    "gcm_guiding_principles.csv": ("order", "guiding_principle"),
    "country_reference_m49.csv": ("iso3", "m49", "country_or_area", "region", "subregion",
                                  "ldc", "lldc", "sids", "un_member_state"),
    "un_regional_commissions.csv": ("iso3", "commission", "membership_type"),
    "world_bank_income_groups.csv": ("iso3", "income_group", "income_group_code"),
    "gcm_champion_countries.csv": ("iso3",),
    "gcm_ga_endorsement_vote_2018.csv": ("iso3", "vote"),
    "sdg_10_7_2_migration_policies_by_country.csv": ("iso3", "year", "series_code", "value"),
    "sdg_migration_related_series_by_country.csv": ("iso3", "year", "series_code", "value", "sdg_nature"),
    "sdg_10_7_2_share_of_countries_by_region.csv": ("m49_area_code", "area_name", "year", "series_code",
                                                    "percent_of_countries"),
    "sdg_10_c_1_remittance_cost_corridors.csv": ("series_code", "year", "value"),
}
#: Per file: columns that must hold whole years, finite numbers, and known country codes.
YEARS = ("sdg_10_7_2_migration_policies_by_country.csv", "sdg_migration_related_series_by_country.csv",
         "sdg_10_7_2_share_of_countries_by_region.csv", "sdg_10_c_1_remittance_cost_corridors.csv")
NUMBERS = {"sdg_10_7_2_migration_policies_by_country.csv": "value",
           "sdg_migration_related_series_by_country.csv": "value",
           "sdg_10_7_2_share_of_countries_by_region.csv": "percent_of_countries",
           "sdg_10_c_1_remittance_cost_corridors.csv": "value"}
COUNTRY_CODED = ("sdg_10_7_2_migration_policies_by_country.csv", "sdg_migration_related_series_by_country.csv")
INTEGERS = {"gcm_indicator_map.csv": "primary_objective", "gcm_objectives.csv": "objective_number",
            "gcm_guiding_principles.csv": "order"}
MAX_REPORTED = 50  # per rule and file: enough to fix the file, short enough to read in a log
YEAR_MIN, YEAR_MAX = 1950, 2100


def check_shipped_files(folder: Path | str) -> list[Problem]:
    """Every problem in the shipped-layout files of ``folder`` (empty list: safe to load)."""
    folder = Path(folder)
    frames: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for name, columns in REQUIRED.items():
        frame, found = _read(folder / name, columns)
        problems.extend(found)
        if frame is not None:
            frames[name] = frame
    for name, frame in frames.items():
        if name in YEARS:
            problems.extend(_bad(name, frame, "year", ~_whole_years(frame["year"]), "whole year",
                                 f"is not a whole year {YEAR_MIN}-{YEAR_MAX}"))
        if name in NUMBERS:
            col = NUMBERS[name]
            numbers = pd.to_numeric(frame[col], errors="coerce")
            problems.extend(_bad(name, frame, col, ~np.isfinite(numbers), "numeric value",
                                 "is not a finite number"))
        if name in INTEGERS:
            col = INTEGERS[name]
            problems.extend(_bad(name, frame, col, ~frame[col].str.fullmatch(r"\d+"), "whole number",
                                 "is not a whole number"))
    policy = frames.get("sdg_10_7_2_migration_policies_by_country.csv")
    if policy is not None:
        ordinal = policy["series_code"].eq("SG_CPA_MIGRS") & ~policy["value"].str.strip().isin(list("1234"))
        problems.extend(_bad("sdg_10_7_2_migration_policies_by_country.csv", policy, "value", ordinal,
                             "ordinal 1-4", "is not an integer score 1, 2, 3 or 4"))
    countries = frames.get("country_reference_m49.csv")
    if countries is not None:
        known = set(countries["iso3"])
        problems.extend(_bad("country_reference_m49.csv", countries, "iso3",
                             countries["iso3"].duplicated(keep="first") | countries["iso3"].eq(""),
                             "unique country", "is empty or repeats an earlier row"))
        for name in COUNTRY_CODED:
            if name in frames:
                problems.extend(_bad(name, frames[name], "iso3", ~frames[name]["iso3"].isin(known),
                                     "known country", "is not in country_reference_m49.csv"))
    return problems


def _read(path: Path, columns) -> tuple[pd.DataFrame | None, list[Problem]]:
    name = path.name
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(name, "file present", "the file is missing")]
    except UnicodeDecodeError as exc:
        return None, [Problem(name, "UTF-8 text", f"byte {exc.start} is not UTF-8 ({exc.reason})")]
    except pd.errors.EmptyDataError:
        return None, [Problem(name, "not empty", "the file is empty")]
    except (pd.errors.ParserError, ValueError, OSError) as exc:
        return None, [Problem(name, "readable CSV", str(exc).splitlines()[0][:200])]
    frame = frame.fillna("")  # short rows (a truncated file) leave NaN in their last columns
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        return None, [Problem(name, "required columns", "missing column(s) " + ", ".join(map(quote, missing)), 1)]
    if frame.empty:
        return None, [Problem(name, "not empty", "the file has a header but no rows", 1)]
    return frame, []


def _whole_years(text: pd.Series) -> pd.Series:
    ok = text.str.fullmatch(r"\d{4}")
    years = pd.to_numeric(text.where(ok), errors="coerce")
    return ok & years.between(YEAR_MIN, YEAR_MAX)


def _bad(name: str, frame: pd.DataFrame, column: str, mask: pd.Series, rule: str, detail: str) -> list[Problem]:
    rows = np.flatnonzero(mask.to_numpy(dtype=bool))
    problems = [Problem(name, rule, f"{quote(frame[column].iat[i])} {detail}", int(i) + 2, column)
                for i in rows[:MAX_REPORTED]]
    if len(rows) > MAX_REPORTED:
        problems.append(Problem(name, rule, f"… and {len(rows) - MAX_REPORTED} more rows like these", None, column))
    return problems
