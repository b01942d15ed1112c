"""Words and numbers shared by the figure builders (hover text, axis titles)."""
from __future__ import annotations

import math
import re

import pandas as pd

from data.model import NATURE_CODES

DIRECTION_TEXT = {
    "higher_is_better": "higher is better",
    "lower_is_better": "lower is better",
    "none": "no normative direction",
}


def direction_text(direction: str | None) -> str:
    """Plain words for an indicator's direction."""
    return DIRECTION_TEXT.get(direction or "none", "no normative direction")


def nature_text(code: str | None) -> str:
    """``"C: Country data"`` for an SDG nature code; says so when the source gave none."""
    if code is None or (isinstance(code, float) and math.isnan(code)) or str(code).strip() == "":
        return "not recorded in source"
    code = str(code).strip()
    return f"{code}: {NATURE_CODES.get(code, 'unknown code')}"


def is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def format_number(value: float, kind: str) -> str:
    """Counts as whole numbers with separators; other values with up to 3 significant decimals."""
    if kind == "count" or (kind == "ordinal_1_4" and float(value).is_integer()):
        return f"{value:,.0f}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:,.1f}"
    return f"{value:,.2f}"


def format_value(value, indicator: pd.Series) -> str:
    """A value with its unit, e.g. ``"6.2% of amount sent"`` or ``"3 of 4"`` for 10.7.2 scores."""
    if is_missing(value):
        return "no data"
    number = format_number(float(value), indicator["kind"])
    if indicator["kind"] == "ordinal_1_4":
        return f"{number} of 4"
    unit = str(indicator.get("unit") or "")
    if unit.startswith("%"):
        return f"{number}{unit}"
    return f"{number} {unit}".strip()


def numeric_target(indicator: pd.Series) -> float | None:
    """The number in an official target like ``"below 3% by 2030"``; None if there is none."""
    text = indicator.get("official_target")
    if not isinstance(text, str):
        return None
    match = re.search(r"(\d+(?:\.\d+)?)\s*%", text)
    return float(match.group(1)) if match else None


def target_text(indicator: pd.Series) -> str:
    """The official target up to its first parenthesis, e.g. ``"below 3% by 2030"``."""
    text = indicator.get("official_target")
    return text.split("(")[0].strip() if isinstance(text, str) else ""


def default_source(indicator: pd.Series) -> str:
    """A one-line source credit built from the catalogue row."""
    if indicator.get("source_id") == "sdg_global_database":
        where = "UN Global SDG Indicators Database"
    else:
        where = str(indicator.get("source_id") or "see Sources")
    series = indicator.get("series_code") or ""
    sdg = indicator.get("sdg_indicator") or ""
    detail = ", ".join(x for x in (f"indicator {sdg}" if sdg else "", f"series {series}" if series else "") if x)
    return f"Source: {where}" + (f" ({detail})" if detail else "") + "."
