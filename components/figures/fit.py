"""Fit a layout from :func:`components.theme.layout_dict` into a narrower chart box.

layout_dict wraps title, subtitle and source for the dashboard's wide chart column (about 900 px).
The country card's chart sits in a narrower column beside the card's text, and on a 390 px phone
in less: there the one-line texts would be cut at the chart's edge. :func:`fit_text_width`
re-wraps them for a given width and resizes the top and bottom margins to the new line counts.
"""
from __future__ import annotations

from components.theme import Theme, legend_rows, wrap_text
from data.formatting import MAPPING_NOTE

from .plain import annotation

#: Smallest text on a projected chart (px): presentation rule for projector and presenter modes.
PROJECTED_MIN = 18


def projected_size(theme: Theme) -> int:
    """Font size for dense chart text (segment counts, row labels): a little below the theme's size,
    never under :data:`PROJECTED_MIN` on the projector theme."""
    if theme.name == "projector":
        return max(PROJECTED_MIN, theme.font_size - 4)
    return theme.font_size


def _plain(text: str) -> str:
    return text.replace("<b>", "").replace("</b>", "").replace("<br>", " ")


def key_lines(entries: list[tuple[str, str]], theme: Theme, width: int) -> list[str]:
    """A colour key as subtitle lines: each entry (colour, words) is a coloured square and its words,
    packed greedily into lines of ``width`` px (entries are never split)."""
    per_line = max(8, int(width / (0.55 * theme.font_size)))
    lines: list[list[tuple[str, str]]] = []
    used = 0
    for colour, words in entries:
        size = len(words) + 3
        if lines and used + size <= per_line:
            lines[-1].append((colour, words))
            used += size
        else:
            lines.append([(colour, words)])
            used = size
    return ["  ".join(f"<span style='color:{c}'>\u25a0</span> {w}" for c, w in line) for line in lines]


def add_subtitle_lines(layout: dict, theme: Theme, lines: list[str]) -> dict:
    """Append ``lines`` (already wrapped) to the subtitle of ``layout`` and move the plot down for them."""
    title = layout.get("title")
    if not title or not lines:
        return layout
    sub = title.setdefault("subtitle", {"text": "", "font": {"size": theme.font_size,
                                                              "color": theme.muted_text_color}})
    sub["text"] = "<br>".join([t for t in (sub.get("text") or "",) if t] + lines)
    layout["margin"]["t"] += round(len(lines) * theme.font_size * 1.35)
    return layout


def fit_text_width(layout: dict, traces: list[dict], theme: Theme, width: int, source_inset: int = 0) -> dict:
    """Re-wrap title, subtitle and source of ``layout`` for a chart ``width`` px wide (in place).

    ``source_inset`` (px) is the width of the row labels left of the plot: the left margin is set
    to it (so the plot starts at a known place) and the source line moved left by it, so the
    source has the figure's whole width. Uses layout_dict's line heights, so the plot area
    starts under the last line.
    """
    small = max(11, round(theme.font_size * 0.8))
    title = layout.get("title")
    title_lines, sub_lines = [], []
    if title:
        title_lines = wrap_text(_plain(title["text"]), theme.title_size, width, 3)
        title["text"] = "<b>" + "<br>".join(title_lines) + "</b>"
        title["pad"]["t"] = 10 + round((len(title_lines) - 1) * theme.title_size * 1.25)
        sub = title.get("subtitle", {})
        if sub.get("text"):
            sub_lines = wrap_text(_plain(sub["text"]), theme.font_size, width, 4)
            sub["text"] = "<br>".join(sub_lines)
    legend_h = legend_rows(traces, theme, width) * theme.font_size * 1.6
    title_h = len(title_lines) * theme.title_size * 1.3 + len(sub_lines) * theme.font_size * 1.35
    layout["margin"]["t"] = round(14 + title_h + legend_h + (8 if legend_h else 0))
    source = annotation(layout, "source")
    if source is not None:
        text = _plain(source["text"])
        note = MAPPING_NOTE if text.endswith(MAPPING_NOTE) else ""
        lines = wrap_text(text.removesuffix(note).strip(), small, width - 20, 4) + ([note] if note else [])
        source["text"] = "<br>".join(lines)
        if source_inset:
            layout["margin"]["l"] = source_inset + 10
            source["xshift"] = -source_inset
        layout["margin"]["b"] = round(-source.get("yshift", 0) + len(lines) * small * 1.4 + 10)
    return layout
