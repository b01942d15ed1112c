"""The one formatter: how every value, share, nature code and year mix reads, wherever it is shown.

Sentences, the matrix, the profile, tables, hovers and exports all format through this module,
so one value reads the same everywhere. Pure strings, no Dash. Missing values never print as
"nan", "NaN" or "None": they read "no data" (a value) or "" (an optional label).

Rounding rules (stated on the methodology page, :data:`ROUNDING_RULE`):
- a value that carries a status band (remittance costs) keeps two decimals, so a displayed number
  never contradicts its band (2.96 reads "2.96%", not "3.0%");
- percentages in tables and sentences round half up (48.5 reads "49"), not half to even.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from .model import NATURE_CODES

NO_DATA = "no data"
NOT_RECORDED = "not recorded in source"
#: The page line under every chart, also drawn into every chart's footer so exports carry it.
MAPPING_NOTE = "Objective mapping is editorial (see Methodology)."
ROUNDING_RULE = ("Rounding: remittance costs, which carry a band, are always shown with two decimals, so a "
                 "shown number never contradicts its band (2.96 is \u201c2.96%\u201d, below the 3% target). "
                 "Other values: whole numbers from 100, one decimal from 10, two decimals from 1, three "
                 "significant digits below 1. Percentages in tables and sentences round half up "
                 "(48.5 is \u201c49\u201d).")

DIRECTION_TEXT = {
    "higher_is_better": "higher is better",
    "lower_is_better": "lower is better",
    "none": "no normative direction",
}


def is_missing(value) -> bool:
    """True for None, NaN, pandas NA and NaT."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def text_or_empty(value) -> str:
    """``value`` as text, or "" when it is missing, so no "nan"/"None" reaches a label."""
    return "" if is_missing(value) else str(value)


def has_band(indicator: Mapping) -> bool:
    """True when the catalogue row carries a status band (a target and a ceiling)."""
    target = indicator.get("band_target")
    return target is not None and not is_missing(target) and str(target) != ""


def format_banded(value, unit: str = "%") -> str:
    """A value that carries a band (a remittance cost), always with two decimals: "5.00%".

    Two decimals because the band edges (3 and 5) are exact: one decimal would print 2.96 as
    "3.0" beside "Below 3% target". ``unit`` is appended as is ("%" or "" for the number alone).
    """
    return NO_DATA if is_missing(value) else f"{float(value):,.2f}{unit}"


def format_number(value: float, indicator: Mapping) -> str:
    """The number alone, by the rules in :data:`ROUNDING_RULE` (no unit, no sign)."""
    value = float(value)
    kind = indicator.get("kind")
    if kind == "ordinal_1_4":
        return f"{int(value)}" if value.is_integer() else f"{value:.1f}"
    if has_band(indicator):
        return format_banded(value, "")
    if kind == "count":
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.1f}"
    size = abs(value)
    if size >= 100:
        return f"{value:,.0f}"
    if size >= 10:
        return f"{value:.1f}"
    if size >= 1 or value == 0:
        return f"{value:.2f}"
    text = f"{value:.3g}"
    # Never scientific notation on a slide: 2.89e-05 reads 0.0000289.
    return f"{value:.{2 - math.floor(math.log10(size))}f}" if "e" in text else text


def format_value(value, indicator: Mapping, *, with_unit: bool = False) -> str:
    """A value for display: "4.99%", "3" (a 10.7.2 score), "12.5"; "no data" when missing.

    ``with_unit`` adds the unit: "4.99% of amount sent", "3 of 4", "12.5 per 100,000 population".
    ``indicator`` is a catalogue row (Series or dict with kind, unit and the band columns).
    """
    if is_missing(value):
        return NO_DATA
    number = format_number(value, indicator)
    if indicator.get("kind") == "ordinal_1_4":
        return f"{number} of 4" if with_unit else number
    unit = text_or_empty(indicator.get("unit")).strip()
    if unit.startswith("%"):
        rest = unit[1:].strip()
        return f"{number}%" + (f" {rest}" if with_unit and rest else "")
    # "19 persons", not "19 number of persons": the number already says "number of".
    unit = unit.removeprefix("number of ")
    return f"{number} {unit}" if with_unit and unit else number


def round_half_up(value: float, digits: int = 0) -> Decimal:
    """``value`` rounded half away from zero at ``digits`` decimals (48.5 -> 49, not 48).

    Goes through the shortest decimal text of the float, so 2.675 rounds to 2.68 as written.
    """
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def format_percent(value, digits: int = 0, *, sign: bool = True, missing: str = "\u2013") -> str:
    """A share in percent, rounded half up: "49%" (or "49" with ``sign=False``); ``missing`` if none."""
    if is_missing(value):
        return missing
    return f"{round_half_up(value, digits)}" + ("%" if sign else "")


def nature_text(code) -> str:
    """The meaning of an SDG nature code, "Country data (C)"; an empty code is stated as not recorded."""
    if is_missing(code) or str(code).strip() == "":
        return NOT_RECORDED
    code = str(code).strip()
    return f"{NATURE_CODES.get(code, 'Unknown code')} ({code})"


def rounds_phrase(years: Iterable) -> str:
    """How many latest values come from each year: "49 from 2019 and 89 from 2021" (oldest first)."""
    counts = Counter(int(y) for y in years if not is_missing(y))
    parts = [f"{n} from {year}" for year, n in sorted(counts.items())]
    if len(parts) <= 1:
        return parts[0] if parts else ""
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def areas_noun(count: int, *, territories: bool = True) -> str:
    """"226 countries and areas" when the count may include territories, else "193 countries"."""
    if territories:
        return f"{count} {'country or area' if count == 1 else 'countries and areas'}"
    return f"{count} {'country' if count == 1 else 'countries'}"


def objectives_phrase(numbers: Iterable[int]) -> str:
    """"Objectives 12, 20 (editorial mapping)" for a subtitle naming the objective filter."""
    numbers = [int(n) for n in numbers]
    if not numbers:
        return ""
    head = "Objective" if len(numbers) == 1 else "Objectives"
    return f"{head} {', '.join(str(n) for n in numbers)} (editorial mapping)"


def direction_text(direction: str | None) -> str:
    """Plain words for an indicator's direction."""
    return DIRECTION_TEXT.get(direction or "none", "no normative direction")


def numeric_target(indicator: Mapping) -> float | None:
    """The number in an official target like ``"below 3% by 2030"``; None if there is none."""
    text = indicator.get("official_target")
    if not isinstance(text, str):
        return None
    match = re.search(r"(\d+(?:\.\d+)?)\s*%", text)
    return float(match.group(1)) if match else None


def target_text(indicator: Mapping) -> str:
    """The official target up to its first parenthesis, e.g. ``"below 3% by 2030"``."""
    text = indicator.get("official_target")
    return text.split("(")[0].strip() if isinstance(text, str) else ""


def default_source(indicator: Mapping) -> str:
    """A one-line source credit built from the catalogue row."""
    if indicator.get("source_id") == "sdg_global_database":
        where = "UN Global SDG Indicators Database"
    else:
        where = text_or_empty(indicator.get("source_id")) or "see Sources"
    series = text_or_empty(indicator.get("series_code"))
    sdg = text_or_empty(indicator.get("sdg_indicator"))
    detail = ", ".join(x for x in (f"indicator {sdg}" if sdg else "", f"series {series}" if series else "") if x)
    return f"Source: {where}" + (f" ({detail})" if detail else "") + "."
