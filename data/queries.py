"""Pure queries on the canonical frames. None of them mutates its inputs."""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from .status import status_labels, status_of
from .years import LATEST

FLAG_COLUMNS = ("ldc", "lldc", "sids")


def filter_countries(countries: pd.DataFrame, *, regions: Iterable[str] = (),
                     subregions: Iterable[str] = (), commissions: Iterable[str] = (),
                     income_groups: Iterable[str] = (), flags: Iterable[str] = (),
                     champion_only: bool = False, iso3s: Iterable[str] | None = None) -> pd.DataFrame:
    """Countries matching every given classification (an empty filter keeps all).

    Within one classification the values are alternatives (OR); across classifications
    they all apply (AND). ``flags`` holds any of ``ldc``, ``lldc``, ``sids`` (OR).
    """
    mask = pd.Series(True, index=countries.index)
    regions, subregions = set(regions), set(subregions)
    if regions:
        mask &= countries["region"].isin(regions)
    if subregions:
        mask &= countries["subregion"].isin(subregions) | countries["intermediate_region"].isin(subregions)
    wanted = set(commissions)
    if wanted:
        mask &= countries["commissions"].map(lambda held: bool(wanted.intersection(held)))
    groups = set(income_groups)
    if groups:
        mask &= countries["income_group"].isin(groups)
    chosen_flags = [f for f in flags if f in FLAG_COLUMNS]
    if chosen_flags:
        mask &= countries[chosen_flags].any(axis=1)
    if champion_only:
        mask &= countries["gcm_champion"]
    if iso3s is not None:
        mask &= countries.index.isin(list(iso3s))
    return countries[mask]


def indicators_for(indicators: pd.DataFrame, objectives: Iterable[int] = (),
                   principles: Iterable[int] = ()) -> pd.DataFrame:
    """Indicators tagged with any of ``objectives`` and any of ``principles`` (empty = all)."""
    objectives, principles = set(objectives), set(principles)
    mask = pd.Series(True, index=indicators.index)
    if objectives:
        mask &= indicators["objectives"].map(lambda held: bool(objectives.intersection(held)))
    if principles:
        mask &= indicators["principles"].map(lambda held: bool(principles.intersection(held)))
    return indicators[mask]


def _subset(observations: pd.DataFrame, indicator_ids, iso3s) -> pd.DataFrame:
    mask = pd.Series(True, index=observations.index)
    if indicator_ids is not None:
        mask &= observations["indicator_id"].isin(list(indicator_ids))
    if iso3s is not None:
        mask &= observations["iso3"].isin(list(iso3s))
    return observations[mask]


def latest_values(observations: pd.DataFrame, indicator_ids: Iterable[str] | None = None,
                  up_to_year: int | None = None, iso3s: Iterable[str] | None = None) -> pd.DataFrame:
    """The most recent observation per (country, indicator) up to ``up_to_year``, keeping its own year."""
    rows = _subset(observations, indicator_ids, iso3s)
    if up_to_year is not None:
        rows = rows[rows["year"] <= int(up_to_year)]
    rows = rows.sort_values(["indicator_id", "iso3", "year"])
    return rows.drop_duplicates(["indicator_id", "iso3"], keep="last").reset_index(drop=True)


def values_for(observations: pd.DataFrame, indicator_ids: Iterable[str] | None,
               year: int | str, iso3s: Iterable[str] | None = None) -> pd.DataFrame:
    """Observations of one exact year, or the latest available when ``year`` is ``"latest"``."""
    if year == LATEST:
        return latest_values(observations, indicator_ids, None, iso3s)
    rows = _subset(observations, indicator_ids, iso3s)
    return rows[rows["year"] == int(year)].reset_index(drop=True)


