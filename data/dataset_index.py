"""Per-dataset lookup structures, built once per loaded :class:`Dataset` and then only read.

A Dataset is immutable, so anything derived from it alone (which rows belong to an indicator or
a country, every country's latest values with their status) can be computed on first use and
reused by every later request. Without this, each callback scanned all observations: fine for
the shipped 19k rows, ~0.5 s per view at 100x. The index is an attribute of its Dataset
(``Dataset.index``) and part of the served snapshot (``data.snapshot.Snapshot.index``), so it
lives and dies with the data it describes: a reload starts with a fresh index, and there is no
process-wide registry to get out of step.

This module deliberately does not import :mod:`data.model` (the model imports it).
"""
from __future__ import annotations

import threading
from collections.abc import Iterable

import numpy as np
import pandas as pd


class DatasetIndex:
    """Row positions by indicator and by country, the reporting countries, and a memo."""

    def __init__(self, observations: pd.DataFrame):
        obs = observations
        self._observations = obs
        self.reporting = frozenset(obs["iso3"].unique())
        self._by_indicator = obs.groupby("indicator_id", sort=False).indices
        self._by_iso3 = obs.groupby("iso3", sort=False).indices
        self._by_year = obs.groupby("year", sort=False).indices
        self._memo: dict = {}
        self._lock = threading.Lock()

    def _rows(self, positions: list[np.ndarray]) -> pd.DataFrame:
        if not positions:
            return self._observations.iloc[0:0]
        # Sorted positions keep the original row order (and index), so results match a full scan.
        return self._observations.iloc[np.sort(np.concatenate(positions))]

    def observations_for(self, indicator_ids: Iterable[str] | None) -> pd.DataFrame:
        """The observation rows of ``indicator_ids`` (all rows for None), in original order."""
        if indicator_ids is None:
            return self._observations
        return self._rows([self._by_indicator[i] for i in dict.fromkeys(indicator_ids)
                           if i in self._by_indicator])

    def observations_in_year(self, year: int) -> pd.DataFrame:
        """The observation rows of one year, in original order."""
        return self._rows([self._by_year[year]] if year in self._by_year else [])

    def observations_of_country(self, iso3: str) -> pd.DataFrame:
        """The observation rows of one country, in original order."""
        return self._rows([self._by_iso3[iso3]] if iso3 in self._by_iso3 else [])

    def one_value_per_cell(self) -> bool:
        """True when no country has two values for one indicator and year (validation guarantees
        it for loaded data), so a one-year or latest selection has at most one value per cell.
        Checked once per dataset."""
        return self.memo(("one_value_per_cell",), lambda: not self._observations.duplicated(
            ["iso3", "indicator_id", "year"]).any())

    def memo(self, key, build):
        """``build()`` once per key for this dataset; the result must be treated as read-only."""
        try:
            return self._memo[key]
        except KeyError:
            pass
        value = build()
        with self._lock:
            return self._memo.setdefault(key, value)


def index_of(dataset) -> DatasetIndex:
    """The :class:`DatasetIndex` of ``dataset`` (a :class:`data.model.Dataset`), built on first use."""
    return dataset.index
