"""What one matrix cell says: its visible text, its CSS class and its accessible name.

Pure functions on plain dicts (a row of :func:`data.queries.implementation_matrix` and a catalogue
row). Status is never shown by colour alone: 10.7.2 cells carry their category number, continuous
cells a mark for their position against the world median (+ better, − worse, = at it), missing
cells a dash and the words "no data" in their name. The accessible name always contains the visible
text, in the same order (WCAG 2.5.3 "label in name"): the name is "Country, indicator: " followed by
the visible value and year, then what the colour means.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from data.formatting import format_value, is_missing
from data.labels import ORDINAL_SHORT, short_label
from data.status import ORDINAL_CATEGORIES

ORDINAL_LABELS = frozenset(ORDINAL_CATEGORIES.values())
#: Position against the world median, in the indicator's good direction: mark, CSS class, words.
POSITIONS = {
    "better": ("+", "pos-better", "better than the world median"),
    "worse": ("\u2212", "pos-worse", "worse than the world median"),
    "at": ("=", "pos-at", "at the world median"),
}
NO_DATA_MARK = "\u2014"
#: Overview cells write smaller shares as "<0.1%" (see glance_value).
GLANCE_FLOOR = 0.1


@dataclass(frozen=True)
class CellView:
    """One cell: visible value, optional mark and year, CSS class and accessible name."""

    value: str
    mark: str
    year: str
    css: str
    label: str


def position(value: float, median: float | None, indicator: Mapping) -> str | None:
    """"better", "worse" or "at" the world median in the indicator's good direction.

    None when there is nothing to compare with: no median, no good direction, or a count
    (counts scale with population, so their median says nothing about a country)."""
    direction = indicator.get("direction")
    if (median is None or is_missing(value) or indicator.get("kind") != "continuous"
            or direction not in ("higher_is_better", "lower_is_better")):
        return None
    if value == median:
        return "at"
    higher = value > median
    return "better" if higher == (direction == "higher_is_better") else "worse"


def _unit(indicator: Mapping) -> str:
    unit = str(indicator.get("unit") or "").strip()
    return "" if unit.startswith("%") and len(unit) == 1 else unit


def comparability(indicator: Mapping) -> str:
    """Why a continuous indicator's cells are not coloured ("" when they are)."""
    if indicator.get("kind") == "count":
        return "a count, not compared (counts scale with population)"
    if indicator.get("kind") == "continuous" and indicator.get("direction") not in ("higher_is_better",
                                                                                    "lower_is_better"):
        return "no agreed good direction, not compared"
    return ""


def glance_value(value: float, indicator: Mapping) -> str:
    """The value as the overview writes it: as everywhere ("4.99%"), except that a percentage
    below 0.1 reads "<0.1%" (its exact value is in the cell's name and in the drill-down), so every
    overview column stays narrow enough for 23 objectives on one screen."""
    percent = str(indicator.get("unit") or "").strip().startswith("%")
    if percent and indicator.get("kind") == "continuous" and 0 < abs(value) < GLANCE_FLOOR:
        return f"<{GLANCE_FLOOR}%" if value > 0 else f">-{GLANCE_FLOOR}%"
    return format_value(value, indicator)


def cell_view(cell: Mapping, indicator: Mapping, median: float | None = None, *,
              show_year: bool = False, compact: bool = True) -> CellView:
    """The :class:`CellView` of one matrix cell.

    ``median`` is the world median of the indicator for the same year choice (None: not
    compared); ``show_year`` puts the value's year on the cell; ``compact`` (the overview) writes
    a 10.7.2 category as its number only, the drill-down adds the short word ("3 Meets")."""
    head = f"{cell['name']}, {short_label(indicator)}"
    value, status = cell["value"], cell["status"]
    if is_missing(value):
        return CellView(NO_DATA_MARK if compact else f"{NO_DATA_MARK} no data", "", "", "nodata",
                        f"{head}: no data")
    year = "" if is_missing(cell.get("year")) else str(int(cell["year"]))
    shown_year = year if show_year else ""
    # The year follows the value directly in the name, as it does on the cell.
    said = ", ".join(p for p in ("{value}", year) if p)
    if indicator.get("kind") == "ordinal_1_4" and status in ORDINAL_LABELS:
        number = int(value)
        text = str(number) if compact else f"{number} {ORDINAL_SHORT[number]}"
        return CellView(text, "", shown_year, f"status-{number}",
                        f"{head}: {said.format(value=text)}, {status}")
    text = glance_value(float(value), indicator) if compact else format_value(value, indicator)
    where = position(float(value), median, indicator)
    mark, css, words = POSITIONS[where] if where else ("", "pos-none", comparability(indicator))
    parts = [_unit(indicator)]
    if where:
        parts.append(f"{words} ({format_value(median, indicator)})")
    elif words:
        parts.append(words)
    if not is_missing(status) and status:
        parts.append(str(status))  # an official band (remittance cost), last so it reads as the verdict
    exact = format_value(value, indicator)
    if exact != text:
        parts.insert(0, f"exactly {exact}")
    detail = ", ".join(p for p in parts if p)
    return CellView(text, mark, shown_year, css, f"{head}: {said.format(value=text)}" + (f", {detail}" if detail else ""))
