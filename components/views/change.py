"""Change between rounds: a from->to view of every country at once (the 10.7.2 transition matrix, or a
continuous indicator's 2019 value against its latest), dumbbells for a region or spotlight, and
continuous series over time with an animated map."""
from __future__ import annotations

from dash import html

from components.figures.change import make_dumbbell, make_time_series
from components.figures.map_animation import make_map_animation
from components.figures.transition import first_latest_note, make_first_latest, make_transition_matrix
from components.view_kit import (COMPARE_FIELD, POLICY_FIELD, View, countries_dropdown, display_theme, empty,
                                 filters_in_words, graph, has_country_filters, note, plural, policy_dropdown,
                                 select, source_line, source_text, summary)
from data import change_data as cd
from data.catalogue import policy_indicators
from data.labels import ORDINAL_SHORT, short_label, topic_phrase
from data.model import Dataset

POLICY = "change-policy"
COMPARE = "change-compare"
GRAPH = "change-graph"
COUNTS = "change-counts"
SERIES_GRAPH = "change-series-graph"
MAP_GRAPH = "change-map-graph"
MATRIX_GRAPH = "change-matrix-graph"
SCATTER_GRAPH = "change-scatter-graph"
NAMES = "change-matrix-names"
#: Everything after the view's main chart: hidden in presenter mode, where a slide is one chart.
SECONDARY = "change-secondary"
#: The view's main chart: in presenter mode it fills the slide.
MAIN = "change-main"


def _counts_table(counts, dataset, filtered: bool = False) -> html.Div:
    """Domains (rows) x World and regions (columns); each cell '▲ improved · = same · ▼ declined'.

    Under country filters the first column counts only the selection: it is called "Selection"
    (not "World"), and left out when it would repeat a single region's column."""
    # Plain records: a few dozen cells, where per-cell pandas lookups cost more than the table.
    records = counts.to_dict("records")
    if filtered:
        regions = {r["group"] for r in records} - {cd.WORLD}
        records = [r for r in records if r["group"] != cd.WORLD] if len(regions) == 1 else [
            {**r, "group": "Selection"} if r["group"] == cd.WORLD else r for r in records]
    groups = list(dict.fromkeys(r["group"] for r in records))
    widest = {g: max(r["both"] for r in records if r["group"] == g) for g in groups}
    by_indicator: dict[str, dict[str, dict]] = {}
    for r in records:
        by_indicator.setdefault(r["indicator_id"], {})[r["group"]] = r
    head = html.Tr([html.Th("Policy domain", scope="col")] + [
        html.Th(f"{g} (n={int(widest[g])})", scope="col") for g in groups])
    body = []
    for ind_id, cells in by_indicator.items():
        row = [html.Th(short_label(dataset.indicators.loc[ind_id]), scope="row")]
        for g in groups:
            c = cells.get(g)
            if c is None or not c["both"]:
                row.append(html.Td("–", className="count-cell none"))
                continue
            row.append(html.Td(f"▲{c['improved']} ={c['same']} ▼{c['declined']}", className="count-cell",
                               title=f"{c['improved']} improved, {c['same']} same, {c['declined']} declined "
                                     f"of {c['both']}; {c['left_out']} reported one round only"))
        body.append(html.Tr(row))
    # In a focusable scroll box: seven columns are wider than a phone, and the page must not scroll sideways.
    return html.Div(className="change-counts-scroll", tabIndex="0", role="region",
                    **{"aria-label": "Changes per domain and region (scrollable table)"},
                    children=html.Table(className="analysis-table change-counts", id=COUNTS, children=[
        html.Caption("Countries that improved (▲), stayed the same (=) or declined (▼) between 2019 and 2021, "
                     "per domain and M49 region; n = countries with both rounds (the first column's n is "
                     "for the widest domain)."),
        html.Thead(head), html.Tbody(body)]))


