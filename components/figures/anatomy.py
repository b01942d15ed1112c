"""A chart's anatomy on screen: title, subtitle and source as page text; the plot as the figure.

:func:`components.theme.layout_dict` draws title, subtitle and source line into the figure so an
exported image carries them (and the slide decks render it as it is). On screen the same text
is better as HTML: it wraps to whatever width the chart gets, from a 390 px phone to a 1920 px
projector, where text drawn into the figure was wrapped once for one assumed width and overlapped
or was cut in every other. :func:`split_anatomy` moves those three texts out of the figure and
keeps what is needed to put them back in ``layout.meta.export`` (read by assets/chart_exports.js).
"""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

_TAG = re.compile(r"<[^>]+>")
#: Room above the plot once the title block has left it; a legend on top pushes it as needed.
SCREEN_TOP = 10
#: Longest line of a tick label (on y, and on x where labels sit side by side) and of an axis
#: title. A 390 px phone leaves about 150 px for category labels and a plot about 200 px wide at
#: 14 px type; plotly cuts a longer line at the chart's edge or turns x labels on their side.
TICK_LINE = 18
X_TICK_LINE = 10
AXIS_TITLE_LINE = 28
#: The projector theme's type size and its (wider) lines; see :func:`wrap_axis_labels`.
PROJECTOR_FONT = 20
WIDE_TICK_LINE = 42


@dataclass(frozen=True)
class Anatomy:
    """The texts around a chart: ``title`` (the message), ``subtitle`` (measure, unit, year,
    selection) and ``source`` (data source and the editorial-mapping note)."""

    title: str = ""
    subtitle: str = ""
    source: str = ""


def plain(text: str) -> str:
    """Figure text as one plain line: markup removed, plotly line breaks become spaces."""
    return " ".join(_TAG.sub("", (text or "").replace("<br>", " ")).split())


def wrap_label(text, width: int) -> str:
    """``text`` broken into lines of at most ``width`` characters (plotly's ``<br>``), at spaces;
    markup such as ``<b>`` is kept and not counted. Non-text labels pass through."""
    if not isinstance(text, str) or len(plain(text)) <= width or "<br>" in text:
        return text
    return "<br>".join(textwrap.wrap(text, width=width + len(text) - len(plain(text)),
                                     break_long_words=False, break_on_hyphens=False))


def wrap_axis_labels(layout: dict) -> dict:
    """A copy of ``layout`` whose long tick labels and axis titles wrap onto several lines.

    Category axes keep their categories (hover texts and data are unchanged); only the text
    drawn at each tick is wrapped, through ``tickvals``/``ticktext``."""
    out = dict(layout)
    # Projector type (20 px and up) is for a wide shared screen, where the labels fit on one line;
    # wrapped at a phone's width there, every row would need two lines the slide does not have.
    wide = (layout.get("font") or {}).get("size", 14) >= PROJECTOR_FONT
    tick, x_tick, title_line = ((WIDE_TICK_LINE, WIDE_TICK_LINE // 2, AXIS_TITLE_LINE + 4) if wide
                                else (TICK_LINE, X_TICK_LINE, AXIS_TITLE_LINE))
    for key, axis in layout.items():
        if not (key.startswith(("xaxis", "yaxis")) and isinstance(axis, dict)):
            continue
        axis = dict(axis)
        line = x_tick if key.startswith("x") else tick
        if axis.get("ticktext") is not None:
            axis["ticktext"] = [wrap_label(t, line) for t in axis["ticktext"]]
        elif axis.get("categoryarray") is not None and axis.get("tickmode") in (None, "array"):
            cats = list(axis["categoryarray"])
            axis.update(tickmode="array", tickvals=cats, ticktext=[wrap_label(c, line) for c in cats])
        title = axis.get("title")
        if isinstance(title, dict) and isinstance(title.get("text"), str):
            axis["title"] = {**title, "text": wrap_label(title["text"], title_line)}
        elif isinstance(title, str):
            axis["title"] = {"text": wrap_label(title, title_line)}
        out[key] = axis
    return out


def split_anatomy(figure: dict) -> tuple[dict, Anatomy]:
    """(the figure for the screen, its anatomy); ``figure`` is not changed.

    The screen figure has no title and no source annotation, and gives their margins back to
    the plot; ``layout.meta.export`` holds the title, the annotations and the margins of the full
    layout, so the export buttons draw the same image as before.
    """
    layout = wrap_axis_labels(figure.get("layout") or {})
    title = layout.pop("title", None) or {}
    annotations = list(layout.get("annotations") or [])
    source = next((a for a in annotations if a.get("name") == "source"), None)
    if not title and source is None:
        return {**figure, "layout": layout}, Anatomy()
    anatomy = Anatomy(title=plain(title.get("text", "")),
                      subtitle=plain((title.get("subtitle") or {}).get("text", "")),
                      source=plain(source["text"]) if source else "")
    margin = dict(layout.get("margin") or {})
    export = {"title": title, "annotations": annotations, "margin": dict(margin)}
    layout["annotations"] = [a for a in annotations if a is not source]
    if title:
        margin["t"] = SCREEN_TOP
    if source is not None:
        # What stays below the plot is the axis room layout_dict reserved before the source.
        margin["b"] = max(SCREEN_TOP, round(-source.get("yshift", 0)) + 6)
    layout["margin"] = margin
    layout["meta"] = {**(layout.get("meta") or {}), "export": export}
    return {**figure, "layout": layout}, anatomy
