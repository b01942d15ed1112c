"""Turn filter choices (primitives) into the countries, indicators and values a view shows."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import queries as q
from .dataset_index import index_of
from .model import Dataset
from .years import LATEST

@dataclass(frozen=True)
class Selection:
    """What the filters leave: countries (rows of Dataset.countries), indicators and values."""

    countries: pd.DataFrame
    indicators: pd.DataFrame
    values: pd.DataFrame  # iso3, indicator_id, year, value, nature, source_id, status, status_rank
    year: str
    #: Every area the classification filters keep, before areas without observations are dropped:
    #: the other end of a remittance corridor can be such an area (Kosovo).
    areas: pd.DataFrame | None = None

    @property
    def year_label(self) -> str:
        """'Latest available' or the year, for titles and sentences."""
        return "latest available year" if self.year == LATEST else str(self.year)


def year_values(dataset: Dataset, year) -> pd.DataFrame:
    """Every country's values for the ``year`` selection (one year, or each country's latest),
    with their status: the same for every filter, so built once per dataset (read-only)."""
    return index_of(dataset).memo(("year_values", str(year)), lambda: q.with_status(
        q.values_for(dataset.observations, None, year), dataset.indicators))


def year_medians(dataset: Dataset, year) -> dict[tuple[str, str], tuple[float, int]]:
    """{(indicator_id, region or "World"): (median, count)} over every country's values for the
    ``year`` selection, once per dataset (read-only; the profile and compare views)."""
    def build():
        frame = q.group_medians(year_values(dataset, year), dataset.countries)
        return {(ind_id, group): (float(median), int(count)) for ind_id, group, median, count
                in zip(*(frame[c].tolist() for c in ("indicator_id", "group", "median", "count")))}
    return index_of(dataset).memo(("year_medians", str(year)), build)


def _values(index, dataset: Dataset, chosen: list, year, iso3s: list) -> pd.DataFrame:
    """q.values_for over the whole dataset with q.with_status, from per-dataset structures.

    The latest value per (indicator, country), and its status, do not depend on which other
    countries are selected, so they are computed once per dataset and then only sliced (same
    rows, same order).
    """
    if year != LATEST:
        # One year's rows first: a small slice even when every indicator is chosen (the matrix).
        return q.with_status(q.values_for(index.observations_in_year(int(year)), chosen, year, iso3s),
                             dataset.indicators)
    latest = year_values(dataset, LATEST)
    by_indicator = index.memo(("latest_by_indicator",),
                              lambda: latest.groupby("indicator_id", sort=False).indices)
    positions = [by_indicator[i] for i in dict.fromkeys(chosen) if i in by_indicator]
    rows = latest.iloc[np.sort(np.concatenate(positions))] if positions else latest.iloc[0:0]
    return rows[rows["iso3"].isin(iso3s)].reset_index(drop=True)


def select(dataset: Dataset, *, year: str = LATEST, indicator_ids=None, region=(), subregion=(),
           commission=(), income_group=(), flag=(), champion=False, objective=(), principle=()) -> Selection:
    """Apply every filter; ``indicator_ids=None`` keeps all indicators that pass objective/principle."""
    countries = q.filter_countries(dataset.countries, regions=region, subregions=subregion,
                                   commissions=commission, income_groups=income_group, flags=flag,
                                   champion_only=champion)
    # Areas that are not UN members and never report would only add empty rows.
    index = index_of(dataset)
    areas = countries
    countries = countries[countries["un_member"] | countries.index.isin(index.reporting)]
    indicators = q.indicators_for(dataset.indicators, objective, principle)
    if indicator_ids is not None:
        indicators = indicators[indicators.index.isin(list(indicator_ids))]
    chosen = list(indicators.index)
    values = _values(index, dataset, chosen, year, countries.index.tolist())
    return Selection(countries=countries, indicators=indicators, values=values, year=year, areas=areas)
