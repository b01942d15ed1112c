"""Change between rounds: 10.7.2 in 2019 against 2021, and continuous series over time."""
from __future__ import annotations

from dash import html

from components.figures.change import make_dumbbell, make_time_series
from components.figures.map_animation import make_map_animation
from components.view_kit import (COMPARE_FIELD, POLICY_FIELD, View, countries_dropdown, display_theme, empty,
                                 filters_in_words, graph, note, plural, policy_dropdown, select, source_line,
                                 source_text, summary)
from data import change_data as cd
from data.catalogue import policy_indicators
from data.labels import short_label, topic_phrase
from data.model import Dataset

POLICY = "change-policy"
COMPARE = "change-compare"
GRAPH = "change-graph"
COUNTS = "change-counts"
SERIES_GRAPH = "change-series-graph"
MAP_GRAPH = "change-map-graph"


def _counts_table(counts, dataset) -> html.Table:
    """Domains (rows) x World and regions (columns); each cell '▲ improved · = same · ▼ declined'."""
    # Plain records: a few dozen cells, where per-cell pandas lookups cost more than the table.
    records = counts.to_dict("records")
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
    return html.Table(className="analysis-table change-counts", id=COUNTS, children=[
        html.Caption("Countries that improved (▲), stayed the same (=) or declined (▼) between 2019 and 2021, "
                     "per domain and M49 region; n = countries with both rounds (the World column's n is "
                     "for the widest domain)."),
        html.Thead(head), html.Tbody(body)])


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


def render_change(state, dataset: Dataset) -> list:
    """Dumbbell of the chosen 10.7.2 series, counts per domain and region, and (for a continuous
    sidebar indicator) its time series with target line and an animated map."""
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
    out = [summary(text)]
    if rows.empty:
        out.append(empty("No country in this selection reported both rounds of this series."))
    else:
        fig = make_dumbbell(rows, policy, theme=display_theme(state), highlight=state.highlight + state.compare,
                            title=f"{policy['label']}: 2019 → 2021",
                            subtitle=f"{filters_in_words(state, dataset)} · {len(rows)} countries with both rounds, "
                                     f"{len(once)} left out",
                            source=source_text([state.policy], dataset))
        out.append(graph(GRAPH, fig, text, f"gcm-change-{state.policy}", height=fig["layout"]["height"]))
    table = cd.change_counts(rounds, dataset.countries, policy_indicators(dataset.indicators), iso3s)
    out += [_counts_table(table, dataset),
            note("Scores are reported by governments (SDG 10.7.2). A change of category can reflect new "
                 "policies or a different reading of the questionnaire; it is not an outside assessment."),
            source_line(list(policy_indicators(dataset.indicators)), dataset)]
    if state.indicator in dataset.indicators.index and dataset.indicators.loc[state.indicator, "kind"] != "ordinal_1_4":
        out += _over_time(state, dataset, sel)
    else:
        out.append(note("Choose a continuous indicator in the sidebar (for example remittance costs) to see it "
                        "over time, with its official target and a map you can play year by year."))
    return out


def change_controls(dataset: Dataset, vocab) -> html.Div:
    """Policy series of the dumbbell; countries for the time series of a continuous indicator."""
    return html.Div(className="view-controls analysis-controls", children=[
        policy_dropdown(POLICY, dataset.indicators),
        countries_dropdown(COMPARE, "Countries over time", dataset.countries, vocab.countries,
                           "For a continuous indicator (sidebar); otherwise region medians are shown."),
    ])


VIEW = View(name="change", label="Change 2019→2021", render=render_change, controls=change_controls,
            control_fields=((POLICY, "policy"), (COMPARE, "compare")), url_fields=(COMPARE_FIELD, POLICY_FIELD),
            graph_ids=(GRAPH, SERIES_GRAPH, MAP_GRAPH))
