"""Change between the two SDG 10.7.2 rounds, and continuous series over time. Pure; no Dash.

Only countries that reported both rounds are compared; the ones that reported a single round are
counted separately so every view can say how many were left out.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from . import queries as q

ROUNDS = (2019, 2021)
DIRECTIONS = ("improved", "same", "declined")
WORLD = "World"


def _in_rounds(observations: pd.DataFrame, indicator_id: str, iso3s) -> pd.DataFrame:
    rows = observations[(observations["indicator_id"] == indicator_id)
                        & observations["year"].isin(ROUNDS) & observations["value"].notna()]
    return rows if iso3s is None else rows[rows["iso3"].isin(list(iso3s))]


def left_out(observations: pd.DataFrame, indicator_id: str, iso3s: Iterable[str] | None = None) -> list[str]:
    """ISO3 codes that reported exactly one of the two rounds (so cannot be compared)."""
    rows = _in_rounds(observations, indicator_id, iso3s)
    rounds = rows.groupby("iso3")["year"].nunique()
    return sorted(rounds[rounds == 1].index)


def dumbbell_rows(observations: pd.DataFrame, countries: pd.DataFrame, indicator_id: str,
                  iso3s: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per country with both rounds: iso3, name, region, from_value, to_value, change, direction.

    Ordered improved, same, declined; within each by size of change, then 2021 value, then name.
    """
    change = q.round_change(observations, indicator_id, *ROUNDS, iso3s=iso3s)
    change = change.assign(name=change["iso3"].map(countries["name"]).fillna(change["iso3"]),
                           region=change["iso3"].map(countries["region"]).fillna(""))
    change["_order"] = change["direction"].map({d: i for i, d in enumerate(DIRECTIONS)})
    change["_abs"] = change["change"].abs()
    change = change.sort_values(["_order", "_abs", "to_value", "name"], ascending=[True, False, False, True])
    return change.drop(columns=["_order", "_abs"]).reset_index(drop=True)


def change_counts(observations: pd.DataFrame, countries: pd.DataFrame, indicator_ids: Iterable[str],
                  iso3s: Iterable[str] | None = None, by: str = "region") -> pd.DataFrame:
    """Improved / same / declined counts per indicator and group (plus World), with left-out counts.

    Columns: indicator_id, group, improved, same, declined, both, left_out.
    """
    rows = []
    for ind in indicator_ids:
        change = q.round_change(observations, ind, *ROUNDS, iso3s=iso3s)
        change = change.assign(group=change["iso3"].map(countries[by]).fillna(""))
        once = pd.Series(left_out(observations, ind, iso3s), dtype=object)
        once_groups = once.map(countries[by]).fillna("") if len(once) else pd.Series(dtype=object)
        groups = [WORLD] + sorted(g for g in set(change["group"]) | set(once_groups) if g)
        for group in groups:
            part = change if group == WORLD else change[change["group"] == group]
            counts = part["direction"].value_counts()
            rows.append({"indicator_id": ind, "group": group,
                         **{d: int(counts.get(d, 0)) for d in DIRECTIONS}, "both": len(part),
                         "left_out": int(len(once) if group == WORLD else (once_groups == group).sum())})
    return pd.DataFrame(rows, columns=["indicator_id", "group", *DIRECTIONS, "both", "left_out"])


def country_series(observations: pd.DataFrame, countries: pd.DataFrame, indicator_id: str,
                   iso3s: Iterable[str]) -> pd.DataFrame:
    """Every observation of ``indicator_id`` for the chosen countries: iso3, name, year, value, nature."""
    rows = observations[(observations["indicator_id"] == indicator_id)
                        & observations["iso3"].isin(list(iso3s)) & observations["value"].notna()]
    rows = rows.assign(name=rows["iso3"].map(countries["name"]).fillna(rows["iso3"]))
    return rows[["iso3", "name", "year", "value", "nature"]].sort_values(["name", "year"], ignore_index=True)


def region_median_series(observations: pd.DataFrame, countries: pd.DataFrame, indicator_id: str,
                         by: str = "region") -> pd.DataFrame:
    """Median per group and year over the countries in ``countries``: group, year, median, count.

    The set of reporting countries changes from year to year; ``count`` says how many stand behind
    each median, and views must say that medians of different years are not of the same countries.
    """
    rows = observations[(observations["indicator_id"] == indicator_id)
                        & observations["iso3"].isin(countries.index) & observations["value"].notna()]
    rows = rows.assign(group=rows["iso3"].map(countries[by]).fillna(""))
    rows = rows[rows["group"] != ""]
    out = rows.groupby(["group", "year"])["value"].agg(["median", "count"]).reset_index()
    return out.sort_values(["group", "year"], ignore_index=True)


def yearly_values(observations: pd.DataFrame, indicator_id: str, iso3s: Iterable[str]) -> pd.DataFrame:
    """Observations of one indicator for ``iso3s`` per year (for animation frames): iso3, year, value, nature."""
    rows = observations[(observations["indicator_id"] == indicator_id)
                        & observations["iso3"].isin(list(iso3s)) & observations["value"].notna()]
    return rows[["iso3", "year", "value", "nature"]].sort_values(["year", "iso3"], ignore_index=True)
