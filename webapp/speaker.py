"""The speaker view: a second window with the notes, the next slide and a timer.

``register(server, store, registry)`` adds ``GET /speaker``: a small static page whose script
(assets/speaker.js) and styles (assets/speaker.css) are same-origin files, so the strict CSP
needs no exception. Dash does not load those two files into the dashboard itself
(``SPEAKER_ASSETS`` are left out of the page's asset bundle, webapp/asset_bundle.py). The deck is read from the browser's
localStorage, as the dashboard does; this page only carries the names of the views and
indicators, so the next slide can be described in words without rendering it.
"""
from __future__ import annotations

import json
from html import escape

from flask import Response

#: Files in assets/ served on request but not put into the dashboard page's bundle.
SPEAKER_ASSETS = r"^speaker\.(js|css)$"

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Speaker view · GCM Progress Dashboard</title>
<link rel="stylesheet" href="{prefix}assets/theme.css">
<link rel="stylesheet" href="{prefix}assets/speaker.css">
</head>
<body class="speaker theme-dark" data-labels="{labels}">
<header class="speaker-head">
  <h1>Speaker view</h1>
  <p id="speaker-link" class="speaker-link" role="status" aria-live="polite">Looking for the dashboard window…</p>
</header>
<main class="speaker-main">
  <section class="speaker-now" aria-labelledby="now-heading">
    <h2 id="now-heading" class="speaker-label">Now showing <span id="speaker-counter" class="speaker-counter">–</span></h2>
    <p id="now-title" class="speaker-title">–</p>
    <h3 class="speaker-label">Speaker note</h3>
    <div id="now-note" class="speaker-note"></div>
  </section>
  <aside class="speaker-side">
    <section class="speaker-next" aria-labelledby="next-heading">
      <h2 id="next-heading" class="speaker-label">Next slide</h2>
      <p id="next-title" class="speaker-next-title">–</p>
      <p id="next-desc" class="speaker-desc"></p>
    </section>
    <section class="speaker-timer" aria-labelledby="timer-heading">
      <h2 id="timer-heading" class="speaker-label">Elapsed</h2>
      <p><time id="timer" class="timer" datetime="PT0S">00:00</time></p>
      <div class="speaker-buttons">
        <button id="timer-toggle" type="button" aria-pressed="false">Start timer</button>
        <button id="timer-reset" type="button">Reset</button>
      </div>
    </section>
    <nav class="speaker-steps" aria-label="Slides">
      <button id="speaker-prev" type="button">← Previous</button>
      <button id="speaker-next" type="button">Next →</button>
    </nav>
    <p class="speaker-help">Arrow keys, Page Up/Down or Space step the slides in either window.
      The audience sees only the slide; these notes stay on this screen.</p>
  </aside>
</main>
<script src="{prefix}assets/presenter_link.js"></script>
<script src="{prefix}assets/speaker.js"></script>
</body>
</html>
"""


def page_labels(dataset, registry) -> dict:
    """Names the speaker view uses to describe a slide's query in words."""
    return {"views": dict(registry.labels),
            "indicators": {str(i): str(label) for i, label in dataset.indicators["label"].items()}}


def speaker_page(labels: dict, prefix: str = "/") -> str:
    """The speaker view's HTML; ``labels`` travel in an escaped data attribute (no inline script)."""
    return PAGE.format(prefix=escape(prefix), labels=escape(json.dumps(labels, ensure_ascii=False), quote=True))


def register(server, store, registry, prefix: str = "/") -> None:
    """Add ``GET /speaker`` to ``server`` (a Flask app)."""
    built: dict = {}

    @server.route("/speaker")
    def speaker():
        snap = store.current()
        text = built.get(snap.version)
        if text is None:
            built.clear()
            text = built[snap.version] = speaker_page(page_labels(snap.dataset, registry), prefix)
        return Response(text, mimetype="text/html")