def with_status(values: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``values`` with ``status`` and ``status_rank`` columns (None where no status)."""
    out = values.copy()
    status = np.full(len(out), None, dtype=object)
    rank = np.full(len(out), None, dtype=object)
    ids = out["indicator_id"].to_numpy(dtype=object)
    numbers = out["value"].to_numpy(dtype=float)
    # One pass per indicator over its distinct values instead of a catalogue lookup per row:
    # status_of stays the single rule, evaluated once per (indicator, distinct value).
    for indicator_id in pd.unique(ids):
        row = indicators.loc[indicator_id]
        labels = status_labels(row)
        if not labels:
            continue
        rule = row.to_dict()  # a plain dict: status_of reads it once per distinct value
        where = np.flatnonzero(ids == indicator_id)
        present = where[~np.isnan(numbers[where])]
        distinct, inverse = np.unique(numbers[present], return_inverse=True)
        found = [status_of(rule, float(v)) for v in distinct]
        ranks = [None if label is None else labels.index(label) for label in found]
        status[present] = np.array(found, dtype=object)[inverse]
        rank[present] = np.array(ranks, dtype=object)[inverse]
    # Lists, not arrays, so pandas infers exactly the dtypes it always did.
    out["status"] = status.tolist()
    out["status_rank"] = rank.tolist()
    return out


def ordered_indicators(indicators: pd.DataFrame) -> pd.DataFrame:
    """Indicators ordered by primary objective, then catalogue order: the matrix column order."""
    order = indicators.assign(_pos=range(len(indicators)))
    return order.sort_values(["primary_objective", "_pos"]).drop(columns="_pos")


def implementation_matrix(values: pd.DataFrame, indicators: pd.DataFrame,
                          countries: pd.DataFrame) -> pd.DataFrame:
    """Country x indicator grid (long form), one row per pair, missing cells included.

    Columns: iso3, name, region, indicator_id, primary_objective, value, year, nature,
    status, status_rank. A missing cell has NaN value and None status.
    """
    cols = ordered_indicators(indicators)
    grid = pd.MultiIndex.from_product([countries.index, cols.index], names=["iso3", "indicator_id"])
    frame = grid.to_frame(index=False)
    frame = frame.merge(values[["iso3", "indicator_id", "value", "year", "nature"]],
                        on=["iso3", "indicator_id"], how="left")
    frame["name"] = frame["iso3"].map(countries["name"])
    frame["region"] = frame["iso3"].map(countries["region"])
    frame["primary_objective"] = frame["indicator_id"].map(cols["primary_objective"])
    return with_status(frame, indicators)


def status_shares(values: pd.DataFrame, countries: pd.DataFrame, by: str = "region") -> pd.DataFrame:
    """Share of reporting countries in each status, per indicator and group.

    ``values`` must carry a ``status`` column (see :func:`with_status`). Returns
    indicator_id, group, status, count, reporting, share (0-100). Rows without status are left out.
    """
    rated = values[values["status"].notna()]
    groups = rated["iso3"].map(countries[by]) if by in countries else pd.Series("World", index=rated.index)
    keep = (groups.fillna("") != "").to_numpy()
    # Counted on integer codes with one bincount: two groupbys and a merge cost ~3 ms on the
    # shipped data, and a Python loop ~60 ms at 100x.
    ind, ind_names = pd.factorize(rated["indicator_id"].to_numpy()[keep])
    grp, grp_names = pd.factorize(groups.to_numpy()[keep])
    st, st_names = pd.factorize(rated["status"].to_numpy()[keep])
    shape = (len(ind_names), len(grp_names), len(st_names))
    counts = np.bincount(np.ravel_multi_index((ind, grp, st), shape), minlength=int(np.prod(shape))).reshape(shape)
    i, g, k = np.nonzero(counts)
    out = pd.DataFrame({
        "indicator_id": pd.Series(ind_names[i], dtype=rated["indicator_id"].dtype),
        "group": pd.Series(grp_names[g], dtype="str"),
        "status": pd.Series(st_names[k], dtype=rated["status"].dtype),
        "count": counts[i, g, k].astype("int64"),
        "reporting": counts.sum(axis=2)[i, g].astype("int64"),
    }).sort_values(["indicator_id", "group", "status"], ignore_index=True)
    out["share"] = 100.0 * out["count"] / out["reporting"]
    return out


def group_medians(values: pd.DataFrame, countries: pd.DataFrame, by: str = "region") -> pd.DataFrame:
    """Median value and reporting count per indicator and group, plus a ``World`` row per indicator."""
    rows = values.assign(group=values["iso3"].map(countries[by]))
    rows = rows[rows["group"].fillna("") != ""]
    per_group = rows.groupby(["indicator_id", "group"])["value"].agg(["median", "count"]).reset_index()
    world = values.groupby("indicator_id")["value"].agg(["median", "count"]).reset_index()
    world["group"] = "World"
    return pd.concat([per_group, world], ignore_index=True)


def round_change(observations: pd.DataFrame, indicator_id: str, from_year: int, to_year: int,
                 iso3s: Iterable[str] | None = None) -> pd.DataFrame:
    """Per-country change between two rounds; only countries with both rounds are returned.

    Columns: iso3, from_value, to_value, change, direction (improved / same / declined,
    meaningful where higher is better, as for 10.7.2).
    """
    rows = _subset(observations, [indicator_id], iso3s)
    first = rows[rows["year"] == from_year].set_index("iso3")["value"]
    second = rows[rows["year"] == to_year].set_index("iso3")["value"]
    both = pd.concat([first.rename("from_value"), second.rename("to_value")], axis=1, join="inner")
    both["change"] = both["to_value"] - both["from_value"]
    both["direction"] = pd.cut(both["change"], [-float("inf"), -1e-9, 1e-9, float("inf")],
                               labels=["declined", "same", "improved"]).astype(str)
    return both.reset_index().sort_values("iso3", ignore_index=True)


def coverage(observations: pd.DataFrame) -> pd.DataFrame:
    """Countries reporting per indicator and year (columns indicator_id, year, countries)."""
    return (observations.groupby(["indicator_id", "year"])["iso3"].nunique()
            .rename("countries").reset_index())


def objectives_without_indicator(indicators: pd.DataFrame, objectives: pd.DataFrame) -> list[int]:
    """Objective numbers that no indicator informs."""
    covered = {n for held in indicators["objectives"] for n in held}
    return [int(n) for n in objectives.index if n not in covered]


def objective_gaps(indicators: pd.DataFrame, objectives: pd.DataFrame, selected: Iterable[int] = ()) -> list[int]:
    """The objectives without an indicator that a view listing ``selected`` objectives must name
    as gaps: all of them when no objective is selected, else those among the selection."""
    gaps = objectives_without_indicator(indicators, objectives)
    chosen = {int(n) for n in selected}
    return [n for n in gaps if not chosen or n in chosen]
