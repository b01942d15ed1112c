"""Change between the two SDG 10.7.2 rounds, and continuous series over time. Pure; no Dash.

Only countries that reported both rounds are compared; the ones that reported a single round are
counted separately so every view can say how many were left out. The round comparisons read a
per-dataset table (:func:`rounds_of`) rather than the observations.
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from .dataset_index import index_of
from .model import Dataset
from .catalogue import policy_indicators

ROUNDS = (2019, 2021)
DIRECTIONS = ("improved", "same", "declined")
ONE_ROUND = "one round"  # direction of a country that reported only one of the two rounds
KINDS = (*DIRECTIONS, ONE_ROUND)
WORLD = "World"
#: Half-width of the "same" band, as in :func:`data.queries.round_change` (scores are whole numbers).
SAME_BAND = 1e-9


# Why a table: the change view needs, for each of the seven 10.7.2 series, who reported both rounds
# (and how they moved) and who reported one. Scanning every observation for that on each request cost
# ~35 ms on the shipped data and grows with the data; the table is built once per dataset (see
# rounds_of) and each request only filters its few hundred rows per series.
def round_table(observations: pd.DataFrame, indicator_ids: Iterable[str]) -> pd.DataFrame:
    """Both rounds side by side: one row per (indicator_id, iso3) that reported at least one of them.

    Columns: indicator_id, iso3, from_value, to_value (NaN for a missing round), change, direction
    (improved / same / declined as in :func:`data.queries.round_change`, or ``ONE_ROUND``).
    Sorted by indicator_id, iso3. Raises ValueError if a country has two values in one round,
    as round_change does (loaded data has at most one, see data/breakdown.py).
    """
    rows = observations[observations["indicator_id"].isin(list(indicator_ids))
                        & observations["year"].isin(ROUNDS) & observations["value"].notna()]
    wide = rows.set_index(["indicator_id", "iso3", "year"])["value"].unstack("year")
    wide = wide.reindex(columns=list(ROUNDS))
    table = pd.DataFrame({"from_value": wide[ROUNDS[0]], "to_value": wide[ROUNDS[1]]},
                         index=wide.index).reset_index()
    table["change"] = table["to_value"] - table["from_value"]
    table["direction"] = pd.Series(_direction(table["change"].to_numpy()), index=table.index, dtype=str)
    return table.sort_values(["indicator_id", "iso3"], ignore_index=True)


def _direction(change: np.ndarray) -> np.ndarray:
    """round_change's bands (-inf, -1e-9], (-1e-9, 1e-9], (1e-9, inf); NaN (one round) -> ONE_ROUND."""
    bands = [change > SAME_BAND, change > -SAME_BAND, change <= -SAME_BAND]
    return np.select(bands, DIRECTIONS, default=ONE_ROUND)


def rounds_of(dataset: Dataset) -> pd.DataFrame:
    """The :func:`round_table` of every 10.7.2 series in ``dataset``, built once per dataset (read-only)."""
    index = index_of(dataset)
    policy = policy_indicators(dataset.indicators)
    return index.memo(("change_rounds",),
                      lambda: round_table(index.observations_for(policy), policy))


def _rows_of(rounds: pd.DataFrame, indicator_ids: list[str],
             iso3s: Iterable[str] | None) -> tuple[pd.DataFrame, np.ndarray]:
    """Rows of ``rounds`` for ``indicator_ids`` (in that order) and ``iso3s``, and each row's index in ids.

    round_table sorts by indicator_id, so each indicator is one contiguous slice found by binary
    search: the cost follows the rows asked for, not the size of the table.
    """
    column = rounds["indicator_id"]
    spans = [(column.searchsorted(ind, "left"), column.searchsorted(ind, "right")) for ind in indicator_ids]
    positions = np.concatenate([np.arange(lo, hi) for lo, hi in spans] or [np.arange(0)])
    ind_code = np.repeat(np.arange(len(spans)), [hi - lo for lo, hi in spans])
    rows = rounds.iloc[positions]
    if iso3s is not None:
        keep = rows["iso3"].isin(list(iso3s)).to_numpy()
        rows, ind_code = rows[keep], ind_code[keep]
    return rows, ind_code


