"""Slide decks: the JSON file a presenter exports and imports. Pure validation, no Dash.

A deck is ``{"format": "gcm-dashboard-deck", "version": 1, "slides": [{"title", "note",
"query"}]}``. Every slide's query must decode to a dashboard state with no notice, so a deck
never brings back a view different from the one that was saved. Every problem is reported at
once; a deck with any problem is rejected whole (the browser then keeps the current deck).
"""
from __future__ import annotations

from data.vocabulary import Vocabulary

from .url_state import MAX_QUERY_LENGTH, decode, encode

DECK_FORMAT = "gcm-dashboard-deck"
DECK_VERSION = 1
MAX_SLIDES = 100
MAX_TITLE = 120
MAX_NOTE = 2000
MAX_ERRORS = 20


def canonical_query(query: str, vocab: Vocabulary) -> tuple[str, list[str]]:
    """(the query re-encoded without presenter mode, notices from decoding it)."""
    state, notices = decode(query, vocab)
    return encode(state.with_changes(presenter=False)), notices


def validate_deck(deck, vocab: Vocabulary) -> tuple[list[dict], list[str]]:
    """(clean slides, problems). Slides are only returned when there is no problem at all."""
    if not isinstance(deck, dict):
        return [], ["The file is not a slide deck: expected a JSON object."]
    if deck.get("format") != DECK_FORMAT:
        return [], [f"The file is not a GCM dashboard slide deck (its \"format\" is not \"{DECK_FORMAT}\")."]
    version = deck.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        return [], ["The deck has no valid version number."]
    if version < DECK_VERSION:
        return [], [f"The deck is from an older version ({version}) that this dashboard cannot read."]
    if version > DECK_VERSION:
        return [], [f"The deck was made by a newer dashboard (version {version}); this one reads "
                    f"version {DECK_VERSION}."]
    slides = deck.get("slides")
    if not isinstance(slides, list) or not slides:
        return [], ["The deck has no slides."]
    if len(slides) > MAX_SLIDES:
        return [], [f"The deck has {len(slides)} slides; at most {MAX_SLIDES} are allowed."]
    clean, problems = [], []
    for n, slide in enumerate(slides, start=1):
        slide_problems, cleaned = _check_slide(slide, vocab)
        problems += [f"Slide {n}: {p}" for p in slide_problems]
        if cleaned:
            clean.append(cleaned)
    if problems:
        extra = len(problems) - MAX_ERRORS
        return [], problems[:MAX_ERRORS] + ([f"… and {extra} more problems."] if extra > 0 else [])
    return clean, []


def _check_slide(slide, vocab: Vocabulary) -> tuple[list[str], dict | None]:
    if not isinstance(slide, dict):
        return ["is not an object with title, note and query."], None
    problems = []
    title, note, query = slide.get("title"), slide.get("note", ""), slide.get("query")
    if not isinstance(title, str) or not title.strip():
        problems.append("the title is missing or not text.")
    elif len(title) > MAX_TITLE:
        problems.append(f"the title is longer than {MAX_TITLE} characters.")
    if note is None:
        note = ""
    if not isinstance(note, str):
        problems.append("the speaker note is not text.")
    elif len(note) > MAX_NOTE:
        problems.append(f"the speaker note is longer than {MAX_NOTE} characters.")
    if not isinstance(query, str):
        problems.append("the view link (query) is missing or not text.")
    elif len(query) > MAX_QUERY_LENGTH:
        problems.append("the view link is too long.")
    elif query and not query.startswith("?"):
        problems.append("the view link must start with “?”.")
    else:
        canonical, notices = canonical_query(query, vocab)
        problems += [f"the view link does not restore: {n}" for n in notices]
        if not notices and not problems:
            return [], {"title": title.strip(), "note": note, "query": canonical}
    return problems, None
