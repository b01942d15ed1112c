"""Regions: the UN's published SG_CPA_MIGRP shares by SDG region, and regional commissions
computed from the country scores."""
from __future__ import annotations

import pandas as pd
from dash import html

from components.figures.regions import make_region_shares
from components.figures.uneven import make_status_shares
from components.view_kit import (POLICY_FIELD, View, display_theme, empty, filters_in_words, graph, note,
                                 policy_dropdown, scroll_box, select, source_line, source_text, summary)
from data import queries as q
from data import regional_data as rd
from data.formatting import format_percent
from data.labels import short_label, topic_phrase
from data.model import Dataset

POLICY = "regions-policy"
GRAPH = "regions-graph"
COMMISSION_GRAPH = "commission-graph"

SHARES_SOURCE = ("Source: United Nations, Global SDG Indicators Database, series SG_CPA_MIGRP "
                 "(aggregates published by the UN, not computed here)")


def _domain_code(policy_id: str) -> str:
    tail = policy_id.rsplit("_", 1)[-1]
    return "ALL" if tail == "all" else tail.upper()


def _shares_table(shares: pd.DataFrame) -> html.Div:
    domains = list(dict.fromkeys(zip(shares["domain_code"], shares["domain"])))

    def cell(v19, v21):
        a = format_percent(v19, sign=False)  # half up: 48.5 reads 49 ("–" when not published)
        b = format_percent(v21, sign=False)
        return f"{a} → {b}"

    rows = []
    for area, part in shares.groupby("area", sort=False):
        by = part.set_index("domain_code")
        rows.append(html.Tr([html.Th(area, scope="row")] + [
            html.Td(cell(by.at[c, "share_2019"], by.at[c, "share_2021"]) if c in by.index else "–")
            for c, _ in domains]))
    return scroll_box(html.Table(className="analysis-table shares-table", children=[
        html.Caption("All domains at a glance: % of countries, 2019 → 2021 (SG_CPA_MIGRP as published, rounded "
                     "half up to whole percent; – = not published)."),
        html.Thead(html.Tr([html.Th("SDG region", scope="col")] + [
            html.Th("All domains" if c == "ALL" else f"{c[-1]} {name.split('/')[0]}", scope="col")
            for c, name in domains])),
        html.Tbody(rows)]), "Regional shares, all domains")


def render_regions(state, dataset: Dataset) -> list:
    """Published shares by SDG region (2019 vs 2021) and status shares by regional commission."""
    theme = display_theme(state)
    code = _domain_code(state.policy)
    policy = dataset.indicators.loc[state.policy]
    shares = rd.sdg_region_shares(dataset.regional_shares)
    mine = shares[shares["domain_code"] == code]
    world = mine[mine["area"] == "World"]
    if world.empty:
        text = f"The UN publishes no world share for {topic_phrase(policy)}."
    else:
        w = world.iloc[0]
        text = (f"As published by the UN, the share of countries with migration policies for {topic_phrase(policy)} "
                f"was {format_percent(w['share_2019'])} in 2019 and {format_percent(w['share_2021'])} in 2021 "
                "worldwide; "
                f"{int(mine['share_2021'].notna().sum()) - 1} SDG regions have a 2021 figure.")
    out = [summary(text)]
    fig = make_region_shares(shares, code, theme=theme,
                             title=f"Countries with migration policies, {short_label(policy).lower()}: 2019 and 2021",
                             subtitle="By SDG region · shares as published by the UN (not computed here)",
                             source=SHARES_SOURCE)
    out += [graph(GRAPH, fig, text, f"gcm-regions-{code}", height=640), _shares_table(shares),
            note("The UN's regional shares use more countries than are published one by one (for example, "
                 "the 2021 world share is consistent with 138 countries, while 89 have published scores), so they "
                 "are shown as published and never mixed with country values.")]
    sel = select(state, dataset, [state.policy])
    if sel.countries.empty:
        return out + [empty("No countries match these filters, so no commission grouping can be computed.")]
    values = sel.values[sel.values["status"].notna()]
    comm = rd.commission_shares(values, sel.countries)
    if comm.empty:
        return out + [empty("No country in this selection reported this series.")]
    world_rows = q.status_shares(values, sel.countries, by="__constant_world__")
    both = pd.concat([comm, world_rows], ignore_index=True)
    several = rd.countries_in_several(sel.countries[sel.countries.index.isin(values["iso3"])])
    reporting = comm.drop_duplicates("group").set_index("group")["reporting"]
    comm_text = ("By UN regional commission (computed from the published country scores, full members): "
                 + "; ".join(f"{g} {int(n)} reporting" for g, n in reporting.items())
                 + f". {len(several)} reporting countries belong to more than one commission and count in each.")
    fig2 = make_status_shares(both, {state.policy: policy["label"]}, theme=theme, year_label=sel.year_label,
                              title=f"{policy['label']}, by UN regional commission · {sel.year_label}",
                              subtitle=f"{filters_in_words(state, dataset)} · computed from country scores; "
                                       "a country in two commissions counts in both",
                              source=source_text([state.policy], dataset))
    out += [html.H2("Regional commissions", className="analysis-heading"), html.P(comm_text, className="summary"),
            graph(COMMISSION_GRAPH, fig2, comm_text, f"gcm-commissions-{code}", height=480),
            note("In more than one commission: " + (", ".join(several) if several else "none") + "."),
            source_line([state.policy], dataset)]
    return out


def regions_controls(dataset: Dataset, vocab) -> html.Div:
    """Policy domain of the regional charts."""
    return html.Div(className="view-controls analysis-controls", children=[
        policy_dropdown(POLICY, dataset.indicators)])


VIEW = View(name="regions", label="Regions", render=render_regions, controls=regions_controls,
            control_fields=((POLICY, "policy"),), url_fields=(POLICY_FIELD,), graph_ids=(GRAPH, COMMISSION_GRAPH))