def _kind_codes(direction: np.ndarray) -> np.ndarray:
    """Position of each direction in KINDS (improved 0, same 1, declined 2, one round 3)."""
    codes = np.zeros(len(direction), dtype=np.int64)
    for code, kind in enumerate(KINDS[1:], start=1):
        codes[direction == kind] = code
    return codes


def _lookup(countries: pd.DataFrame, column: str, iso3: np.ndarray, missing) -> np.ndarray:
    """``countries[column]`` for each code in ``iso3``; ``missing`` where the code or its value is absent."""
    pos = countries.index.get_indexer(iso3)
    values = countries[column].to_numpy(dtype=object, na_value=None)[pos]
    absent = (pos < 0) | pd.isna(values)
    return np.where(absent, missing, values)


def left_out(rounds: pd.DataFrame, indicator_id: str, iso3s: Iterable[str] | None = None) -> list[str]:
    """ISO3 codes that reported exactly one of the two rounds (so cannot be compared).

    ``rounds`` is a :func:`round_table` (usually :func:`rounds_of` the dataset).
    """
    rows, _ = _rows_of(rounds, [indicator_id], iso3s)
    once = rows["direction"].to_numpy(dtype=object) == ONE_ROUND
    return sorted(rows["iso3"].to_numpy(dtype=object)[once])


