"""The country profile: classifications, every indicator by GCM objective, changes and sources.

Pure builder: dataset in, Dash components out. The numbers come from
:mod:`data.profile_data`; this module only lays them out. Status is always written in words.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
from dash import html

from data.model import PARTIAL_CLASSIFICATIONS, Dataset
from data.profile_data import (classification_items, has_any_data, median_text, profile_frame,
                               profile_records, table_rows)
from data.queries import objectives_without_indicator
from data.summaries import profile_sentence
from data.years import LATEST

from .profile_card import country_card

METHODOLOGY_HREF = "?view=methodology"
#: Reference-table sources every profile relies on, besides the indicator sources.
CLASSIFICATION_SOURCES = ("un_m49", "un_regional_commissions", "world_bank_income_groups",
                          "gcm_champions", "ga_vote_2018", "gcm_indicator_map")
COLUMNS = ("Indicator", "Value", "Status", "Year", "Nature of data", "Region median",
           "World median", "Change 2019\u21922021")


def unknown_country(iso3) -> html.Div:
    """The message shown for a missing or unknown country code (never an exception)."""
    code = str(iso3 or "").strip()[:12]
    text = (f"No country or area with the code \u201c{code}\u201d is in the reference table. "
            if code else "No country is selected. ")
    return html.Div([html.H2("Country profile"),
                     html.P(text + "Choose a country from the list or the map.")],
                    className="profile profile-unknown", role="status")


def _classifications(iso3: str, dataset: Dataset) -> html.Section:
    items = []
    for label, text in classification_items(iso3, dataset):
        items += [html.Dt(label), html.Dd(text)]
    return html.Section([
        html.H3("Classifications"),
        html.Dl(items, className="profile-classifications"),
        html.P(PARTIAL_CLASSIFICATIONS["gcm_champion"], className="profile-note"),
    ], className="profile-section")


def _status_text(row: Mapping) -> str:
    if pd.isna(row["value"]):
        return "no data"
    if isinstance(row["status"], str) and row["status"]:
        return row["status"]
    return "no status category (compare with medians)"


def _indicator_cell(row: Mapping) -> html.Th:
    others = [n for n in row["objectives"] if n != row["primary_objective"]]
    parts = [html.Span(row["label"], className="profile-indicator-label")]
    if others:
        parts.append(html.Small(" Also informs objective" + ("s " if len(others) > 1 else " ")
                                + ", ".join(str(n) for n in others) + "."))
    return html.Th(parts, scope="row")


def _indicator_row(row: Mapping, indicator: Mapping) -> html.Tr:
    missing = pd.isna(row["value"])
    status = _status_text(row)
    status_class = ("nodata" if missing else
                    f"status-{int(row['value'])}" if row["kind"] == "ordinal_1_4" else "status-none")
    return html.Tr([
        _indicator_cell(row),
        html.Td("\u2014 no data" if missing else row["value_text"], className="nodata" if missing else None),
        html.Td(status, className=f"profile-status {status_class}"),
        html.Td("" if missing else str(int(row["year"]))),
        html.Td(row["nature_text"]),
        html.Td(median_text(row, "region", indicator)),
        html.Td(median_text(row, "world", indicator)),
        html.Td(row["change_text"] or "not applicable (not a 10.7.2 series)"),
    ])


def _objective_head(number: int, objective, note, columns: int) -> html.Tr:
    """The row that opens an objective's group in the one indicator table (spans every column)."""
    label = objective["short_label"] if objective is not None else ""
    cell = [html.H4(f"Objective {number} \u00b7 {label}", className="profile-objective-title",
                    title=objective["title"] if objective is not None else None)]
    if note is not None:
        cell.append(note)
    return html.Tr(html.Th(cell, colSpan=columns, scope="colgroup"), className="profile-objective-row")


def _objective_sections(rows: list[dict], dataset: Dataset, region: str) -> list:
    """One table (so every column lines up) with a row group per GCM objective, all 23 named.

    Rows sit under their primary objective. An objective only tagged by indicators of other
    objectives names them; an objective no indicator informs is a named gap.
    """
    heads = list(COLUMNS)
    heads[5] = f"Median, {region}" if region else "Region median"
    thead = html.Thead(html.Tr([html.Th(h, scope="col") for h in heads]))
    catalogue = table_rows(dataset, "indicators")
    objectives = table_rows(dataset, "objectives")
    by_objective: dict[int, list[dict]] = {}
    tagged: dict[int, list[dict]] = {}
    for row in rows:  # rows keep matrix order within each objective
        by_objective.setdefault(row["primary_objective"], []).append(row)
        for n in row["objectives"]:
            if int(n) != row["primary_objective"]:
                tagged.setdefault(int(n), []).append(row)
    gaps = set(objectives_without_indicator(dataset.indicators, dataset.objectives))
    bodies = []
    for number in sorted(objectives):
        objective = objectives.get(number)
        if number in by_objective:
            own = by_objective[number]
            missing = all(pd.isna(r["value"]) for r in own)
            note = (html.P("No value for this country for any of these indicators.",
                           className="profile-note profile-objective-nodata") if missing else None)
            body = [_objective_head(number, objective, note, len(heads))]
            body += [_indicator_row(r, catalogue[r["indicator_id"]]) for r in own]
        elif number in gaps:  # a named gap: the objective is listed, not silently left out
            note = html.P([f"No indicator measures objective {number} yet \u2014 ",
                           html.A("see the methodology", href=METHODOLOGY_HREF), "."],
                          className="profile-note profile-gap")
            body = [_objective_head(number, objective, note, len(heads))]
        else:  # informed only by indicators listed under another objective
            others = tagged.get(number, [])
            names = "; ".join(f"{r['short_label']} (objective {r['primary_objective']})" for r in others)
            note = html.P(f"No indicator of its own; also informed by: {names}.",
                          className="profile-note profile-tagged")
            body = [_objective_head(number, objective, note, len(heads))]
        bodies.append(html.Tbody(body, className="profile-objective"))
    caption = html.Caption("Indicators by GCM objective: value, status, year, nature of data, region "
                           "and world medians, and the 2019\u21922021 change")
    return [html.Div(html.Table([caption, _colgroup(), thead, *bodies], className="profile-table"),
                     className="profile-table-scroll",
                     # focusable so keyboard users can scroll it when it is wider than the screen
                     tabIndex="0", role="region", **{"aria-label": "Indicators by GCM objective (scrollable table)"})]


