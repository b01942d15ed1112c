"""Methodology and sources: every indicator's definition, source and mapping, and the known gaps."""
from __future__ import annotations

from dash import html

from components.static_html import static_block
from components.view_kit import View, summary
from data import methodology_data as md
from data.model import Dataset

CONTAINER = "methodology"

FIELDS = (("Definition", "definition"), ("SDG series", "sdg"), ("Unit, kind, direction", "unit"),
          ("Official target", "target"), ("Coverage", "coverage"), ("Nature codes in the data", "nature"),
          ("GCM objectives", "objectives"), ("Guiding principles", "principles"),
          ("Mapping basis", "basis"), ("Rationale", "rationale"), ("Evidence", "evidence"),
          ("How status is derived", "status"), ("Source", "source"), ("Licence", "licence"),
          ("Data vintage", "vintage"))


def _indicator_section(doc: dict) -> html.Section:
    items = []
    for label, key in FIELDS:
        if doc.get(key):
            items += [html.Dt(label), html.Dd(doc[key])]
    if doc.get("source_url"):
        items += [html.Dt("Source address"), html.Dd(html.A(doc["source_url"], href=doc["source_url"],
                                                            rel="noopener noreferrer"))]
    return html.Section(className="method-indicator", id=f"method-{doc['indicator_id']}", children=[
        html.H3(f"{doc['label']} (objective {doc['primary_objective']})"), html.Dl(items)])


def _gaps(dataset) -> html.Section:
    gaps = md.known_gaps(dataset)
    thin = gaps["thin_series"]
    missing = gaps["objectives_without_indicator"]
    return html.Section(className="method-gaps", children=[
        html.H2("Known data gaps"),
        html.Dl([
            html.Dt("Objectives with no indicator"),
            html.Dd("; ".join(f"Objective {n}: {label}" for n, label in missing) or "none"),
            html.Dt(f"Thin series (fewer than {md.THIN_COUNTRIES} countries in their best year)"),
            html.Dd("; ".join(f"{r.label}: at most {r.max_countries} "
                                f"{'country' if r.max_countries == 1 else 'countries'}, {r.years} "
                                f"{'year' if r.years == 1 else 'years'}"
                              for r in thin.itertuples()) or "none"),
            html.Dt("GCM Champion countries"), html.Dd(gaps["champion"]),
            html.Dt("Other known gaps"), html.Dd(html.Ul([html.Li(g) for g in gaps["known"]])),
        ])])


def render_methodology(state, dataset: Dataset) -> list:
    """Headings and definition lists; the 24 indicator sections are shipped as one static block."""
    docs = md.indicator_docs(dataset)
    gaps = md.known_gaps(dataset)
    text = (f"How the {len(docs)} indicators are defined, sourced and mapped to GCM objectives. "
            f"{len(gaps['objectives_without_indicator'])} objectives have no indicator and "
            f"{len(gaps['thin_series'])} series are thin. The objective mapping is editorial unless marked official.")
    rules = [html.Li(rule) for rule in md.band_rules(dataset)]
    return [summary(text), html.Div(id=CONTAINER, className="methodology", children=[
        html.Section([
            html.H2("How status is derived"),
            html.P("Only the SDG 10.7.2 scores carry the four official categories (1 Requires further progress, "
                   "2 Partially meets, 3 Meets, 4 Fully meets), as reported by governments. Remittance costs carry a "
                   "band from the official target:"),
            html.Ul(rules),
            *[html.P(text) for text in md.display_rules()],
            html.P("Every other indicator is shown as a value compared with region and world medians, without a "
                   "status. Missing values are shown as missing, never estimated or carried forward."),
        ]),
        _gaps(dataset),
        html.H2("Indicators"),
        static_block(html.Div([_indicator_section(d) for d in docs]), "static-html method-indicators"),
    ])]


VIEW = View(name="methodology", label="Methodology", render=render_methodology)
