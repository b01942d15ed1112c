"""A slide deck as one self-contained HTML file for a venue laptop without network.

plotly.js, the world map shapes and every slide's figure are inlined; a Content-Security-Policy
meta tag forbids every fetch, so the file cannot reach a network even by accident. The slides
step with the same keys as presenter mode in the dashboard (assets/slides.js): Right arrow or
Page Down for the next slide, Left arrow or Page Up for the previous one; Home and End jump to
the first and last. Pure: slide contents in, HTML text out.
"""
from __future__ import annotations

import html

from plotly.io.json import to_json_plotly

from components.figures.geo_config import geo_assets_script

from .chart_images import PLOTLY_JS
from .deck_slides import SlideContent

#: No fetch of any kind (connect-src, img-src, font-src fall back to 'none'); inline only.
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data: blob:; font-src data:")

STYLE = """
html, body { margin: 0; height: 100%; background: #fff; color: #1a1a1a;
  font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; }
.slide { display: none; box-sizing: border-box; height: 100vh; padding: 1.2vh 2vw;
  flex-direction: column; }
.slide.is-current { display: flex; }
.slide h1 { font-size: 3.4vh; margin: 0 0 0.8vh; }
.chart { flex: 1 1 auto; min-height: 0; }
.source { font-size: 1.5vh; color: #4d4d4d; margin: 0.6vh 0 0; }
.note { font-size: 1.6vh; margin: 0.4vh 0 0; }
.bar { position: fixed; right: 1vw; top: 1vh; font-size: 1.5vh; color: #4d4d4d; }
.bar button { font: inherit; margin-left: 0.4em; }
"""

SCRIPT = """
(function () {
  "use strict";
  var slides = JSON.parse(document.getElementById("deck-figures").textContent);
  var sections = document.querySelectorAll(".slide");
  var drawn = {};
  var current = 0;
  var config = {displaylogo: false, showSendToCloud: false, showEditInChartStudio: false,
                responsive: true, modeBarButtonsToRemove: ["lasso2d", "select2d"]};
  function show(i) {
    current = Math.max(0, Math.min(sections.length - 1, i));
    for (var k = 0; k < sections.length; k++) {
      sections[k].classList.toggle("is-current", k === current);
      sections[k].setAttribute("aria-hidden", k === current ? "false" : "true");
    }
    document.getElementById("counter").textContent = "Slide " + (current + 1) + " of " + sections.length;
    var host = sections[current].querySelector(".chart");
    var fig = slides[current];
    var layout = Object.assign({}, fig.layout || {}, {autosize: true});
    delete layout.width; delete layout.height;
    if (!drawn[current]) {
      drawn[current] = true;
      window.Plotly.newPlot(host, fig.data || [], layout, config);
    } else {
      window.Plotly.Plots.resize(host);
    }
    if (window.location.hash !== "#" + (current + 1)) {
      window.history.replaceState(null, "", "#" + (current + 1));
    }
  }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var moves = {ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1};
    if (event.key in moves) { event.preventDefault(); show(current + moves[event.key]); }
    if (event.key === "Home") { event.preventDefault(); show(0); }
    if (event.key === "End") { event.preventDefault(); show(sections.length - 1); }
  });
  document.getElementById("previous").addEventListener("click", function () { show(current - 1); });
  document.getElementById("next").addEventListener("click", function () { show(current + 1); });
  var start = parseInt((window.location.hash || "").slice(1), 10);
  show(isNaN(start) ? 0 : start - 1);
}());
"""


def script_safe(text: str) -> str:
    """Text that cannot close the <script> element it is inlined in."""
    return text.replace("</", "<\\/")


def build_html(slides: list[SlideContent], deck_title: str = "GCM Progress Dashboard slides") -> str:
    """The whole offline presentation as one HTML document."""
    sections = []
    for n, s in enumerate(slides, start=1):
        note = (f'<details class="note"><summary>Speaker note</summary><p>{html.escape(s.note)}</p></details>'
                if s.note.strip() else "")
        sections.append(
            f'<section class="slide" id="slide-{n}" aria-label="Slide {n}: {html.escape(s.title, quote=True)}">'
            f"<h1>{html.escape(s.title)}</h1>"
            f'<div class="chart" role="img" aria-label="{html.escape(s.title, quote=True)}"></div>'
            f'<p class="source">{html.escape(s.source)}</p>{note}</section>')
    # plotly's encoder: NaN (a missing value) becomes null, which JSON.parse accepts.
    figures = to_json_plotly([s.figure for s in slides], engine="json")
    return "".join([
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(deck_title)}</title><style>{STYLE}</style></head><body>",
        *sections,
        '<div class="bar"><span id="counter" role="status" aria-live="polite"></span>',
        '<button id="previous" type="button" aria-label="Previous slide">&larr;</button>',
        '<button id="next" type="button" aria-label="Next slide">&rarr;</button></div>',
        f'<script type="application/json" id="deck-figures">{script_safe(figures)}</script>',
        # The map shapes before plotly.js: it then never tries to fetch world_110m.json.
        f"<script>{script_safe(geo_assets_script())}</script>",
        f"<script>{script_safe(PLOTLY_JS.read_text(encoding='utf-8'))}</script>",
        f"<script>{SCRIPT}</script></body></html>\n",
    ])
