"""Policy and practice: a 10.7.2 policy score against an outcome indicator, one point per country."""
from __future__ import annotations

from components import ids
from components.figures.common import jitter_note
from components.figures.gap import make_gap_scatter
from components.url_state import FilterState
from data import gap_data as gd
from data.formatting import areas_noun
from data.labels import short_label, topic_phrase

from .common import (empty, figure_theme, filters_in_words, graph, note, select, source_line, source_text,
                     summary)

CAVEAT = ("What this can and cannot say: points show association, not cause — many things shape outcomes. "
          "Only countries with both values are drawn, so coverage limits what the pattern means. SDG 10.7.2 "
          "is an ordinal score self-reported by governments, and the two values can come from different years.")


def render_gap(state: FilterState, dataset) -> list:
    """Scatter of policy against outcome with counts, medians per score and a caveat."""
    if state.outcome not in dataset.indicators.index or state.policy not in dataset.indicators.index:
        return [empty("Choose a policy measure and an outcome indicator.", state)]
    sel = select(state, dataset, [state.policy, state.outcome])
    if sel.countries.empty:
        return [empty("No countries match these filters.", state)]
    policy, outcome = dataset.indicators.loc[state.policy], dataset.indicators.loc[state.outcome]
    first, last = gd.window_bounds(dataset.years, state.since, "" if state.year == "latest" else state.year)
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
                         "outcome.", state))
    else:
        highlight = tuple(dict.fromkeys(state.highlight + state.compare))
        fig = make_gap_scatter(points, medians, policy, outcome, theme=figure_theme(state), highlight=highlight,
                               title=f"Policy and practice: {short_label(outcome)} against 10.7.2 "
                                     f"{short_label(policy).lower()}",
                               subtitle=f"{filters_in_words(state, dataset)} · latest values {window} · "
                                        f"{len(points)} countries with both",
                               source=source_text([state.policy, state.outcome], dataset))
        out.append(graph(ids.GAP_GRAPH, fig, text, f"gcm-gap-{state.policy}-{state.outcome}", height=600))
    out += [note(f"{CAVEAT} {jitter_note()}", "analysis-note caveat"),
            source_line([state.policy, state.outcome], dataset)]
    return out
