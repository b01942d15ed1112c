"""Policy and practice: a 10.7.2 policy score against an outcome indicator, one point per country."""
from __future__ import annotations

from dash import dcc, html

from components.figures.common import jitter_note
from components.figures.gap import make_gap_scatter
from components.url_fields import MAX_HIGHLIGHT, UrlField, choice, short
from components.view_kit import (COMPARE_FIELD, POLICY_FIELD, View, display_theme, empty,
                                 filters_in_words, graph, indicator_options, labelled, note,
                                 policy_dropdown, select, source_line, source_text, summary)
from data import gap_data as gd
from data.formatting import areas_noun
from data.labels import short_label, topic_phrase
from data.model import Dataset
from data.years import LATEST

POLICY = "gap-policy"
OUTCOME = "gap-outcome"
SINCE = "gap-since"
GRAPH = "gap-graph"


def parse_since(value: str, vocab):
    """The first year of the time window ('' = earliest available)."""
    if value == "" or (value.isdigit() and int(value) in vocab.years):
        return value, None
    return None, f"“{short(value)}” is not a year in the data for the time window; ignored."


OUTCOME_FIELD = UrlField("outcome", "sdg10_c_1_cost_to_receiving", choice("outcome indicator", lambda v: v.indicators))
SINCE_FIELD = UrlField("since", "", parse_since)

CAVEAT = ("What this can and cannot say: points show association, not cause — many things shape outcomes. "
          "Only countries with both values are drawn, so coverage limits what the pattern means. SDG 10.7.2 "
          "is an ordinal score self-reported by governments, and the two values can come from different years.")


def render_gap(state, dataset: Dataset) -> list:
    """Scatter of policy against outcome with counts, medians per score and a caveat."""
    if state.outcome not in dataset.indicators.index or state.policy not in dataset.indicators.index:
        return [empty("Choose a policy measure and an outcome indicator.")]
    sel = select(state, dataset, [state.policy, state.outcome])
    if sel.countries.empty:
        return [empty("No countries match these filters.")]
    policy, outcome = dataset.indicators.loc[state.policy], dataset.indicators.loc[state.outcome]
    first, last = gd.window_bounds(dataset.years, state.since, "" if state.year == LATEST else state.year)
    points, cover = gd.gap_points(dataset, sel.countries, state.policy, state.outcome, first, last)
    medians = gd.medians_by_score(points)
    rho = gd.rank_correlation(points)
    window = f"{first}–{last}" if state.since else f"any year up to {last}"
    text = (f"{cover['both']} of {areas_noun(cover['countries'])} in this selection have both "
            f"a 10.7.2 score for {topic_phrase(policy)} ({cover['policy']} have one) and a value for {topic_phrase(outcome)} "
            f"({cover['outcome']} have one), taking each country's latest value in {window}.")
    if rho is not None:
        strength = "weak" if abs(rho) < 0.3 else ("moderate" if abs(rho) < 0.6 else "strong")
        text += f" The rank correlation is {strength} (Spearman ρ = {rho:.2f})."
    out = [summary(text)]
    if points.empty:
        out.append(empty("No country has both values in this window. Widen the window or choose another "
                         "outcome."))
    else:
        fig = make_gap_scatter(points, medians, policy, outcome, theme=display_theme(state), highlight=state.highlight,
                               title=f"Policy and practice: {short_label(outcome)} against 10.7.2 "
                                     f"{short_label(policy).lower()}",
                               subtitle=f"{filters_in_words(state, dataset)} · latest values {window} · "
                                        f"{len(points)} countries with both",
                               source=source_text([state.policy, state.outcome], dataset))
        out.append(graph(GRAPH, fig, text, f"gcm-gap-{state.policy}-{state.outcome}", height=600))
    out += [note(f"{CAVEAT} {jitter_note()}", "analysis-note caveat"),
            source_line([state.policy, state.outcome], dataset)]
    return out


def gap_controls(dataset: Dataset, vocab) -> html.Div:
    """Policy measure, outcome indicator and start of the time window. Countries are spotlit with
    the page's one spotlight control (``highlight``), as in every other view."""
    indicators = dataset.indicators
    outcome_ids = [i for i in indicators.index if indicators.loc[i, "kind"] != "ordinal_1_4"]
    options, pending = [], None
    for opt in indicator_options(indicators.loc[outcome_ids], dataset.objectives):
        if opt.get("disabled"):
            pending = opt
            continue
        if pending is not None:
            options.append(pending)
            pending = None
        options.append(opt)
    since = [{"label": "Earliest available", "value": ""}] + [
        {"label": str(y), "value": str(y)} for y in sorted(vocab.years, reverse=True)]
    return html.Div(className="view-controls analysis-controls", children=[
        policy_dropdown(POLICY, indicators),
        labelled("Outcome indicator", dcc.Dropdown(id=OUTCOME, options=options, clearable=False),
                 control_id=OUTCOME),
        labelled("Values from", dcc.Dropdown(id=SINCE, options=since, clearable=True,
                                             placeholder="Earliest available", searchable=False),
                 "…up to the sidebar year (or the latest).", SINCE),
    ])


def old_highlight_link(state):
    """Links from before the one spotlight control carried the gap view's own "Highlight
    countries" box in ``compare``: such countries join the spotlight (``highlight``), so old links
    show the same points ringed, now listed in (and removable from) the page's spotlight control."""
    if not state.compare:
        return state, None
    merged = tuple(dict.fromkeys(state.highlight + state.compare))[:MAX_HIGHLIGHT]
    return state.with_changes(highlight=merged, compare=()), None


VIEW = View(name="gap", label="Policy vs practice", render=render_gap, controls=gap_controls,
            control_fields=((POLICY, "policy"), (OUTCOME, "outcome"), (SINCE, "since")),
            url_fields=(COMPARE_FIELD, POLICY_FIELD, OUTCOME_FIELD, SINCE_FIELD), graph_ids=(GRAPH,),
            check=old_highlight_link)
