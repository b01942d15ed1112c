"""The country card that opens the profile: 10.7.2 against region and world, change, objective coverage.

One screen (and one presenter slide). The numbers come from pure functions in
:mod:`data.profile_data`; this module lays them out. Status is always written in words or
numbers; colour only repeats it.
"""
from __future__ import annotations

from dash import html

from data.formatting import is_missing
from data.model import Dataset
from data.profile_data import ROUNDS, domain_distribution, objective_coverage, round_changes
from data.status import ORDINAL_CATEGORIES

from .figures.profile import make_domain_chart
from .view_kit import graph, source_text

GRAPH = "profile-domains-graph"
CHANGE_TEXT = {"improved": "\u25b2 up", "same": "= same", "declined": "\u25bc down",
               "one round": "\u2013", "not reported": "\u2013"}

COVERAGE_MARK = {"data": "\u2713", "no value": "\u2013", "no indicator": "\u00d7"}
COVERAGE_TEXT = {"data": "has data", "no value": "no value for this country",
                 "no indicator": "no indicator yet"}


def _category(value) -> str:
    return "\u2014" if is_missing(value) else str(int(value))


def domains_alt(rows: list[dict], name: str) -> str:
    """The chart's short text alternative (also the presenter's note); the numbers are in :func:`domains_table`."""
    groups = " and ".join(g for g, _, _ in rows[0]["groups"]) if rows else ""
    return (f"{name}'s SDG 10.7.2 category (1 to 4) in each of the seven series, beside how the countries "
            f"of {groups} spread over the four categories; every number is in \u201cThe chart's numbers\u201d.")


def domains_table(rows: list[dict], name: str) -> html.Details:
    """The chart's numbers as a table, for screen readers and for reading off exact counts."""
    groups = [g for g, _, _ in rows[0]["groups"]] if rows else []
    head = html.Tr([html.Th("Series", scope="col"), html.Th(name, scope="col")]
                   + [html.Th(f"{g}: {c}", scope="col") for g in groups for c in ORDINAL_CATEGORIES])
    body = [html.Tr([html.Th(r["short_label"], scope="row"), html.Td(_category(r["value"]), className="num")]
                    + [html.Td(f"{counts[c]} of {n}", className="num") for _, counts, n in r["groups"]
                       for c in ORDINAL_CATEGORIES]) for r in rows]
    return html.Details(className="profile-card-data", children=[
        html.Summary("The chart's numbers"),
        html.Div(html.Table([html.Caption(f"{name}'s category and the number of countries per category "
                                          "(1 requires further progress, 2 partially meets, 3 meets, "
                                          "4 fully meets)"),
                             html.Thead(head), html.Tbody(body)], className="analysis-table"),
                 className="profile-table-scroll", tabIndex="0", role="region",
                 **{"aria-label": "The chart's numbers (scrollable table)"})])


def _change_table(changes: list[dict], name: str) -> html.Section:
    head = html.Tr([html.Th("Series", scope="col"), html.Th(str(ROUNDS[0]), scope="col"),
                    html.Th(str(ROUNDS[1]), scope="col"), html.Th("Change", scope="col")])
    body = [html.Tr([html.Th(c["short_label"], scope="row"),
                     html.Td(_category(c["from_value"]), className="num"),
                     html.Td(_category(c["to_value"]), className="num"),
                     html.Td(CHANGE_TEXT[c["direction"]], className=f"change-{c['direction'].replace(' ', '-')}")])
            for c in changes]
    both = [c for c in changes if c["direction"] in ("improved", "same", "declined")]
    heading = html.H3(f"Change {ROUNDS[0]}\u2192{ROUNDS[1]} (SDG 10.7.2)")
    if not both:  # no table of dashes: say it once
        once = sorted({ROUNDS[0] if is_missing(c["to_value"]) else ROUNDS[1] for c in changes
                       if c["direction"] == "one round"})
        lead = (f"{name} reported only the {' and '.join(map(str, once))} round, so no change can be shown."
                if once else f"{name} did not report either round.")
        return html.Section([heading, html.P(lead, className="profile-card-lead")],
                            className="profile-card-block profile-change")
    counts = {d: sum(c["direction"] == d for c in both) for d in ("improved", "same", "declined")}
    lead = (f"{len(both)} of {len(changes)} series in both rounds: {counts['improved']} up, "
            f"{counts['same']} same, {counts['declined']} down (\u2013 = one round only).")
    return html.Section(className="profile-card-block profile-change", children=[
        heading,
        html.P(lead, className="profile-card-lead"),
        html.Table([html.Caption(f"{name}: SDG 10.7.2 category (1 to 4) in {ROUNDS[0]} and {ROUNDS[1]}; "
                                 "\u2014 = not reported", className="visually-hidden"),
                    html.Thead(head), html.Tbody(body)], className="profile-change-table")])


def _coverage(coverage: list[dict], name: str) -> html.Section:
    have = [c for c in coverage if c["status"] == "data"]
    chips = [html.Li([html.Span(COVERAGE_MARK[c["status"]], **{"aria-hidden": "true"}),
                      html.Span(str(c["number"]))],
                     className=f"coverage-chip coverage-{c['status'].replace(' ', '-')}",
                     title=f"Objective {c['number']} \u00b7 {c['short_label']}: {COVERAGE_TEXT[c['status']]}",
                     **{"aria-label": f"Objective {c['number']}, {c['short_label']}: {COVERAGE_TEXT[c['status']]}"})
             for c in coverage]
    gaps = []
    for status in ("no value", "no indicator"):
        numbers = [str(c["number"]) for c in coverage if c["status"] == status]
        if numbers:
            gaps.append(f"{COVERAGE_MARK[status]} {COVERAGE_TEXT[status].capitalize()}: "
                        f"objective{'s' if len(numbers) > 1 else ''} {', '.join(numbers)}.")
    return html.Section(className="profile-card-block profile-coverage", children=[
        html.H3("GCM objective coverage"),
        html.P(f"{name} has data for {len(have)} of the {len(coverage)} objectives "
               "(\u2713 = an indicator with a value; editorial mapping).",
               className="profile-card-lead"),
        html.Ol(chips, className="coverage-chips", **{"aria-label": "Objectives 1 to 23"}),
        html.P(" ".join(gaps) or "Every objective has at least one value.", className="profile-card-gaps"),
    ])


def country_card(iso3: str, dataset: Dataset, *, year, theme: str, presenter: bool = False) -> html.Section:
    """The one-screen card: domain chart, 2019->2021 change and objective coverage of ``iso3``."""
    name = dataset.countries.at[iso3, "name"]
    rows = domain_distribution(iso3, dataset, year)
    region = dataset.countries.at[iso3, "region"] or "no M49 region"
    fig = make_domain_chart(
        rows, name, theme=theme, title=f"{name}: SDG 10.7.2 migration policy categories",
        subtitle=f"Countries per category in {region} and the world; {name}'s category outlined",
        source=source_text([r["indicator_id"] for r in rows], dataset))
    chart = [graph(GRAPH, fig, domains_alt(rows, name), f"gcm-profile-{iso3}")]
    if not presenter:
        chart.append(domains_table(rows, name))
    side = html.Div([_change_table(round_changes(iso3, dataset), name),
                     _coverage(objective_coverage(iso3, dataset, year), name)], className="profile-card-side")
    children = [html.Div(chart, className="profile-card-chart"), side]
    if presenter:
        children.append(html.P("The full indicator table, classifications and sources are in this Country "
                               "view with presenter mode off.", className="profile-card-where"))
    return html.Section(children, className="profile-card", **{"aria-label": f"{name} at a glance"})
