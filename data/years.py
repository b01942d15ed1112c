"""The year a view shows: one calendar year, or each country's latest available value.

Links, controls and selections all carry the choice as text ("latest" or "2019"), so this is
the one place that spells the special value and turns a choice into a year number.
"""
from __future__ import annotations

#: The choice "each country's most recent year with data".
LATEST = "latest"


def is_latest(year: str) -> bool:
    """True when ``year`` asks for each country's latest value."""
    return year == LATEST


def year_number(year: str) -> int | None:
    """The calendar year of a choice, or None for :data:`LATEST`."""
    return None if is_latest(year) else int(year)
