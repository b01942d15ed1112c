"""A chart's title, subtitle and source leave the screen figure as page text, and come back for exports."""
from __future__ import annotations

from components.figures.anatomy import TICK_LINE, plain, split_anatomy, wrap_axis_labels, wrap_label
from components.theme import layout_dict


def _figure():
    traces = [{"type": "bar", "x": [1, 2], "y": ["Oceania (exc. Australia and New Zealand)", "Europe"],
               "orientation": "h", "name": "2021"}]
    layout = layout_dict(traces, "light", title="Countries with policies, all domains", subtitle="By SDG region",
                         source="Source: United Nations",
                         extra={"yaxis": {"categoryarray": ["Oceania (exc. Australia and New Zealand)", "Europe"]},
                                "xaxis": {"title": {"text": "Share of countries (%), as published by the UN"}}})
    return {"data": traces, "layout": layout}


def test_title_subtitle_and_source_leave_the_screen_figure_and_are_kept_for_export():
    figure = _figure()
    screen, anatomy = split_anatomy(figure)
    assert anatomy.title == "Countries with policies, all domains"
    assert anatomy.subtitle == "By SDG region"
    assert anatomy.source.startswith("Source: United Nations") and "editorial" in anatomy.source
    assert "title" not in screen["layout"]
    assert not any(a.get("name") == "source" for a in screen["layout"].get("annotations", []))
    export = screen["layout"]["meta"]["export"]
    assert export["title"] == figure["layout"]["title"]
    assert export["margin"] == figure["layout"]["margin"]
    assert screen["layout"]["margin"]["t"] < figure["layout"]["margin"]["t"]
    assert "title" in figure["layout"]  # the input is not changed


def test_long_tick_labels_and_axis_titles_wrap_but_categories_stay():
    layout = wrap_axis_labels(_figure()["layout"])
    y = layout["yaxis"]
    assert y["tickvals"] == ["Oceania (exc. Australia and New Zealand)", "Europe"]  # the data's categories
    assert all(len(line) <= TICK_LINE for line in y["ticktext"][0].split("<br>"))
    assert plain(y["ticktext"][0]) == "Oceania (exc. Australia and New Zealand)"
    assert y["ticktext"][1] == "Europe"
    assert "<br>" in layout["xaxis"]["title"]["text"]


def test_wrap_label_keeps_markup_and_short_text():
    assert wrap_label("World", 5) == "World"
    assert wrap_label("<b>World (n=138) and more</b>", 10) == "<b>World (n=138)<br>and more</b>"
    assert wrap_label(3.5, 2) == 3.5
