"""A slide deck as a PowerPoint file (python-pptx): one 16:9 slide per deck slide.

Each slide holds its title, the chart as a 1920x1080 picture, the source line, and the speaker
note in the notes pane, where PowerPoint's presenter view shows it. Pure: slides and PNG bytes in,
.pptx bytes out.
"""
from __future__ import annotations

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Pt

from .deck_slides import SlideContent

#: 13.333 x 7.5 inches: PowerPoint's own 16:9 "Widescreen" size.
SLIDE_WIDTH, SLIDE_HEIGHT = Emu(12192000), Emu(6858000)
BLANK_LAYOUT = 6
MARGIN = Emu(304800)  # 1/3 inch


def _text_box(slide, left, top, width, height, text: str, size: int, bold: bool = False,
              colour: RGBColor = RGBColor(0x1A, 0x1A, 0x1A), name: str = ""):
    box = slide.shapes.add_textbox(left, top, width, height)
    if name:
        box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, colour
    return box


def build_pptx(slides: list[SlideContent], pngs: list[bytes], link_base: str = "") -> bytes:
    """The .pptx bytes for ``slides``, with ``pngs[i]`` as slide i's chart picture.

    ``link_base`` (the dashboard's address) is put before each slide's query in its notes, so a
    presenter can open the live view; left out when empty.
    """
    if len(slides) != len(pngs):
        raise ValueError(f"{len(slides)} slides but {len(pngs)} pictures")
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    title_height, source_height = Emu(640080), Emu(457200)
    inner = SLIDE_WIDTH - 2 * MARGIN
    picture_top = MARGIN + title_height
    picture_height = SLIDE_HEIGHT - picture_top - source_height - MARGIN // 2
    # Keep the picture's own 16:9 proportions inside the space left, centred.
    picture_width = min(inner, Emu(int(picture_height * 16 / 9)))
    picture_height = Emu(int(picture_width * 9 / 16))
    picture_left = Emu(int((SLIDE_WIDTH - picture_width) / 2))
    for content, png in zip(slides, pngs):
        slide = prs.slides.add_slide(prs.slide_layouts[BLANK_LAYOUT])
        _text_box(slide, MARGIN, Emu(MARGIN // 2), inner, title_height, content.title, 28, bold=True,
                  name="Title")
        slide.shapes.add_picture(io.BytesIO(png), picture_left, picture_top, picture_width, picture_height)
        _text_box(slide, MARGIN, picture_top + picture_height, inner, source_height, content.source, 11,
                  colour=RGBColor(0x4D, 0x4D, 0x4D), name="Source")
        note = content.note.strip()
        link = f"Live view: {link_base.rstrip('/')}/{content.query}" if link_base else ""
        slide.notes_slide.notes_text_frame.text = "\n\n".join(t for t in (note, link) if t)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()
