"""Honest status categories.

Only the ordinal 10.7.2 indicators carry the four official categories. A continuous
indicator gets a status band only where the catalogue records an official target and
a written rule (``STATUS_RULES``); every other value carries no status.
"""
from __future__ import annotations

import math

import pandas as pd

#: The four official SDG 10.7.2 categories, in order.
ORDINAL_CATEGORIES = {
    1: "Requires further progress",
    2: "Partially meets",
    3: "Meets",
    4: "Fully meets",
}

#: Written status rules for continuous indicators with an official target.
#: Each band is (upper bound exclusive or None, label). Shown in the methodology view.
STATUS_RULES = {
    "sdg10_c_1_cost_to_receiving": {
        "rule": "SDG target 10.c and GCM Objective 20 (para. 36(a)): below 3% meets the target; "
                "3% to 5% is above the target; above 5% is above the corridor ceiling.",
        "bands": ((3.0, "Below 3% target"), (5.0, "3-5%: above target"), (None, "Above 5% ceiling")),
    },
    "sdg10_c_1_cost_from_sending": {
        "rule": "SDG target 10.c and GCM Objective 20 (para. 36(a)): below 3% meets the target; "
                "3% to 5% is above the target; above 5% is above the corridor ceiling.",
        "bands": ((3.0, "Below 3% target"), (5.0, "3-5%: above target"), (None, "Above 5% ceiling")),
    },
}

NO_DATA = "No data"


def has_status(indicator: pd.Series) -> bool:
    """True if values of this indicator carry a status category."""
    return indicator["kind"] == "ordinal_1_4" or indicator["indicator_id"] in STATUS_RULES


def status_labels(indicator: pd.Series) -> list[str]:
    """Every status label of an indicator, worst first; empty if it has no status."""
    if indicator["kind"] == "ordinal_1_4":
        return list(ORDINAL_CATEGORIES.values())
    rule = STATUS_RULES.get(indicator["indicator_id"])
    if rule is None:
        return []
    return [label for _, label in reversed(rule["bands"])]


def status_of(indicator: pd.Series, value: float | None) -> str | None:
    """The status label of ``value``; ``None`` when the indicator has no status or value is missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if indicator["kind"] == "ordinal_1_4":
        return ORDINAL_CATEGORIES.get(int(value)) if float(value).is_integer() else None
    rule = STATUS_RULES.get(indicator["indicator_id"])
    if rule is None:
        return None
    for upper, label in rule["bands"]:
        if upper is None or value < upper:
            return label
    return None


def status_rank(indicator: pd.Series, value: float | None) -> int | None:
    """0-based rank of the status, worst = 0, for sorting; ``None`` when there is no status."""
    label = status_of(indicator, value)
    if label is None:
        return None
    return status_labels(indicator).index(label)


def status_rule_text(indicator: pd.Series) -> str:
    """How the status of this indicator is derived, in plain words."""
    if indicator["kind"] == "ordinal_1_4":
        return ("Official SDG 10.7.2 categories reported by governments: 1 Requires further progress, "
                "2 Partially meets, 3 Meets, 4 Fully meets.")
    rule = STATUS_RULES.get(indicator["indicator_id"])
    if rule is not None:
        return rule["rule"]
    if indicator.get("official_target"):
        return (f"Official target: {indicator['official_target']}. No written banding rule, so values "
                "are shown against the target and region/world medians, without a status.")
    return "No official target: values are compared with region and world medians; no status is assigned."
