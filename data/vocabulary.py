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
    #: (indicator id, primary objective, objectives, principles) in matrix column order, so a
    #: bare link such as ``?objective=20`` can pick the indicator the objective stands for.
    indicator_tags: tuple = ()

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
        indicator_tags=indicator_tags(dataset.indicators),
    )


def indicator_tags(indicators) -> tuple:
    """(id, primary objective, objectives, principles) per indicator, by primary objective then
    catalogue order (the order of :func:`data.queries.ordered_indicators`)."""
    rows = [(str(i), int(p), tuple(int(o) for o in obj), tuple(int(g) for g in pr), pos)
            for pos, (i, p, obj, pr) in enumerate(zip(indicators.index, indicators["primary_objective"],
                                                      indicators["objectives"], indicators["principles"]))]
    return tuple(r[:4] for r in sorted(rows, key=lambda r: (r[1], r[4])))


def indicator_for(tags: tuple, current: str, objectives, principles) -> str | None:
    """The indicator a choice of objectives and principles stands for, or ``None`` to keep
    ``current``: one whose primary objective was chosen first (objective 20 gives remittance
    cost, not a 10.7.2 domain that merely touches it), else ``current`` if still in scope, else
    the first in scope. ``None`` as well when nothing is in scope (the view says so)."""
    objectives, principles = set(objectives), set(principles)
    if not objectives and not principles:
        return None
    in_scope = [t for t in tags if (not objectives or objectives & set(t[2]))
                and (not principles or principles & set(t[3]))]
    if not in_scope:
        return None
    primary = [t[0] for t in in_scope if t[1] in objectives]
    ids = [t[0] for t in in_scope]
    if current in primary or (not primary and current in ids):
        return None
    return (primary or ids)[0]
