"""The one place where colours, fonts and sizes live.

Figure builders ask a :class:`Theme` for every colour; they hold none themselves.

Colour choices (and why):

* Ordinal 10.7.2 status: the 4-class **viridis** set (#440154, #31688e, #35b779, #fde725),
  darkest = "Requires further progress", lightest = "Fully meets". Viridis is perceptually
  uniform and stays ordered under deuteranopia, protanopia and tritanopia; its luminance rises
  monotonically (about 7%, 33%, 52%, 85%) so the four steps also read in greyscale. Putting
  the *worst* category at the dark end keeps it as far as possible from the light grey used
  for "No data", which must never be mistaken for a low score.
* Each category also carries its number ("1".."4") and a marker shape, so a printed or
  projected chart reads without colour at all.
* No data: neutral grey with a darker outline, outside the viridis hue range.
* Continuous values: the same convention, darker = worse. ``higher_is_better`` uses viridis
  (low = dark), ``lower_is_better`` uses reversed viridis (high = dark). Indicators with no
  normative direction use **cividis**, a different scale, so they are not read as a verdict.
* Regions: the Okabe-Ito palette (colour-blind safe qualitative set).
* Highlight (spotlit countries): a magenta outline, a hue absent from viridis and cividis.
  The other countries are *muted* by mixing their colour with white (:meth:`Theme.muted`):
  lighter and less saturated, never darker, so they never outshine the spotlit ones.
* Banded continuous values (remittance-cost bands, SDG 10.c): their **own** palette, a
  single-hue orange-brown sequence (#8c2d04, #e6550d, #fdd0a2; luminance about 8%, 23%, 69%),
  darkest = worst band. It shares no hue with the 10.7.2 viridis set, so green never means
  "above target" here while it means "Meets" there; single-hue and luminance-ordered, it reads
  under every colour-vision deficiency and in greyscale. Band labels carry no number (the
  bands are not a 1-3 score); each band has its own marker shape.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from data.formatting import MAPPING_NOTE

FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"

#: Short text symbol per ordinal category (1 = worst), for greyscale reading.
ORDINAL_SYMBOLS = ("1", "2", "3", "4")
#: Plotly marker shape per ordinal category (1 = worst).
ORDINAL_MARKERS = ("triangle-down", "diamond", "square", "circle")
#: Plotly marker shape per band of a banded indicator (worst first: above ceiling, middle, below target).
BAND_MARKERS = ("triangle-up", "diamond", "circle")

_VIRIDIS_4 = ("#440154", "#31688e", "#35b779", "#fde725")
_ON_VIRIDIS_4 = ("#ffffff", "#ffffff", "#000000", "#000000")
# Remittance-cost bands, worst first (ColorBrewer Oranges steps): no hue shared with viridis.
_BANDS_3 = ("#8c2d04", "#e6550d", "#fdd0a2")
_ON_BANDS_3 = ("#ffffff", "#000000", "#000000")
_OKABE_ITO = MappingProxyType({
    "Africa": "#E69F00", "Americas": "#56B4E9", "Asia": "#009E73",
    "Europe": "#0072B2", "Oceania": "#D55E00", "World": "#000000",
})
_OKABE_ITO_DARK = MappingProxyType({**_OKABE_ITO, "World": "#ffffff"})
# Change between rounds: Okabe-Ito bluish green / grey / vermillion; markers (up/circle/down)
# carry the same meaning without colour.
_CHANGE = MappingProxyType({"improved": "#009E73", "same": "#8c8c8c", "declined": "#D55E00"})


@dataclass(frozen=True)
class Theme:
    """Everything visual a figure needs. Frozen: share one instance across users safely."""

    name: str
    font_family: str
    font_size: int
    title_size: int
    text_color: str
    muted_text_color: str
    background: str
    grid_color: str
    country_line: str
    outside_land: str
    ordinal_colors: tuple[str, str, str, str] = _VIRIDIS_4
    ordinal_text_colors: tuple[str, str, str, str] = _ON_VIRIDIS_4
    band_colors: tuple[str, str, str] = _BANDS_3
    band_text_colors: tuple[str, str, str] = _ON_BANDS_3
    #: Outline of status swatches, bars and areas: on a dark background it keeps category 1
    #: (#440154, 1.3:1 on #1e1e1e) and the darkest band visible (WCAG 1.4.11 non-text contrast).
    status_outline: str = "#ffffff"
    #: How far a muted (not spotlit) colour is mixed with white, 0..1.
    mute_mix: float = 0.62
    no_data_fill: str = "#d9d9d9"
    no_data_line: str = "#6e6e6e"
    #: Text on the no-data fill ("no data" cells): >= 4.5:1 against no_data_fill in every theme.
    no_data_text: str = "#1a1a1a"
    sequential_scale: str = "Viridis"
    neutral_scale: str = "Cividis"
    region_colors: Mapping[str, str] = field(default_factory=lambda: _OKABE_ITO)
    change_colors: Mapping[str, str] = field(default_factory=lambda: _CHANGE)
    highlight: str = "#d6006f"
    #: Darkest shade of a count scale (cells of the change view's transition matrix), from the background.
    count_color: str = "#2171b5"
    reference_line: str = "#000000"
    transparent: str = "rgba(0,0,0,0)"
    line_width: float = 0.5
    highlight_width: float = 3.0
    marker_size: int = 9
    export_width: int = 1280
    export_height: int = 720

    def region_color(self, region: str) -> str:
        """Okabe-Ito colour of an M49 region (muted text colour for anything unknown)."""
        return self.region_colors.get(region, self.muted_text_color)

    def status_styles(self, labels: list[str], banded: bool | None = None) -> list[dict]:
        """Colour, text colour, symbol and marker for status labels given worst first.

        The four 10.7.2 categories use the ordinal (viridis) set and carry their official
        number as ``symbol``. Bands of a continuous indicator (``banded``; by default any
        list that is not four labels long) use the separate band palette, worst darkest, and
        an empty ``symbol``: a band is not a score, so it gets no invented number.
        """
        n = len(labels)
        if banded is None:
            banded = n != 4
        if banded:
            steps = [round(i * 2 / (n - 1)) if n > 1 else 2 for i in range(n)]
            return [{"label": label, "color": self.band_colors[s], "text_color": self.band_text_colors[s],
                     "symbol": "", "marker": BAND_MARKERS[s], "outline": self.status_outline}
                    for label, s in zip(labels, steps)]
        steps = [round(i * 3 / (n - 1)) if n > 1 else 3 for i in range(n)]
        return [{
            "label": label,
            "color": self.ordinal_colors[s],
            "text_color": self.ordinal_text_colors[s],
            "symbol": ORDINAL_SYMBOLS[s],
            "marker": ORDINAL_MARKERS[s],
            "outline": self.status_outline,
        } for label, s in zip(labels, steps)]

    def muted(self, colour: str) -> str:
        """``colour`` (#rrggbb) mixed with white by :attr:`mute_mix`: what countries outside the
        spotlight are drawn in. Every channel rises, so a muted colour is never darker than the
        original (a dark category 1 never turns near-black and outshines the spotlit country)."""
        return mix_with_white(colour, self.mute_mix)

    def colorscale(self, direction: str) -> tuple[list, bool]:
        """(colour scale as [stop, colour] pairs, reversescale) so that darker = worse, or the
        neutral scale without a direction."""
        if direction == "higher_is_better":
            return named_scale(self.sequential_scale), False
        if direction == "lower_is_better":
            return named_scale(self.sequential_scale), True
        return named_scale(self.neutral_scale), False


def mix_with_white(colour: str, share: float) -> str:
    """``colour`` (#rgb or #rrggbb) moved ``share`` (0..1) of the way to white, as #rrggbb."""
    hexes = colour.lstrip("#")
    if len(hexes) == 3:
        hexes = "".join(c * 2 for c in hexes)
    channels = [int(hexes[i:i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(c + (255 - c) * share):02x}" for c in channels)


def muted_scale(scale: list, theme: "Theme") -> list:
    """A colour scale ([stop, colour] pairs, colours as #hex or rgb()) with every colour muted."""
    out = []
    for stop, colour in scale:
        if colour.startswith("rgb"):
            colour = "#" + "".join(f"{int(float(c)):02x}" for c in colour[colour.index("(") + 1:-1].split(",")[:3])
        out.append([stop, theme.muted(colour)])
    return out


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour (0 black .. 1 white)."""
    hexes = colour.lstrip("#")
    if len(hexes) == 3:
        hexes = "".join(c * 2 for c in hexes)
    lin = []
    for i in (0, 2, 4):
        c = int(hexes[i:i + 2], 16) / 255
        lin.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def named_scale(name: str) -> list:
    """plotly's named colour scale as [stop, colour] pairs (a fresh list).

    Figures are plain dicts, sent as they are; spelled out here, the browser draws exactly the
    stops plotly.py defines instead of plotly.js's own version of the same name.
    """
    return [list(stop) for stop in _scale_stops(name)]


@lru_cache(maxsize=None)
def _scale_stops(name: str) -> tuple:
    import plotly.colors
    return tuple(tuple(stop) for stop in plotly.colors.get_colorscale(name))


_LIGHT = Theme(
    name="light", font_family=FONT_FAMILY, font_size=14, title_size=20,
    text_color="#1a1a1a", muted_text_color="#555555", background="#ffffff",
    grid_color="#e5e5e5", country_line="#ffffff", outside_land="#f3f3f3",
)
_DARK = replace(
    _LIGHT, name="dark", text_color="#f0f0f0", muted_text_color="#b8b8b8",
    # Country borders (and bar outlines) in mid grey, not the background: the category-1 purple
    # (#440154) is only 1.3:1 against #1e1e1e, the outline gives its swatch a 5.9:1 edge (WCAG 1.4.11).
    background="#1e1e1e", grid_color="#3a3a3a", country_line="#9a9a9a",
    outside_land="#2c2c2c", no_data_fill="#8c8c8c", no_data_line="#e0e0e0",
    no_data_text="#000000",
    region_colors=_OKABE_ITO_DARK, highlight="#ff5cb8", reference_line="#ffffff", count_color="#6baed6",
    # Light grey edges on every status swatch, bar and area: category 1 and the darkest band
    # would otherwise nearly vanish into the background.
    status_outline="#c8c8c8", mute_mix=0.5,
)
# Projector: read on a 1280x720 share scaled down to a thumbnail; big type, strong lines.
_PROJECTOR = replace(
    _LIGHT, name="projector", font_size=22, title_size=30, text_color="#000000",
    muted_text_color="#222222", grid_color="#cccccc", country_line="#ffffff",
    no_data_fill="#cfcfcf", no_data_line="#333333", line_width=0.8,
    highlight_width=5.0, marker_size=14,
)

THEMES: Mapping[str, Theme] = MappingProxyType({t.name: t for t in (_LIGHT, _DARK, _PROJECTOR)})
THEME_NAMES = tuple(THEMES)


def get_theme(name: str | Theme = "light") -> Theme:
    """The named theme (``light``, ``dark`` or ``projector``); a Theme passes through."""
    if isinstance(name, Theme):
        return name
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"Unknown theme {name!r}; choose one of {', '.join(THEME_NAMES)}") from None


def wrap_text(text: str, size: int, width: int, max_lines: int = 3) -> list[str]:
    """Split ``text`` into at most ``max_lines`` lines that fit ``width`` px at font ``size``."""
    per_line = max(8, int(width / (0.55 * size)))
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= per_line:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: per_line - 1].rstrip() + "…"
    return lines


def legend_rows(traces: list[dict], theme: Theme, width: float) -> int:
    """How many rows a horizontal legend of ``traces`` takes at ``width`` px (0 without entries)."""
    names = [t["name"] for t in traces if t.get("showlegend") is not False and t.get("name")]
    if not names:
        return 0
    rows, used = 1, 0.0
    for name in names:
        item = 50 + len(name) * 0.62 * theme.font_size
        if used and used + item > width:
            rows, used = rows + 1, 0.0
        used += item
    return rows


@lru_cache(maxsize=1)
def plotly_template() -> dict:
    """plotly's default template as plain data (what ``go.Figure`` would embed), built once.

    Figures are plain dicts (components/figures/plain.py) and so get no template by
    themselves; axis automargin, tick and hover defaults come from this one. Read-only.
    """
    import plotly.io as pio
    return pio.templates["plotly"].to_plotly_json()


def layout_dict(traces: list[dict], theme: Theme | str, title: str | None = None, subtitle: str | None = None,
                source: str | None = None, *, axis_space: bool | None = None,
                extra: dict | None = None, annotations=()) -> dict:
    """The themed layout of a figure with ``traces``: title, subtitle and source line drawn into it.

    Title and subtitle (the active filters in words) sit at the top, the legend horizontally
    beneath them, the source line at the bottom: all part of the figure, so they travel with
    exported images. ``axis_space`` reserves room for x-axis ticks and title under the plot
    (default: when there are cartesian traces). ``annotations`` are kept before the source
    line; ``extra`` layout properties are merged in last.
    """
    theme = get_theme(theme)
    # Wrap for the narrowest place the chart is shown (the dashboard's content column at
    # 1280x720, about 950 px), so titles are never clipped on screen or in exports.
    width = min(theme.export_width - 60, 900)
    small = max(11, round(theme.font_size * 0.8))
    title_lines = wrap_text(title, theme.title_size, width, 2) if title else []
    sub_lines = wrap_text(subtitle, theme.font_size, width, 3) if subtitle else []
    # The page line "Objective mapping is editorial" is drawn into the footer too, so exported
    # PNG/SVG images keep it (the objective filter and grouping rest on the editorial mapping).
    source_lines = (wrap_text(source, small, width, 2) + wrap_text(MAPPING_NOTE, small, width, 1)
                    if source else [])
    legend_h = legend_rows(traces, theme, width * 0.8) * theme.font_size * 1.6
    title_h = len(title_lines) * theme.title_size * 1.3 + len(sub_lines) * theme.font_size * 1.35
    if axis_space is None:
        axis_space = any(t["type"] in ("bar", "scatter", "box") for t in traces)
    reserve = theme.font_size * 3.2 if axis_space else 4
    top = 14 + title_h + legend_h + (8 if legend_h else 0)
    bottom = reserve + len(source_lines) * small * 1.4 + 10
    layout = dict(
        template=plotly_template(),
        font={"family": theme.font_family, "size": theme.font_size, "color": theme.text_color},
        paper_bgcolor=theme.background, plot_bgcolor=theme.background,
        margin={"l": 30, "r": 30, "t": round(top), "b": round(bottom), "pad": 2},
        hoverlabel={"font": {"family": theme.font_family, "size": theme.font_size}},
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1, "yanchor": "bottom",
                "yref": "paper", "bgcolor": theme.transparent, "font": {"size": theme.font_size},
                "traceorder": "normal", "itemsizing": "constant", "title": {"text": ""}},
        uniformtext={"minsize": max(10, theme.font_size - 4), "mode": "hide"},
    )
    if title_lines:
        layout["title"] = {
            "text": "<b>" + "<br>".join(title_lines) + "</b>", "x": 0.01, "xanchor": "left",
            "xref": "container", "y": 1, "yref": "container", "yanchor": "top",
            # plotly anchors a multi-line title by its first line and grows it upwards, so
            # push it down by the extra lines or the top line is cut off.
            "pad": {"t": 10 + round((len(title_lines) - 1) * theme.title_size * 1.25), "l": 8},
            "font": {"size": theme.title_size, "color": theme.text_color},
            "subtitle": {"text": "<br>".join(sub_lines),
                         "font": {"size": theme.font_size, "color": theme.muted_text_color}},
        }
    if source_lines:
        layout["annotations"] = [*annotations, dict(
            text="<br>".join(source_lines), x=0, xref="paper", xanchor="left", align="left",
            y=0, yref="paper", yanchor="top", yshift=-reserve, showarrow=False,
            font={"size": small, "color": theme.muted_text_color}, name="source",
        )]
    elif annotations:
        layout["annotations"] = list(annotations)
    return {**layout, **(extra or {})}


__all__ = ["Theme", "THEMES", "THEME_NAMES", "get_theme", "layout_dict", "legend_rows", "wrap_text",
           "ORDINAL_SYMBOLS", "ORDINAL_MARKERS", "BAND_MARKERS", "FONT_FAMILY", "mix_with_white",
           "muted_scale", "relative_luminance"]
