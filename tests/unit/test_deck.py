"""Slide-deck files: what is accepted, and that every problem is named."""
from __future__ import annotations

from components.deck import DECK_FORMAT, MAX_SLIDES, canonical_query, validate_deck


def _deck(*slides, version=1):
    return {"format": DECK_FORMAT, "version": version, "slides": list(slides)}


def test_valid_deck_is_cleaned_and_presenter_flag_dropped(vocab):
    slides, problems = validate_deck(_deck(
        {"title": " Africa ", "note": "Say hello", "query": "?region=Africa&presenter=1"},
        {"title": "Map", "query": ""}), vocab)
    assert problems == []
    assert slides == [{"title": "Africa", "note": "Say hello", "query": "?region=Africa"},
                      {"title": "Map", "note": "", "query": ""}]


def test_not_a_deck(vocab):
    for junk in (None, [], "text", {"slides": []}, {"format": "other", "version": 1}):
        slides, problems = validate_deck(junk, vocab)
        assert slides == [] and len(problems) == 1


def test_old_and_newer_versions_are_named(vocab):
    _, old = validate_deck(_deck({"title": "a", "query": ""}, version=0), vocab)
    _, new = validate_deck(_deck({"title": "a", "query": ""}, version=7), vocab)
    _, bad = validate_deck(_deck({"title": "a", "query": ""}, version="1"), vocab)
    assert "older version" in old[0] and "newer" in new[0] and "version" in bad[0]


def test_every_slide_problem_is_reported_and_nothing_kept(vocab):
    slides, problems = validate_deck(_deck(
        {"title": "ok", "query": "?view=matrix"},
        {"title": "", "query": "?view=matrix"},
        {"title": "x" * 500, "note": 5, "query": "view=map"},
        {"title": "bad link", "query": "?region=Atlantis&bogus=1"},
        "not an object"), vocab)
    assert slides == []
    text = " ".join(problems)
    assert "Slide 2: the title is missing" in text
    assert "Slide 3: the title is longer" in text and "Slide 3: the speaker note is not text" in text
    assert "Slide 3: the view link must start" in text
    assert "Slide 4: the view link does not restore" in text and "Atlantis" in text
    assert "Slide 5:" in text


def test_size_limits(vocab):
    _, problems = validate_deck(_deck(*[{"title": "a", "query": ""}] * (MAX_SLIDES + 1)), vocab)
    assert "at most" in problems[0]
    _, problems = validate_deck(_deck(), vocab)
    assert problems == ["The deck has no slides."]


def test_canonical_query_strips_presenter(vocab):
    assert canonical_query("?presenter=1&view=matrix", vocab) == ("?view=matrix", [])
