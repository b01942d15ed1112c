"""Side-by-side values of 2-6 countries per indicator, with region and world medians. Pure; no Dash."""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from . import queries as q

COMPARE_COLUMNS = ("indicator_id", "label", "primary_objective", "iso3", "name", "region", "value",
                   "year", "nature", "status", "region_median", "region_count", "world_median",
                   "world_count")


def compare_rows(dataset, iso3s: Iterable[str], indicators: pd.DataFrame, year="latest") -> pd.DataFrame:
    """One row per (indicator, chosen country), missing values kept as NaN, in matrix order.

    Medians are over every country (not only the chosen ones) for the same year selection,
    via :func:`data.queries.group_medians`, so the reference points do not move with the choice.
    """
    iso3s = [i for i in iso3s if i in dataset.countries.index]
    ordered = q.ordered_indicators(indicators)
    values = q.with_status(q.values_for(dataset.observations, list(ordered.index), year), dataset.indicators)
    medians = q.group_medians(values, dataset.countries).set_index(["indicator_id", "group"])
    mine = values[values["iso3"].isin(iso3s)].set_index(["indicator_id", "iso3"])
    rows = []
    for ind_id, ind in ordered.iterrows():
        world = medians.loc[(ind_id, "World")] if (ind_id, "World") in medians.index else None
        for iso3 in iso3s:
            region = dataset.countries.at[iso3, "region"]
            reg = medians.loc[(ind_id, region)] if (ind_id, region) in medians.index else None
            have = (ind_id, iso3) in mine.index
            cell = mine.loc[(ind_id, iso3)] if have else None
            rows.append({
                "indicator_id": ind_id, "label": ind["label"], "primary_objective": int(ind["primary_objective"]),
                "iso3": iso3, "name": dataset.countries.at[iso3, "name"], "region": region,
                "value": float(cell["value"]) if have else float("nan"),
                "year": int(cell["year"]) if have else None,
                "nature": cell["nature"] if have else "", "status": cell["status"] if have else None,
                "region_median": float(reg["median"]) if reg is not None else float("nan"),
                "region_count": int(reg["count"]) if reg is not None else 0,
                "world_median": float(world["median"]) if world is not None else float("nan"),
                "world_count": int(world["count"]) if world is not None else 0,
            })
    frame = pd.DataFrame(rows, columns=list(COMPARE_COLUMNS))
    frame["year"] = frame["year"].astype("Int64")
    return frame


def indicators_with_data(rows: pd.DataFrame) -> list[str]:
    """Indicators where at least one chosen country has a value, in row order."""
    have = rows[rows["value"].notna()]
    return list(dict.fromkeys(have["indicator_id"]))