def _over_time(state, dataset: Dataset, sel) -> list:
    """Time series and animated map for a continuous indicator."""
    ind = dataset.indicators.loc[state.indicator]
    chosen = [i for i in (state.compare or ((state.country,) if state.country else ())) if i in sel.countries.index]
    theme = display_theme(state)
    src = source_text([state.indicator], dataset)
    if chosen:
        series = cd.country_series(dataset.observations, dataset.countries, state.indicator, chosen)
        fig = make_time_series(series, ind, by="name", theme=theme, source=src,
                               title=f"{ind['label']} over time", subtitle=", ".join(
                                   dataset.countries.loc[i, "name"] for i in chosen))
        alt = (f"Time series of {topic_phrase(ind)} for {len(chosen)} chosen countries; "
               f"{series['iso3'].nunique()} of them have data, {len(series)} observations in all.")
    else:
        series = cd.region_median_series(dataset.observations, sel.countries, state.indicator)
        fig = make_time_series(series, ind, by="group", theme=theme, source=src,
                               title=f"{ind['label']}: region medians over time",
                               subtitle=filters_in_words(state, dataset)
                               + " · each year's median is over the countries reporting that year")
        alt = (f"Region medians of {topic_phrase(ind)} per year for {series['group'].nunique()} regions; "
               "the countries behind each median change from year to year.")
    yearly = cd.yearly_values(dataset.observations, state.indicator, sel.countries.index)
    region = state.region[0] if len(state.region) == 1 else None
    anim = make_map_animation(yearly, ind, sel.countries, theme=theme, region=region, source=src,
                              title=f"{ind['label']} by year",
                              subtitle="Only values observed in each year are shown; press Play or drag the slider")
    years = sorted(yearly["year"].unique())
    map_alt = (f"Animated map of {topic_phrase(ind)}, one frame per year ({years[0]}–{years[-1]}), "
               if years else "Animated map with no values. ")
    return [html.H2(f"Over time: {short_label(ind)}", className="analysis-heading"),
            graph(SERIES_GRAPH, fig, alt, f"gcm-series-{state.indicator}"),
            graph(MAP_GRAPH, anim, map_alt + "countries without a value in a year shown as no data.",
                  f"gcm-map-years-{state.indicator}", height=620),
            source_line([state.indicator], dataset)]


def _names_table(cells, policy, dataset) -> html.Details:
    """The transition matrix as a table with every country named (its text alternative in full)."""
    cats = sorted(set(cells["from_category"]))
    by_cell = {(a, b): names for a, b, names in zip(cells["from_category"], cells["to_category"], cells["names"])}
    head = html.Tr([html.Th(f"{cd.ROUNDS[0]} \u2193 / {cd.ROUNDS[1]} \u2192", scope="col")]
                   + [html.Th(f"{b} {ORDINAL_SHORT[b]}", scope="col") for b in cats])
    body = [html.Tr([html.Th(f"{a} {ORDINAL_SHORT[a]}", scope="row")]
                    + [html.Td(f"{len(by_cell[(a, b)])}: {', '.join(by_cell[(a, b)])}" if by_cell[(a, b)] else "0")
                       for b in cats]) for a in cats]
    return html.Details(className="change-names", id=NAMES, children=[
        html.Summary("Countries in each cell"),
        html.Div(html.Table([html.Caption(f"Countries by {short_label(policy)} category in {cd.ROUNDS[0]} (rows) "
                                          f"and {cd.ROUNDS[1]} (columns); number, then names"),
                             html.Thead(head), html.Tbody(body)], className="analysis-table change-names-table"),
                 className="change-names-scroll", tabIndex="0", role="region",
                 **{"aria-label": "Countries in each cell (scrollable table)"})])


def _policy_section(state, dataset: Dataset, sel, rows, once, text) -> list:
    """Transition matrix (all countries at once), dumbbells for a region or spotlight, counts per domain."""
    policy = dataset.indicators.loc[state.policy]
    theme = display_theme(state)
    out = []
    if rows.empty:
        return [empty("No country in this selection reported both rounds of this series.")]
    cells = cd.transition_matrix(rows)
    fig = make_transition_matrix(
        cells, policy, theme=theme, title=f"{policy['label']}: 2019 \u2192 2021",
        subtitle=(f"{filters_in_words(state, dataset)} \u00b7 {len(rows)} countries with both rounds, {len(once)} "
                  "left out \u00b7 \u25b2 improved (right of the outlined diagonal), = same, \u25bc declined"),
        source=source_text([state.policy], dataset))
    out += [graph(MATRIX_GRAPH, fig, text, f"gcm-change-matrix-{state.policy}"), _names_table(cells, policy, dataset)]
    spot = [i for i in dict.fromkeys(state.highlight + state.compare) if i in set(rows["iso3"])]
    if state.region or spot:
        # Dumbbells only where they stay readable: a chosen region, or the spotlit countries.
        shown = rows if state.region else rows[rows["iso3"].isin(spot)].reset_index(drop=True)
        fig = make_dumbbell(shown, policy, theme=theme, highlight=spot,
                            title=f"{short_label(policy)}: country by country",
                            subtitle=(f"{filters_in_words(state, dataset) if state.region else 'Spotlit countries'}"
                                      f" \u00b7 {len(shown)} countries with both rounds"),
                            source=source_text([state.policy], dataset))
        alt = (f"Dumbbells of {len(shown)} countries: " + "; ".join(
            f"{n} {int(a)} to {int(b)}" for n, a, b in zip(shown["name"], shown["from_value"], shown["to_value"])) + ".")
        out.append(graph(GRAPH, fig, alt, f"gcm-change-{state.policy}", height=fig["layout"]["height"]))
    return out