def dumbbell_rows(rounds: pd.DataFrame, countries: pd.DataFrame, indicator_id: str,
                  iso3s: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per country with both rounds: iso3, from_value, to_value, change, direction, name, region.

    ``rounds`` is a :func:`round_table`. Ordered improved, same, declined; within each by size of
    change, then 2021 value, then name.
    """
    rows, _ = _rows_of(rounds, [indicator_id], iso3s)
    kind = _kind_codes(rows["direction"].to_numpy(dtype=object))
    both = kind < len(DIRECTIONS)
    rows, kind = rows[both], kind[both]
    iso3 = rows["iso3"].to_numpy(dtype=object)
    name = _lookup(countries, "name", iso3, missing=iso3)
    # np.lexsort is stable and sorts by its last key first, like sort_values on several columns.
    order = np.lexsort((name, -rows["to_value"].to_numpy(), -rows["change"].abs().to_numpy(), kind))
    out = rows.drop(columns="indicator_id").iloc[order].reset_index(drop=True)
    return out.assign(name=pd.Series(name[order], dtype=str),
                      region=pd.Series(_lookup(countries, "region", iso3[order], missing=""), dtype=str))


def change_counts(rounds: pd.DataFrame, countries: pd.DataFrame, indicator_ids: Iterable[str],
                  iso3s: Iterable[str] | None = None, by: str = "region") -> pd.DataFrame:
    """Improved / same / declined counts per indicator and group (plus World), with left-out counts.

    ``rounds`` is a :func:`round_table`; ``by`` a text column of ``countries``. Columns:
    indicator_id, group, improved, same, declined, both, left_out. Per indicator (in the given
    order, each once): World, then every group with a country that reported either round, by name.
    Countries without a group count towards World only.
    """
    ids = list(dict.fromkeys(indicator_ids))
    rows, ind_code = _rows_of(rounds, ids, iso3s)
    group = _lookup(countries, by, rows["iso3"].to_numpy(dtype=object), missing="")
    group_code, groups = pd.factorize(group, sort=True)
    # One bincount gives every (indicator, group, kind) count; the loop below only lays out the rows.
    kind = _kind_codes(rows["direction"].to_numpy(dtype=object))
    shape = (len(ids), len(groups), len(KINDS))
    counts = np.bincount(np.ravel_multi_index((ind_code, group_code, kind), shape),
                         minlength=int(np.prod(shape))).reshape(shape)
    keys, table = [], []
    for i, ind in enumerate(ids):
        keys.append((ind, WORLD))
        table.append(counts[i].sum(axis=0))
        for g in np.flatnonzero(counts[i].any(axis=1)):
            if groups[g]:
                keys.append((ind, groups[g]))
                table.append(counts[i, g])
    table = np.array(table, dtype=np.int64).reshape(-1, len(KINDS))
    return pd.DataFrame({"indicator_id": pd.Series([k[0] for k in keys], dtype=str),
                         "group": pd.Series([k[1] for k in keys], dtype=str),
                         **{d: table[:, j] for j, d in enumerate(DIRECTIONS)},
                         "both": table[:, :len(DIRECTIONS)].sum(axis=1), "left_out": table[:, -1]})


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


#: The four 10.7.2 categories, worst first: the rows (2019) and columns (2021) of a transition matrix.
CATEGORIES = (1, 2, 3, 4)


def transition_matrix(rows: pd.DataFrame) -> pd.DataFrame:
    """The 4x4 from->to table of :func:`dumbbell_rows`: one row per (from_category, to_category).

    Columns: from_category, to_category, count, names (country names in that cell, sorted),
    direction (improved above the diagonal, same on it, declined below). All 16 cells are present,
    empty ones with count 0; a value outside 1..4 (not a whole category) is not counted.
    """
    cells = {(a, b): [] for a in CATEGORIES for b in CATEGORIES}
    for name, a, b in zip(rows["name"].tolist(), rows["from_value"].tolist(), rows["to_value"].tolist()):
        key = (a, b)
        if key in cells:  # 2.0 == 2: whole-number floats find their integer cell
            cells[key].append(name)
    return pd.DataFrame([
        {"from_category": a, "to_category": b, "count": len(names), "names": sorted(names),
         "direction": "improved" if b > a else "declined" if b < a else "same"}
        for (a, b), names in cells.items()])


def first_and_latest(observations: pd.DataFrame, countries: pd.DataFrame, indicator: pd.Series,
                     iso3s: Iterable[str], base_year: int = ROUNDS[0]) -> pd.DataFrame:
    """Each country's value in ``base_year`` against its latest later value, for a continuous indicator.

    One row per country that reported both: iso3, name, region, from_year, from_value, to_year,
    to_value, change, direction. Countries without a ``base_year`` value or without a later one are
    left out (see :func:`first_and_latest_left_out`); nothing is carried over from other years.
    ``direction`` follows the indicator's good direction ("improved", "same", "declined"), or is
    "higher", "same", "lower" for an indicator without one. Ordered by name.
    """
    rows = observations[(observations["indicator_id"] == indicator.name)
                        & observations["iso3"].isin(list(iso3s)) & observations["value"].notna()]
    base = rows[rows["year"] == base_year].drop_duplicates("iso3", keep="last").set_index("iso3")["value"]
    later = rows[rows["year"] > base_year].sort_values(["iso3", "year"], kind="stable")
    latest = later.drop_duplicates("iso3", keep="last").set_index("iso3")
    both = base.index.intersection(latest.index)
    out = pd.DataFrame({"iso3": both.astype(str), "from_year": base_year,
                        "from_value": base.loc[both].to_numpy(dtype=float),
                        "to_year": latest.loc[both, "year"].to_numpy(dtype=int),
                        "to_value": latest.loc[both, "value"].to_numpy(dtype=float)})
    out["change"] = out["to_value"] - out["from_value"]
    good = indicator.get("direction", "none")
    sign = np.sign(np.where(np.abs(out["change"]) <= SAME_BAND, 0.0, out["change"]))
    if good in ("higher_is_better", "lower_is_better"):
        better = sign if good == "higher_is_better" else -sign
        words = np.select([better > 0, better < 0], ["improved", "declined"], "same")
    else:
        words = np.select([sign > 0, sign < 0], ["higher", "lower"], "same")
    out["direction"] = pd.Series(words, index=out.index, dtype=str)
    iso3 = out["iso3"].to_numpy(dtype=object)
    out["name"] = pd.Series(_lookup(countries, "name", iso3, missing=iso3), dtype=str)
    out["region"] = pd.Series(_lookup(countries, "region", iso3, missing=""), dtype=str)
    return out.sort_values("name", ignore_index=True)


def first_and_latest_left_out(observations: pd.DataFrame, indicator_id: str, iso3s: Iterable[str],
                              base_year: int = ROUNDS[0]) -> int:
    """How many of ``iso3s`` reported ``indicator_id`` at all but not both in ``base_year`` and later."""
    rows = observations[(observations["indicator_id"] == indicator_id)
                        & observations["iso3"].isin(list(iso3s)) & observations["value"].notna()]
    has_base = set(rows.loc[rows["year"] == base_year, "iso3"])
    has_later = set(rows.loc[rows["year"] > base_year, "iso3"])
    return len(set(rows["iso3"]) - (has_base & has_later))
