"""Small helpers shared by the analysis figure builders (reference lines, heights, jitter)."""
from __future__ import annotations

import zlib

from components.theme import Theme, wrap_text
from data.formatting import MAPPING_NOTE

from .plain import annotation, trace


def row_height(n_rows: int, theme: Theme, per_row: float = 1.9, extra: int = 230, minimum: int = 420) -> int:
    """A figure height that gives each category row enough room for its label at the theme's size."""
    return max(minimum, round(n_rows * theme.font_size * per_row + extra))


def value_label_room(theme: Theme, characters: int = 7) -> int:
    """Right margin (px) for a value label such as "100.0%" printed right of the last point."""
    return round(characters * 0.62 * theme.font_size) + 8


def vline(x: float, y_span, theme: Theme, dash: str, label: str, **props) -> dict:
    """A vertical reference line trace that names itself in the legend (no label collisions)."""
    return trace("scatter", x=[x, x], y=list(y_span), mode="lines", name=label, hoverinfo="name",
                 line={"color": theme.reference_line, "width": 2, "dash": dash}, **props)


def hline(y: float, x_span, theme: Theme, dash: str, label: str, **props) -> dict:
    """A horizontal reference line trace that names itself in the legend."""
    return trace("scatter", x=list(x_span), y=[y, y], mode="lines", name=label, hoverinfo="name",
                 line={"color": theme.reference_line, "width": 2, "dash": dash}, **props)


#: Largest sideways shift of a point inside its category column (see :func:`jitter`).
JITTER_SPREAD = 0.28


def jitter(key: str, spread: float = JITTER_SPREAD) -> float:
    """Deterministic offset in [-spread, spread] from ``key`` (same on every render)."""
    return (zlib.crc32(key.encode()) % 1000) / 1000 * 2 * spread - spread


def jitter_note(spread: float = JITTER_SPREAD) -> str:
    """The sentence that states the jitter, for the view's notes and the chart's axis title."""
    return (f"Points are shifted sideways by up to \u00b1{spread:g} of a score step so that equal scores do "
            "not hide each other; a point's score is the column it sits in.")


def series_colors(theme: Theme) -> list[str]:
    """Distinct colours for up to six named series (the theme's Okabe-Ito region colours)."""
    return list(dict.fromkeys(theme.region_colors.values()))


def fit_source_right_of_labels(layout: dict, theme: Theme, labels: list[str]) -> None:
    """Re-wrap the source line: it starts at the plot's left edge, right of the region labels,
    so it has less room than the full width layout_dict assumed."""
    source = annotation(layout, "source")
    if source is None:
        return
    label_px = max((len(l.replace("<b>", "").replace("</b>", "")) for l in labels), default=0) * 0.62 * theme.font_size
    size = source["font"]["size"]
    before = source["text"].count("<br>")
    # Same narrowest width layout_dict wraps for (the dashboard's chart column).
    width = min(theme.export_width - 60, 900) - label_px
    text = source["text"].replace("<br>", " ")
    # The editorial-mapping line stays a line of its own, after the re-wrapped source.
    note = MAPPING_NOTE if text.endswith(MAPPING_NOTE) else ""
    lines = wrap_text(text.removesuffix(note).strip(), size, width, 3) + ([note] if note else [])
    source["text"] = "<br>".join(lines)
    if len(lines) - 1 > before:
        layout["margin"]["b"] += round((len(lines) - 1 - before) * size * 1.4)
