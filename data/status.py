"""Honest status categories.

Only the ordinal 10.7.2 indicators carry the four official categories. A continuous
indicator gets a status band only where the catalogue (gcm_indicator_map.csv) records an
official target and ceiling (columns ``band_target``, ``band_ceiling``, ``band_labels``,
``status_rule``); every other value carries no status. The band rule itself is stated once,
in :func:`band_of`, and shown on the methodology page.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .formatting import has_band, is_missing, text_or_empty

#: The four official SDG 10.7.2 categories, in order.
ORDINAL_CATEGORIES = {
    1: "Requires further progress",
    2: "Partially meets",
    3: "Meets",
    4: "Fully meets",
}

NO_DATA = "No data"
#: The band rule in words, for the methodology page (the code is :func:`band_of`).
BAND_RULE = ("A banded value below the target is in the best band (value < target); from the target "
             "to the ceiling, both included, it is in the middle band (target \u2264 value \u2264 ceiling); "
             "above the ceiling it is in the worst band (value > ceiling). For remittance costs: below 3% "
             "meets the 3% target; exactly 5.00% is still within the 5% ceiling.")


@dataclass(frozen=True)
class Bands:
    """A target and a ceiling with the three band labels, best first (from the catalogue)."""

    target: float
    ceiling: float
    labels: tuple[str, str, str]
    rule: str = ""

    def label_of(self, value: float) -> str:
        """The band label of ``value`` (see :func:`band_of`)."""
        return self.labels[band_of(value, self.target, self.ceiling)]


def band_of(value: float, target: float, ceiling: float) -> int:
    """0 below the target, 1 from target to ceiling inclusive, 2 above the ceiling.

    SDG target 10.c: "reduce to less than 3 per cent ... and eliminate remittance corridors with
    costs higher than 5 per cent": so 3.00 is not below the target and 5.00 is not above the ceiling.
    """
    if value < target:
        return 0
    if value <= ceiling:
        return 1
    return 2


def bands_of(indicator: Mapping) -> Bands | None:
    """The :class:`Bands` of a catalogue row, or ``None`` when it has no band columns."""
    if not has_band(indicator):
        return None
    labels = tuple(s.strip() for s in str(indicator["band_labels"]).split(";"))
    if len(labels) != 3:
        raise ValueError(f"{indicator.get('indicator_id')}: band_labels needs three labels, got {labels}")
    return Bands(float(indicator["band_target"]), float(indicator["band_ceiling"]), labels,
                 str(indicator.get("status_rule") or ""))


def has_status(indicator: Mapping) -> bool:
    """True if values of this indicator carry a status category."""
    return indicator["kind"] == "ordinal_1_4" or has_band(indicator)


def status_labels(indicator: Mapping) -> list[str]:
    """Every status label of an indicator, worst first; empty if it has no status."""
    if indicator["kind"] == "ordinal_1_4":
        return list(ORDINAL_CATEGORIES.values())
    bands = bands_of(indicator)
    return [] if bands is None else list(reversed(bands.labels))


def status_of(indicator: Mapping, value: float | None) -> str | None:
    """The status label of ``value``; ``None`` when the indicator has no status or value is missing."""
    if is_missing(value):
        return None
    if indicator["kind"] == "ordinal_1_4":
        return ORDINAL_CATEGORIES.get(int(value)) if float(value).is_integer() else None
    bands = bands_of(indicator)
    return None if bands is None else bands.label_of(float(value))


def status_rule_text(indicator: Mapping) -> str:
    """How the status of this indicator is derived, in plain words."""
    if indicator["kind"] == "ordinal_1_4":
        return ("Official SDG 10.7.2 categories reported by governments: 1 Requires further progress, "
                "2 Partially meets, 3 Meets, 4 Fully meets.")
    bands = bands_of(indicator)
    if bands is not None:
        return bands.rule or BAND_RULE
    target = text_or_empty(indicator.get("official_target"))  # NaN when the catalogue cell is empty
    if target:
        return (f"Official target: {target}. No written banding rule, so values "
                "are shown against the target and region/world medians, without a status.")
    return "No official target: values are compared with region and world medians; no status is assigned."
