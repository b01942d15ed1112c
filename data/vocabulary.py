"""Allow-lists derived from the data: every value a link or a callback may carry."""
from __future__ import annotations

from dataclasses import dataclass

from .catalogue import policy_indicators
from .model import Dataset

FLAGS = ("ldc", "lldc", "sids")
INCOME_ORDER = ("Low income", "Lower middle income", "Upper middle income", "High income")


@dataclass(frozen=True)
class Vocabulary:
    """The values the current data allows, each as a tuple in display order."""

    countries: tuple[str, ...]
    indicators: tuple[str, ...]
    years: tuple[int, ...]
    regions: tuple[str, ...]
    subregions: tuple[str, ...]
    commissions: tuple[str, ...]
    income_groups: tuple[str, ...]
    objectives: tuple[int, ...]
    principles: tuple[int, ...]
    years_by_indicator: dict
    policy_indicators: tuple[str, ...] = ()  # the SDG 10.7.2 series, from the catalogue

    def years_for(self, indicator_id: str) -> tuple[int, ...]:
        """Years with data for one indicator (empty tuple if unknown)."""
        return self.years_by_indicator.get(indicator_id, ())


def build_vocabulary(dataset: Dataset) -> Vocabulary:
    """Collect the allow-lists from ``dataset``."""
    c = dataset.countries
    obs = dataset.observations
    by_ind = {i: tuple(sorted(int(y) for y in g.unique()))
              for i, g in obs.groupby("indicator_id")["year"]}
    subregions = sorted({s for s in c["subregion"] if s} | {s for s in c["intermediate_region"] if s})
    commissions = sorted({k for held in c["commissions"] for k in held})
    incomes = [g for g in INCOME_ORDER if g in set(c["income_group"])]
    return Vocabulary(
        countries=tuple(sorted(c.index)),
        indicators=tuple(dataset.indicators.index),
        years=tuple(dataset.years),
        regions=tuple(sorted(r for r in c["region"].unique() if r)),
        subregions=tuple(subregions),
        commissions=tuple(commissions),
        income_groups=tuple(incomes),
        objectives=tuple(int(n) for n in dataset.objectives.index),
        principles=tuple(int(n) for n in dataset.principles.index),
        years_by_indicator=by_ind,
        policy_indicators=policy_indicators(dataset.indicators),
    )
