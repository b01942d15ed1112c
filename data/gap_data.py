"""Policy measure (SDG 10.7.2) against an outcome indicator, one point per country. Pure; no Dash.

Each side takes the country's latest value inside the window [since, until]; both years are kept
so the chart can show them. Nothing is paired across a missing value.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from . import queries as q
from .dataset_index import index_of
from .model import Dataset

POINT_COLUMNS = ("iso3", "name", "region", "policy_value", "policy_year", "outcome_value",
                 "outcome_year", "outcome_nature")


def window_bounds(years: Iterable[int], since: str, until: str) -> tuple[int, int]:
    """(first, last) year of the window: ``since`` or the earliest year, ``until`` or the latest."""
    years = sorted(int(y) for y in years)
    low = int(since) if str(since).isdigit() else years[0]
    high = int(until) if str(until).isdigit() else years[-1]
    return min(low, high), max(low, high)


def latest_in_window(observations: pd.DataFrame, indicator_id: str, iso3s: Iterable[str] | None,
                     first: int, last: int) -> pd.DataFrame:
    """Latest observation per country (of ``iso3s``, or all for None) of ``indicator_id`` with
    first <= year <= last."""
    rows = observations[(observations["indicator_id"] == indicator_id) & observations["value"].notna()
                        & (observations["year"] >= first)]
    return q.latest_values(rows, [indicator_id], last, iso3s)


def gap_points(dataset: Dataset, countries: pd.DataFrame, policy_id: str, outcome_id: str,
               first: int, last: int) -> tuple[pd.DataFrame, dict]:
    """(points, coverage) for ``countries``: the countries with both a policy and an outcome value
    in the window, and how many have the policy value, the outcome value and both."""
    return _pair_points(_latest(dataset, policy_id, first, last), _latest(dataset, outcome_id, first, last),
                       countries)


def _latest(dataset: Dataset, indicator_id: str, first: int, last: int) -> pd.DataFrame:
    """Every country's latest value of one indicator in the window, from its own rows only.

    The full window (the view's default) is kept per dataset: it does not depend on the country
    filters. Other windows are computed per call rather than stored without bound.
    """
    index = index_of(dataset)

    def build():
        return latest_in_window(index.observations_for([indicator_id]), indicator_id, None, first, last)

    if (first, last) == (dataset.years[0], dataset.years[-1]):
        return index.memo(("latest_in_window", indicator_id), build)
    return build()


def _pair_points(policy: pd.DataFrame, outcome: pd.DataFrame, countries: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """Points and coverage counts from each side's latest values (from :func:`latest_in_window`,
    for any set of countries): only ``countries`` are kept, and only those with both values are paired."""
    iso3s = countries.index
    policy = policy[policy["iso3"].isin(iso3s)]
    outcome = outcome[outcome["iso3"].isin(iso3s)]
    both = policy[["iso3", "value", "year"]].rename(columns={"value": "policy_value", "year": "policy_year"}).merge(
        outcome[["iso3", "value", "year", "nature"]].rename(
            columns={"value": "outcome_value", "year": "outcome_year", "nature": "outcome_nature"}),
        on="iso3", how="inner")
    both["name"] = both["iso3"].map(countries["name"])
    both["region"] = both["iso3"].map(countries["region"]).fillna("")
    points = both.loc[:, list(POINT_COLUMNS)].sort_values("name", ignore_index=True)
    counts = {"countries": len(iso3s), "policy": policy["iso3"].nunique(),
              "outcome": outcome["iso3"].nunique(), "both": len(points)}
    return points, counts


def medians_by_score(points: pd.DataFrame) -> pd.DataFrame:
    """Median outcome per policy score (1-4): policy_value, median, count."""
    if points.empty:
        return pd.DataFrame(columns=["policy_value", "median", "count"])
    out = points.groupby("policy_value")["outcome_value"].agg(["median", "count"]).reset_index()
    return out.sort_values("policy_value", ignore_index=True)


def rank_correlation(points: pd.DataFrame) -> float | None:
    """Spearman rank correlation of policy and outcome; None with fewer than 5 countries or no spread."""
    if len(points) < 5 or points["policy_value"].nunique() < 2 or points["outcome_value"].nunique() < 2:
        return None
    # Spearman = Pearson on average ranks. pandas' method="spearman" would import scipy
    # (~1 s on the first request of each worker), for the same number.
    value = points["policy_value"].rank().corr(points["outcome_value"].rank())
    return None if pd.isna(value) else float(value)
