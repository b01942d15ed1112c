"""Side-by-side values of 2-6 countries per indicator, with region and world medians. Pure; no Dash."""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from . import queries as q
from .dataset_index import index_of
from .frames import column_rows
from .selection import year_medians
from .years import LATEST

COMPARE_COLUMNS = ("indicator_id", "label", "primary_objective", "iso3", "name", "region", "value",
                   "year", "nature", "status", "region_median", "region_count", "world_median",
                   "world_count")


def compare_rows(dataset, iso3s: Iterable[str], indicators: pd.DataFrame, year=LATEST) -> pd.DataFrame:
    """One row per (indicator, chosen country), missing values kept as NaN, in matrix order.

    Medians are over every country (not only the chosen ones) for the same year selection,
    via :func:`data.queries.group_medians`, so the reference points do not move with the choice.
    """
    countries = dataset.countries
    iso3s = [i for i in iso3s if i in countries.index]
    ordered = q.ordered_indicators(indicators)
    medians = year_medians(dataset, year)
    # Only the chosen countries' own rows: a handful of countries, whatever the size of the data.
    index = index_of(dataset)
    own = pd.concat([index.observations_of_country(i) for i in iso3s]) if iso3s else dataset.observations.iloc[0:0]
    values = q.with_status(q.values_for(own, list(ordered.index), year), dataset.indicators)
    cells = {(r["indicator_id"], r["iso3"]): r for r in values.to_dict("records")}
    place = {i: (countries.at[i, "name"], countries.at[i, "region"]) for i in iso3s}
    rows = []
    for ind_id, label, objective in column_rows(ordered, "indicator_id", "label", "primary_objective"):
        world = medians.get((ind_id, "World"))
        for iso3 in iso3s:
            name, region = place[iso3]
            reg = medians.get((ind_id, region))
            cell = cells.get((ind_id, iso3))
            rows.append({
                "indicator_id": ind_id, "label": label, "primary_objective": int(objective),
                "iso3": iso3, "name": name, "region": region,
                "value": float(cell["value"]) if cell else float("nan"),
                "year": int(cell["year"]) if cell else None,
                "nature": cell["nature"] if cell else "", "status": cell["status"] if cell else None,
                "region_median": reg[0] if reg else float("nan"), "region_count": reg[1] if reg else 0,
                "world_median": world[0] if world else float("nan"), "world_count": world[1] if world else 0,
            })
    frame = pd.DataFrame(rows, columns=list(COMPARE_COLUMNS))
    frame["year"] = frame["year"].astype("Int64")
    return frame


def indicators_with_data(rows: pd.DataFrame) -> list[str]:
    """Indicators where at least one chosen country has a value, in row order."""
    have = rows[rows["value"].notna()]
    return list(dict.fromkeys(have["indicator_id"]))
