"""The canonical, immutable data model every view reads.

A :class:`Dataset` is built once (at start-up or when the files change) and then
only read. Queries in :mod:`data.queries` take its frames and return new ones.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from .dataset_index import DatasetIndex

OBSERVATION_COLUMNS = ("iso3", "indicator_id", "year", "value", "nature", "source_id")

#: SDG "nature" codes, as documented in SOURCES.md.
NATURE_CODES = {
    "C": "Country data",
    "CA": "Country adjusted data",
    "E": "Estimated data",
    "G": "Global monitoring data",
    "M": "Modelled data",
    "N": "Non-relevant",
    "NA": "Not available",
}

#: Classifications known to be incomplete, with the wording the UI must show.
PARTIAL_CLASSIFICATIONS = {
    "gcm_champion": (
        "Partial list: 30 documented GCM Champion countries (28 from the 2023 Accra event, plus "
        "Bangladesh and Thailand from their own sources); other champions are not listed "
        "(see SOURCES.md, section 2d)."
    ),
}

#: Data that the project knows it does not have; listed in the methodology view.
KNOWN_GAPS = (
    "Voluntary GCM reviews: gcm_voluntary_reviews.csv is a one-row placeholder, not a list "
    "of reviewing countries, so it is not used for counting, mapping or filtering.",
    "GCM Champion countries: the list is partial (30 documented countries).",
    "SDG 10.7.2 has only the 2019 and 2021 rounds in the shipped data (SDG Global Database, December 2023).",
    "International migrant stock is not included (no offline copy after 2015).",
    "The Secretary-General's proposed limited set of indicators (IMRF Progress Declaration, "
    "para. 70) could not be retrieved; the objective mapping here is editorial.",
)


def _freeze(frame: pd.DataFrame) -> pd.DataFrame:
    """Mark a frame's flags so accidental in-place edits are easy to spot in tests."""
    frame.attrs["frozen"] = True
    return frame


@dataclass(frozen=True)
class Dataset:
    """All tables of the dashboard. Treat every frame as read-only.

    observations: iso3, indicator_id, year, value, nature, source_id
    indicators:   one row per dashboard indicator (gcm_indicator_map joined to the
                  SDG series catalogue), indexed by indicator_id
    countries:    one row per country/area, indexed by iso3, with every classification
    objectives:   the 23 GCM objectives, indexed by number, with each one's editorial lead
                  indicator (lead_indicator, "" for none; lead_why) from gcm_objective_leads.csv
    principles:   the 10 guiding principles, indexed by order
    sources:      citation, url, licence and vintage, indexed by source_id
    regional_shares: SG_CPA_MIGRP shares by SDG region (aggregates, never countries)
    corridors:    10.c.1 corridor costs (sending_iso3, receiving_iso3, year, value, ...)
    """

    observations: pd.DataFrame
    indicators: pd.DataFrame
    countries: pd.DataFrame
    objectives: pd.DataFrame
    principles: pd.DataFrame
    sources: pd.DataFrame
    regional_shares: pd.DataFrame
    corridors: pd.DataFrame
    version: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        for name in ("observations", "indicators", "countries", "objectives",
                     "principles", "sources", "regional_shares", "corridors"):
            _freeze(getattr(self, name))

    @cached_property  # the frames never change, and unique() over 1.9 M rows at 100x is ~5 ms
    def years(self) -> tuple[int, ...]:
        """Every year with at least one observation, ascending."""
        return tuple(sorted(int(y) for y in self.observations["year"].unique()))

    @cached_property  # built once per Dataset; a frozen dataclass still allows cached_property
    def index(self) -> DatasetIndex:
        """Row positions by indicator, country and year, and a per-dataset memo (see dataset_index)."""
        return DatasetIndex(self.observations)

    def indicator(self, indicator_id: str) -> pd.Series:
        """The catalogue row of one indicator (raises KeyError if unknown)."""
        return self.indicators.loc[indicator_id]