def _colgroup() -> html.Colgroup:
    """Fixed column widths: the same column sits at the same place in every objective's group."""
    widths = ("26%", "11%", "12%", "6%", "11%", "11%", "11%", "12%")
    return html.Colgroup([html.Col(style={"width": w}) for w in widths])


def _source_item(source_id: str, dataset: Dataset, link_for_source) -> html.Li | None:
    src = table_rows(dataset, "sources").get(source_id)
    if src is None:
        return None
    href = link_for_source(source_id) if link_for_source else src["url"]
    # A repository path is not a served URL; show it as text instead of a broken link.
    target = (html.A(src["citation"], href=href) if str(href).startswith(("http", "?", "/"))
              else html.Span(f"{src['citation']} ({href})"))
    return html.Li([target, f". Licence: {src['licence']}. Version: {src['vintage']}."])


def _sources(rows: list[dict], dataset: Dataset, link_for_source) -> html.Section:
    used = list(dict.fromkeys(r["source_id"] for r in rows if not pd.isna(r["value"])))
    items = [_source_item(s, dataset, link_for_source) for s in used + list(CLASSIFICATION_SOURCES)]
    return html.Section([html.H3("Sources"), html.Ul([i for i in items if i is not None])],
                        className="profile-section profile-sources")


def profile_table(iso3, dataset: Dataset, *, year=LATEST) -> list:
    """The indicator table of a profile (every indicator by GCM objective) on its own, for the
    profile view's static HTML fragment; empty for an unknown country or one without data."""
    code = str(iso3 or "").strip().upper()
    if code not in dataset.countries.index or not has_any_data(code, dataset):
        return []
    rows = profile_records(code, dataset, year)
    return _objective_sections(rows, dataset, dataset.countries.loc[code, "region"])


def make_country_profile(iso3, dataset: Dataset, *, year=LATEST,
                         link_for_source: Callable[[str], str] | None = None,
                         theme: str = "light", presenter: bool = False, table_src: str | None = None):
    """The profile of one country or area as a Dash component tree.

    ``year`` is ``"latest"`` (each indicator's latest value) or one year; region and world
    medians use the same selection. ``link_for_source(source_id)`` overrides source hrefs.
    Unknown codes give a message; a country without data says so plainly. The one-screen
    country card comes first (figures in ``theme``); ``presenter`` shows the card only.
    ``table_src``, if given, puts an empty host fetching the indicator table from that
    same-origin path (:func:`profile_table` as static HTML) where the table would be.
    """
    code = str(iso3 or "").strip().upper()
    if code not in dataset.countries.index:
        return unknown_country(iso3)
    country = dataset.countries.loc[code]
    name = country["name"]
    heading = html.H2(f"{name} ({code})", className="profile-title")
    if not has_any_data(code, dataset):
        return html.Article([
            heading,
            html.P(f"No indicator values are published for {name} in the shipped dataset.",
                   className="profile-summary profile-nodata"),
            _classifications(code, dataset),
            _sources([], dataset, link_for_source),
        ], className="profile")
    rows = profile_records(code, dataset, year)
    when = "latest available year of each indicator" if str(year) == LATEST else f"year {year}"
    summary = profile_sentence(name, profile_frame(rows))
    if all(pd.isna(r["value"]) for r in rows):
        summary = (f"No indicator values are published for {name} for {year}; choose "
                   "\u201clatest\u201d to see each indicator's most recent value.")
    card = country_card(code, dataset, year=year, theme=theme, presenter=presenter)
    if presenter:  # one slide: the card only; the card says where the table is
        # The chart's title names the country: no separate heading on the slide.
        return html.Article([html.H2(f"{name} ({code})", className="visually-hidden"), card],
                            className="profile profile-presenter")
    return html.Article([
        heading,
        html.P(summary, className="profile-summary"),
        card,
        html.Section([
            html.H3("Indicators by GCM objective"),
            html.P([f"Values for the {when}; medians over all reporting countries for the same "
                    "selection. Indicators are grouped under their main GCM objective; every objective "
                    "is listed, also those without data. This mapping is editorial, not official: ",
                    html.A("see the methodology", href=METHODOLOGY_HREF), "."],
                   className="profile-note"),
            # Hundreds of cells as Dash components cost the renderer seconds on every visit: the
            # view fetches them as static HTML instead (components/views/profile.py).
            *([html.Div(className="profile-table-host", **{"data-src": table_src})] if table_src
              else _objective_sections(rows, dataset, country["region"])),
        ], className="profile-section"),
        _classifications(code, dataset),
        _sources(rows, dataset, link_for_source),
    ], className="profile")
