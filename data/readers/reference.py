"""Reference tables a reader needs: which series map to which indicator, and M49/ISO3 lookups."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..breakdown import parse_pairs
from ..catalogue import read_csv_text
from ..paths import DEFAULT_FOLDER
from ..model import Dataset


def m49_int(code: object) -> int | None:
    """``"004"``, ``"4"`` and ``"4.0"`` all give 4; anything else gives None."""
    text = str(code).strip()
    if text.endswith(".0"):
        text = text[:-2]
    return int(text) if text.isdigit() else None


@dataclass(frozen=True)
class Reference:
    """Lookups built once from a :class:`Dataset` (never from the user file)."""

    indicators: pd.DataFrame          # indicator_id, series_code, breakdown, kind
    iso3: frozenset[str]
    m49_to_iso3: dict[int, str]
    name_to_iso3: dict[str, str]
    aggregate_m49: dict[int, str]     # World, M49 regions, SDG regions and groupings
    catalogue_series: frozenset[str] = frozenset()  # every series in sdg_series_catalogue.csv

    @classmethod
    def from_dataset(cls, dataset: Dataset, folder: Path | str = DEFAULT_FOLDER) -> "Reference":
        """Build the lookups from ``dataset`` plus the M49 region codes in ``folder``."""
        countries = dataset.countries
        m49 = {m49_int(code): iso for iso, code in zip(countries["iso3"], countries["m49"])}
        names = {str(n).strip().lower(): iso for iso, n in zip(countries["iso3"], countries["name"])}
        aggregates = {1: "World"}
        ref = read_csv_text(Path(folder) / "country_reference_m49.csv")
        for level in ("region", "subregion", "intermediate_region"):
            for code, label in zip(ref[f"{level}_code"], ref[level]):
                if m49_int(code) is not None:
                    aggregates[m49_int(code)] = label
        shares = dataset.regional_shares
        for code, label in zip(shares["m49_area_code"], shares["area_name"]):
            aggregates.setdefault(m49_int(code), label)
        indicators = dataset.indicators[["indicator_id", "series_code", "breakdown", "kind"]]
        catalogue = frozenset(read_csv_text(Path(folder) / "sdg_series_catalogue.csv")["series_code"])
        return cls(indicators.reset_index(drop=True), frozenset(countries["iso3"]),
                   {k: v for k, v in m49.items() if k is not None}, names, aggregates,
                   catalogue | frozenset(indicators["series_code"]))

    def breakdowns(self, series_code: str) -> list[tuple[str, dict[str, str]]]:
        """(indicator_id, breakdown pairs) of every indicator built on ``series_code``."""
        rows = self.indicators[self.indicators["series_code"] == series_code]
        return [(r.indicator_id, parse_pairs(r.breakdown)) for r in rows.itertuples()]

    def kinds(self) -> dict[str, str]:
        """indicator_id -> kind (ordinal_1_4, continuous, count)."""
        return dict(zip(self.indicators["indicator_id"], self.indicators["kind"]))
