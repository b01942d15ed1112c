"""What the methodology view states: per-indicator documentation and known data gaps. Pure; no Dash."""
from __future__ import annotations

import pandas as pd

from . import queries as q
from .model import KNOWN_GAPS, NATURE_CODES, PARTIAL_CLASSIFICATIONS, Dataset
from .formatting import ROUNDING_RULE
from .status import BAND_RULE, bands_of, status_rule_text

#: A series whose best year has fewer reporting countries than this is listed as thin.
THIN_COUNTRIES = 30

KIND_TEXT = {"ordinal_1_4": "ordinal score (1-4)", "continuous": "continuous value", "count": "count"}
BASIS_TEXT = {"official": "official (the GCM or SDG text names this link)",
              "editorial": "editorial (a judgement of this project)"}


def nature_summary(observations: pd.DataFrame, indicator_id: str) -> str:
    """"C Country data (120), G Global monitoring data (8)"; empty codes counted as not recorded."""
    codes = observations.loc[observations["indicator_id"] == indicator_id, "nature"].fillna("")
    counts = codes.value_counts()
    parts = [f"{code} {NATURE_CODES.get(code, 'unknown code')} ({n})" if code else f"not recorded in source ({n})"
             for code, n in counts.items()]
    return ", ".join(parts) or "no observations"


def coverage_text(observations: pd.DataFrame, indicator_id: str) -> str:
    """"2019-2021, 2 years; up to 111 countries in a year (2019)"."""
    rows = observations[observations["indicator_id"] == indicator_id]
    if rows.empty:
        return "no observations"
    per_year = rows.groupby("year")["iso3"].nunique()
    best = int(per_year.idxmax())
    years = sorted(int(y) for y in per_year.index)
    span = f"{years[0]}" if len(years) == 1 else f"{years[0]}–{years[-1]}"
    return (f"{span}, {len(years)} year{'s' if len(years) != 1 else ''} with data; up to "
            f"{int(per_year.max())} countries in one year ({best}); {rows['iso3'].nunique()} countries in all")


def indicator_docs(dataset: Dataset) -> list[dict]:
    """One dict per indicator, in matrix order, with every field the methodology view shows."""
    objectives, principles, sources = dataset.objectives, dataset.principles, dataset.sources
    out = []
    for ind_id, ind in q.ordered_indicators(dataset.indicators).iterrows():
        src = sources.loc[ind["source_id"]] if ind["source_id"] in sources.index else None
        target = ind["official_target"] if isinstance(ind["official_target"], str) else "none"
        out.append({
            "indicator_id": ind_id, "label": ind["label"],
            "definition": ind["series_description"] or ind["label"],
            "sdg": f"SDG {ind['sdg_indicator']}, series {ind['series_code']}"
                   + (f" (breakdown: {ind['breakdown']})" if ind["breakdown"] else ""),
            "unit": f"{ind['unit']}; {KIND_TEXT.get(ind['kind'], ind['kind'])}; "
                    f"direction: {str(ind['direction']).replace('_', ' ')}",
            "target": target,
            "source": src["citation"] if src is not None else ind["source_id"],
            "source_url": src["url"] if src is not None else "",
            "licence": src["licence"] if src is not None else "not recorded",
            "vintage": src["vintage"] if src is not None else "not recorded",
            "nature": nature_summary(dataset.observations, ind_id),
            "coverage": coverage_text(dataset.observations, ind_id),
            "objectives": "; ".join(f"{n} {objectives.loc[n, 'short_label']}" for n in ind["objectives"]
                                    if n in objectives.index) or "none",
            "primary_objective": int(ind["primary_objective"]),
            "principles": "; ".join(f"{principles.loc[n, 'letter']} {principles.loc[n, 'title']}"
                                    for n in ind["principles"] if n in principles.index) or "none",
            "basis": BASIS_TEXT.get(ind["mapping_basis"], ind["mapping_basis"] or "not recorded"),
            "rationale": ind["rationale"] or "not recorded",
            "evidence": ind["evidence"] or "",
            "status": status_rule_text(ind),
        })
    return out


def band_rules(dataset: Dataset) -> list[str]:
    """"<indicator label>: <rule>" for every banded indicator of the catalogue (methodology page)."""
    return [f"{ind['label']}: {status_rule_text(ind)}" for _, ind in dataset.indicators.iterrows()
            if bands_of(ind) is not None]


def display_rules() -> list[str]:
    """The band rule and the rounding rule as stated on the methodology page."""
    return [BAND_RULE, ROUNDING_RULE]


def no_indicator_message(dataset: Dataset, objectives=(), principles=()) -> str:
    """Why a view has no indicator for the objective/principle filters, naming objective gaps.

    "No indicator measures objective 12 yet \u2014 see Methodology." when the chosen objectives are
    all gaps; otherwise the general message.
    """
    chosen = [int(n) for n in objectives]
    gaps = q.objective_gaps(dataset.indicators, dataset.objectives, chosen) if chosen else []
    if chosen and len(gaps) == len(chosen):
        noun = "objective" if len(gaps) == 1 else "objectives"
        listed = ", ".join(str(n) for n in gaps[:-1]) + (" or " if len(gaps) > 1 else "") + str(gaps[-1])
        return f"No indicator measures {noun} {listed} yet \u2014 see Methodology."
    return "No indicator is tagged with the selected objectives and principles."


def thin_series(dataset: Dataset, threshold: int = THIN_COUNTRIES) -> pd.DataFrame:
    """Indicators whose best year has fewer than ``threshold`` reporting countries.

    Columns: indicator_id, label, max_countries, years. Indicators with no data at all count as thin.
    """
    cov = q.coverage(dataset.observations)
    best = cov.groupby("indicator_id")["countries"].max()
    years = cov.groupby("indicator_id")["year"].nunique()
    rows = []
    for ind_id, ind in dataset.indicators.iterrows():
        n = int(best.get(ind_id, 0))
        if n < threshold:
            rows.append({"indicator_id": ind_id, "label": ind["label"], "max_countries": n,
                         "years": int(years.get(ind_id, 0))})
    return pd.DataFrame(rows, columns=["indicator_id", "label", "max_countries", "years"])


def known_gaps(dataset: Dataset) -> dict:
    """Every known gap the methodology view lists."""
    missing = q.objectives_without_indicator(dataset.indicators, dataset.objectives)
    return {
        "objectives_without_indicator": [(n, dataset.objectives.loc[n, "short_label"]) for n in missing],
        "thin_series": thin_series(dataset),
        "champion": PARTIAL_CLASSIFICATIONS["gcm_champion"],
        "known": list(KNOWN_GAPS),
    }
