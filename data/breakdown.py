"""Select one value per country and year from a multi-dimensional SDG series.

A breakdown is the ``key=value;...`` filter of gcm_indicator_map.csv. Keys that
are columns of the frame are matched against that column; other keys are matched
inside the ``other_breakdown`` column (also ``key=value;...``), as documented in
gcm_indicator_map.md.
"""
from __future__ import annotations

import pandas as pd


class BreakdownError(ValueError):
    """A breakdown does not select exactly one value per country and year."""


def parse_pairs(text: str | None) -> dict[str, str]:
    """Parse ``a=1;b=2`` into ``{"a": "1", "b": "2"}``; empty text gives ``{}``."""
    pairs: dict[str, str] = {}
    for part in str(text or "").split(";"):
        part = part.strip()
        if not part:
            continue
        key, sep, value = part.partition("=")
        if not sep:
            raise BreakdownError(f"breakdown part {part!r} is not key=value")
        pairs[key.strip()] = value.strip()
    return pairs


def breakdown_mask(frame: pd.DataFrame, breakdown: str | None) -> pd.Series:
    """Boolean mask of the rows of ``frame`` that match ``breakdown``."""
    mask = pd.Series(True, index=frame.index)
    wanted = parse_pairs(breakdown)
    other = None
    for key, value in wanted.items():
        if key in frame.columns:
            mask &= frame[key].fillna("").astype(str).str.upper() == value.upper()
            continue
        if other is None:
            other = frame.get("other_breakdown", pd.Series("", index=frame.index)).fillna("").map(parse_pairs)
        mask &= other.map(lambda pairs, k=key, v=value: pairs.get(k, "").lower() == v.lower())
    return mask


def check_one_per_country_year(selected: pd.DataFrame, label: str) -> None:
    """Raise :class:`BreakdownError` if any (iso3, year) appears more than once."""
    dup = selected.duplicated(["iso3", "year"], keep=False)
    if dup.any():
        examples = selected.loc[dup, ["iso3", "year"]].drop_duplicates().head(5)
        listed = ", ".join(f"{r.iso3} {r.year}" for r in examples.itertuples())
        raise BreakdownError(
            f"{label}: breakdown selects more than one value for {int(dup.sum())} rows "
            f"(e.g. {listed}); add the missing dimension to the breakdown"
        )
