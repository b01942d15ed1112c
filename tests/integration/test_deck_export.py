"""Deck exports over the Flask test client: PowerPoint (real kaleido + Debian Chromium) and offline HTML."""
from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from components.theme import get_theme

THREE_SLIDES = {"format": "gcm-dashboard-deck", "version": 1, "slides": [
    {"title": "Africa's policies", "note": "Start with Ghana.", "query": "?region=Africa&highlight=GHA"},
    {"title": "How uneven", "note": "Six domains, 2021 round.", "query": "?view=uneven&uneven=all&year=2021"},
    {"title": "Change between rounds", "note": "", "query": "?view=change&indicator=sdg10_c_1_cost_to_receiving"},
]}


@pytest.fixture(scope="module")
def pptx_response(client):
    return client.post("/export/deck.pptx", json=THREE_SLIDES)


def test_three_slide_deck_becomes_a_pptx_with_pictures_titles_and_notes(pptx_response):
    assert pptx_response.status_code == 200, pptx_response.get_data(as_text=True)[:300]
    assert pptx_response.mimetype.endswith("presentationml.presentation")
    assert 'filename="gcm-slides.pptx"' in pptx_response.headers["Content-Disposition"]
    prs = Presentation(io.BytesIO(pptx_response.data))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)  # 16:9
    assert len(prs.slides) == 3
    for slide, wanted in zip(prs.slides, THREE_SLIDES["slides"]):
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1
        image = Image.open(io.BytesIO(pictures[0].image.blob))
        assert image.size == (1920, 1080)
        # A drawn chart has many colours; a blank or failed render has one or two.
        assert len(image.convert("RGB").getcolors(maxcolors=1 << 20)) > 50
        texts = {s.name: s.text_frame.text for s in slide.shapes if s.has_text_frame}
        assert texts["Title"] == wanted["title"]
        assert texts["Source"].startswith("Source: United Nations, Global SDG Indicators Database")
        notes = slide.notes_slide.notes_text_frame.text
        assert notes.startswith(wanted["note"]) and "Live view: http://localhost/" in notes
        assert wanted["query"].split("&")[0] in notes


def test_the_map_picture_has_its_countries_drawn(pptx_response):
    # The world shapes come from the shipped topojson, not the network: countries must be drawn.
    slide = Presentation(io.BytesIO(pptx_response.data)).slides[0]
    picture = next(s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE)
    image = Image.open(io.BytesIO(picture.image.blob)).convert("RGB")
    colours = {c for _, c in image.getcolors(maxcolors=1 << 20)}
    assert any(r > 180 and g < 40 and b > 80 for r, g, b in colours)  # Ghana's magenta spotlight outline
    # The muted (lightened) 'Meets' fill of the other African countries.
    muted = get_theme("light").muted(get_theme("light").ordinal_colors[2]).lstrip("#")
    assert tuple(int(muted[i:i + 2], 16) for i in (0, 2, 4)) in colours


@pytest.mark.parametrize("path", ["/export/deck.pptx", "/export/deck.html"])
def test_invalid_deck_gets_the_import_messages_with_400(client, path):
    bad = {"format": "gcm-dashboard-deck", "version": 1, "slides": [
        {"title": "", "query": "?view=nowhere"}, {"title": "ok", "note": 5, "query": "?"}]}
    imported = client.post("/api/validate-deck", json=bad).get_json()
    response = client.post(path, json=bad)
    assert response.status_code == 400
    body = response.get_json()
    assert body["ok"] is False and body["problems"] == imported["problems"]
    assert body["problems"][0].startswith("Slide 1: the title is missing")
    not_json = client.post(path, data="hello", content_type="text/plain")
    assert not_json.status_code == 400
    assert not_json.get_json()["problems"] == ["The file is not a slide deck: expected a JSON object."]


def test_offline_html_inlines_everything(client):
    response = client.post("/export/deck.html", json=THREE_SLIDES)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert page.count('<section class="slide"') == 3
    assert "plotly.js v4" in page and '"world_110m"' in page
    assert "default-src 'none'" in page
    # Nothing is loaded from anywhere: no src/href attributes at all, no stylesheet links.
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page)
    assert "Start with Ghana." in page and "Change between rounds" in page
