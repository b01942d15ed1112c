"""The country profile: classifications, every indicator by GCM objective, changes and sources.

Pure builder: dataset in, Dash components out. The numbers come from
:mod:`data.profile_data`; this module only lays them out. Status is always written in words.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from dash import html

from data.model import PARTIAL_CLASSIFICATIONS, Dataset
from data.profile_data import classification_items, has_any_data, median_text, profile_rows
from data.summaries import profile_sentence

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


def _status_text(row: pd.Series) -> str:
    if pd.isna(row["value"]):
        return "no data"
    if isinstance(row["status"], str) and row["status"]:
        return row["status"]
    return "no status category (compare with medians)"


def _indicator_cell(row: pd.Series) -> html.Th:
    others = [n for n in row["objectives"] if n != row["primary_objective"]]
    parts = [html.Span(row["label"], className="profile-indicator-label")]
    if others:
        parts.append(html.Small(" Also informs objective" + ("s " if len(others) > 1 else " ")
                                + ", ".join(str(n) for n in others) + "."))
    return html.Th(parts, scope="row")


def _indicator_row(row: pd.Series, dataset: Dataset) -> html.Tr:
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
        html.Td(median_text(row, "region", dataset.indicators)),
        html.Td(median_text(row, "world", dataset.indicators)),
        html.Td(row["change_text"] or "not applicable (not a 10.7.2 series)"),
    ])


def _objective_sections(rows: pd.DataFrame, dataset: Dataset, region: str) -> list:
    heads = list(COLUMNS)
    heads[5] = f"Median, {region}" if region else "Region median"
    thead = html.Thead(html.Tr([html.Th(h, scope="col") for h in heads]))
    sections = []
    for number, group in rows.groupby("primary_objective", sort=True):
        label = dataset.objectives.at[number, "short_label"] if number in dataset.objectives.index else ""
        title = f"Objective {number} \u00b7 {label}"
        sections.append(html.Section([
            html.H4(title, title=dataset.objectives.at[number, "title"]
                    if number in dataset.objectives.index else None),
            html.Div(html.Table([html.Caption(f"{title}: indicators for this objective"), thead,
                                 html.Tbody([_indicator_row(r, dataset) for _, r in group.iterrows()])],
                                className="profile-table"), className="profile-table-scroll",
                     # focusable so keyboard users can scroll it when large type makes it overflow
                     tabIndex="0", role="region", **{"aria-label": f"{title} (scrollable table)"}),
        ], className="profile-objective"))
    return sections


def _source_item(source_id: str, dataset: Dataset, link_for_source) -> html.Li | None:
    if source_id not in dataset.sources.index:
        return None
    src = dataset.sources.loc[source_id]
    href = link_for_source(source_id) if link_for_source else src["url"]
    # A repository path is not a served URL; show it as text instead of a broken link.
    target = (html.A(src["citation"], href=href) if str(href).startswith(("http", "?", "/"))
              else html.Span(f"{src['citation']} ({href})"))
    return html.Li([target, f". Licence: {src['licence']}. Version: {src['vintage']}."])


def _sources(rows: pd.DataFrame, dataset: Dataset, link_for_source) -> html.Section:
    used = list(dict.fromkeys(rows.loc[rows["value"].notna(), "source_id"]))
    items = [_source_item(s, dataset, link_for_source) for s in used + list(CLASSIFICATION_SOURCES)]
    return html.Section([html.H3("Sources"), html.Ul([i for i in items if i is not None])],
                        className="profile-section profile-sources")


def make_country_profile(iso3, dataset: Dataset, *, year="latest",
                         link_for_source: Callable[[str], str] | None = None):
    """The profile of one country or area as a Dash component tree.

    ``year`` is ``"latest"`` (each indicator's latest value) or one year; region and world
    medians use the same selection. ``link_for_source(source_id)`` overrides source hrefs.
    Unknown codes give a message; a country without data says so plainly.
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
            _sources(pd.DataFrame({"value": [], "source_id": []}), dataset, link_for_source),
        ], className="profile")
    rows = profile_rows(code, dataset, year)
    when = "latest available year of each indicator" if str(year) == "latest" else f"year {year}"
    summary = profile_sentence(name, rows)
    if rows["value"].isna().all():
        summary = (f"No indicator values are published for {name} for {year}; choose "
                   "\u201clatest\u201d to see each indicator's most recent value.")
    return html.Article([
        heading,
        html.P(summary, className="profile-summary"),
        _classifications(code, dataset),
        html.Section([
            html.H3("Indicators by GCM objective"),
            html.P([f"Values for the {when}; medians over all reporting countries for the same "
                    "selection. Indicators are grouped under their main GCM objective. This mapping "
                    "is editorial, not official: ",
                    html.A("see the methodology", href=METHODOLOGY_HREF), "."],
                   className="profile-note"),
            *_objective_sections(rows, dataset, country["region"]),
        ], className="profile-section"),
        _sources(rows, dataset, link_for_source),
    ], className="profile")