def _first_latest(state, dataset: Dataset, sel) -> tuple[list, str]:
    """The continuous indicator's 2019 value against its latest, and the sentence that says what it shows."""
    ind = dataset.indicators.loc[state.indicator]
    iso3s = sel.countries.index
    rows = cd.first_and_latest(dataset.observations, dataset.countries, ind, iso3s)
    missing = cd.first_and_latest_left_out(dataset.observations, state.indicator, iso3s)
    counts = rows["direction"].value_counts()
    parts = ", ".join(f"{int(counts[d])} {d}" for d in ("improved", "same", "declined", "higher", "lower")
                      if d in counts)
    sentence = (f"For {topic_phrase(ind)}, {plural(len(rows), 'country', 'countries')} reported in 2019 and "
                f"later: {parts or 'none'}; {missing} reported but not in 2019 and a later year.")
    spot = [i for i in dict.fromkeys(state.highlight + state.compare)]
    fig = make_first_latest(rows, ind, theme=display_theme(state), highlight=spot,
                            title=f"{short_label(ind)}: 2019 against latest",
                            subtitle=f"{filters_in_words(state, dataset)} \u00b7 {first_latest_note(ind, rows)}",
                            source=source_text([state.indicator], dataset))
    return [graph(SCATTER_GRAPH, fig, sentence, f"gcm-change-first-latest-{state.indicator}")], sentence


def render_change(state, dataset: Dataset) -> list:
    """The main chart shows every country at once: the 10.7.2 transition matrix (2019 category x
    2021 category) or, for a continuous sidebar indicator, its 2019 value against the latest with
    its time series and animated map. Dumbbells only for a chosen region or spotlit countries."""
    sel = select(state, dataset, list(policy_indicators(dataset.indicators)))
    if sel.countries.empty:
        return [empty("No countries match these filters.")]
    iso3s = sel.countries.index.tolist()
    policy = dataset.indicators.loc[state.policy]
    rounds = cd.rounds_of(dataset)
    rows = cd.dumbbell_rows(rounds, dataset.countries, state.policy, iso3s)
    once = cd.left_out(rounds, state.policy, iso3s)
    counts = rows["direction"].value_counts()
    topic = topic_phrase(policy)
    text = (f"Of {plural(len(rows), 'country', 'countries')} in this selection that reported both the 2019 and "
            f"2021 rounds of {topic}, {int(counts.get('improved', 0))} improved, "
            f"{int(counts.get('same', 0))} stayed the same and {int(counts.get('declined', 0))} declined; "
            f"{plural(len(once), 'country', 'countries')} reported only one round and "
            f"{'is' if len(once) == 1 else 'are'} left out.")
    continuous = (state.indicator in dataset.indicators.index
                  and dataset.indicators.loc[state.indicator, "kind"] != "ordinal_1_4")
    policy_part = _policy_section(state, dataset, sel, rows, once, text)
    table = cd.change_counts(rounds, dataset.countries, policy_indicators(dataset.indicators), iso3s)
    policy_part += [_counts_table(table, dataset, filtered=has_country_filters(state)),
                    note("Scores are reported by governments (SDG 10.7.2). A change of category can reflect new "
                         "policies or a different reading of the questionnaire; it is not an outside assessment."),
                    source_line(list(policy_indicators(dataset.indicators)), dataset)]
    if not continuous:
        main, rest = [html.Div(policy_part[:1], className=MAIN)], policy_part[1:]
        rest.append(note("Choose a continuous indicator in the sidebar (for example remittance costs) to see its "
                         "2019 value against the latest, over time, and a map you can play year by year."))
        return [summary(text), *main, html.Div(rest, className=SECONDARY)]
    first, sentence = _first_latest(state, dataset, sel)
    rest = [*_over_time(state, dataset, sel),
            html.H2(f"SDG 10.7.2 rounds: {short_label(policy)}", className="analysis-heading"), *policy_part]
    return [summary(f"{text} {sentence}"), html.Div(first, className=MAIN), html.Div(rest, className=SECONDARY)]


def change_controls(dataset: Dataset, vocab) -> html.Div:
    """Policy series of the dumbbell; countries for the time series of a continuous indicator."""
    return html.Div(className="view-controls analysis-controls", children=[
        policy_dropdown(POLICY, dataset.indicators),
        countries_dropdown(COMPARE, "Countries over time", dataset.countries, vocab.countries,
                           "For a continuous indicator (sidebar); otherwise region medians are shown."),
    ])


VIEW = View(name="change", label="Change 2019→2021", render=render_change, controls=change_controls,
            control_fields=((POLICY, "policy"), (COMPARE, "compare")), url_fields=(COMPARE_FIELD, POLICY_FIELD),
            graph_ids=(MATRIX_GRAPH, SCATTER_GRAPH, GRAPH, SERIES_GRAPH, MAP_GRAPH))
