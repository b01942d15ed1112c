"""Deck export routes: ``POST /export/deck.pptx`` (PowerPoint) and ``POST /export/deck.html``
(one offline HTML file).

Both take the deck JSON of the deck export file and check it with the same validation as a deck
import (components.deck.validate_deck), so an invalid deck gets the import's messages, as JSON
``{"ok": false, "problems": [...]}`` with HTTP 400.
"""
from __future__ import annotations

import hashlib
import json
import logging

from flask import Flask, Response, jsonify, request

from components.deck import validate_deck

from .chart_images import ChartImageError, render_pngs
from .deck_slides import deck_contents
from .html_deck import build_html
from .pptx_deck import build_pptx

PPTX_PATH = "/export/deck.pptx"
HTML_PATH = "/export/deck.html"
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
#: Drawing one chart picture takes about a second: a larger deck would outlast the worker timeout.
MAX_PPTX_SLIDES = 30

log = logging.getLogger("gcm.export")


def problems_response(problems: list[str], status: int = 400):
    """The import's answer shape for a deck that cannot be exported."""
    response = jsonify(ok=False, problems=problems)
    response.status_code = status
    return response


def register(server: Flask, store, cache) -> None:
    """Add the two deck export routes to ``server``; ``cache`` is a FigureCache (get_or_build)."""

    def checked_contents():
        snap = store.current()
        slides, problems = validate_deck(request.get_json(silent=True), snap.vocab)
        return (deck_contents(slides, snap.dataset, snap.vocab) if not problems else None), snap, problems

    @server.route(PPTX_PATH, methods=["POST"])
    def export_deck_pptx():
        contents, snap, problems = checked_contents()
        if problems:
            return problems_response(problems)
        if len(contents) > MAX_PPTX_SLIDES:
            return problems_response([f"The deck has {len(contents)} slides; a PowerPoint export takes at most "
                                      f"{MAX_PPTX_SLIDES} at a time. Export it in parts."])
        # The whole file is cached per data version and deck: exporting the same deck again (the
        # usual "one more try" before a roundtable) does not start Chromium again.
        key = "pptx:" + hashlib.sha256(json.dumps(
            [snap.version, request.url_root, [(c.title, c.note, c.query) for c in contents]]).encode()).hexdigest()
        try:
            body = cache.get_or_build(key, lambda: build_pptx(
                contents, render_pngs([c.figure for c in contents]), link_base=request.url_root))
        except ChartImageError as err:
            log.error("PowerPoint export failed: %s", err)
            return problems_response([str(err)], status=503)
        return Response(body, mimetype=PPTX_MIME, headers={
            "Content-Disposition": 'attachment; filename="gcm-slides.pptx"'})

    @server.route(HTML_PATH, methods=["POST"])
    def export_deck_html():
        contents, _, problems = checked_contents()
        if problems:
            return problems_response(problems)
        return Response(build_html(contents), mimetype="text/html", headers={
            "Content-Disposition": 'attachment; filename="gcm-slides.html"'})
