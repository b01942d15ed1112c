"""Figure builders and render functions of the analysis views."""
from __future__ import annotations

import json

import pytest

from components.figures import change, compare, corridors, gap, map_animation, regions
from components.theme import get_theme
from components.url_state import FilterState
from components.views import REGISTRY
from data import change_data as cd
from data import compare_data as kd
from data import corridor_data as rc
from data import gap_data as gd
from data import regional_data as rd

from .figure_checks import validated

# Every figure built in these tests is loaded into go.Figure, which validates it strictly.
make_dumbbell, make_time_series = validated(change.make_dumbbell), validated(change.make_time_series)
make_compare, make_corridor_costs = validated(compare.make_compare), validated(corridors.make_corridor_costs)
make_gap_scatter, make_region_shares = validated(gap.make_gap_scatter), validated(regions.make_region_shares)
make_map_animation = validated(map_animation.make_map_animation)


def _colours(fig) -> set[str]:
    import re
    spec = fig.to_plotly_json()
    spec["layout"].pop("template", None)  # plotly's defaults, not drawn colours
    text = json.dumps(spec, default=str)
    return {m.lower() for m in re.findall(r"#[0-9a-fA-F]{6}", text)}


def _theme_colours(theme) -> set[str]:
    import re
    text = json.dumps({k: (dict(v) if hasattr(v, "items") else v) for k, v in vars(theme).items()}, default=str)
    return {m.lower() for m in re.findall(r"#[0-9a-fA-F]{6}", text)}


def test_dumbbell_has_a_row_per_country_and_theme_colours_only(dataset):
    rows = cd.dumbbell_rows(cd.rounds_of(dataset), dataset.countries, "sdg10_7_2_all")
    ind = dataset.indicators.loc["sdg10_7_2_all"]
    for theme in ("light", "dark", "projector"):
        fig = make_dumbbell(rows, ind, theme=theme, highlight=["MEX"])
        assert _colours(fig) <= _theme_colours(get_theme(theme))
    names = [t.name for t in fig.data if t.name]
    assert any("Improved (19)" in n for n in names) and any("Declined (5)" in n for n in names)
    assert len(fig.data[0].y) == 62
    assert any("<b>Mexico" in y for y in fig.data[0].y)
    assert fig.layout.height >= 62 * 20  # every row label has room


def test_time_series_draws_official_target(dataset):
    ind = dataset.indicators.loc["sdg10_c_1_cost_to_receiving"]
    series = cd.country_series(dataset.observations, dataset.countries, ind.name, ["MEX", "IND"])
    fig = make_time_series(series, ind, by="name")
    target = [t for t in fig.data if t.name and t.name.startswith("Official target")]
    assert target and set(target[0].y) == {3.0}
    birth = dataset.indicators.loc["sdg16_9_1_birth_registration"]
    med = cd.region_median_series(dataset.observations, dataset.countries, birth.name)
    fig = make_time_series(med, birth, by="group")
    assert {100.0} == set([t for t in fig.data if t.name.startswith("Official target")][0].y)
    labour = dataset.indicators.loc["sdg8_8_2_labour_rights"]
    med = cd.region_median_series(dataset.observations, dataset.countries, labour.name)
    assert not [t for t in make_time_series(med, labour, by="group").data if t.name.startswith("Official")]


def test_map_animation_has_a_frame_per_year_and_no_carry_forward(dataset):
    ind = dataset.indicators.loc["sdg10_c_1_cost_to_receiving"]
    rows = cd.yearly_values(dataset.observations, ind.name, dataset.countries.index)
    fig = make_map_animation(rows, ind, dataset.countries)
    years = sorted(rows.year.unique())
    assert [f.name for f in fig.frames] == [str(y) for y in years]
    assert [s.label for s in fig.layout.sliders[0].steps] == [str(y) for y in years]
    assert fig.layout.updatemenus[0].buttons[0].label.endswith("Play")
    for frame in fig.frames:
        y = int(frame.name)
        expected = set(rows[rows.year == y].iso3)
        shown = set(frame.data[0].locations)
        assert shown <= expected and not (shown & set(frame.data[1].locations))
    zmins = {f.data[0].zmin for f in fig.frames}
    assert len(zmins) == 1  # one colour scale across years


def test_gap_scatter_regions_highlight_and_years_in_hover(dataset):
    pts, _ = gd.gap_points(dataset, dataset.countries, "sdg10_7_2_all",
                           "sdg10_c_1_cost_to_receiving", 2011, 2021)
    fig = make_gap_scatter(pts, gd.medians_by_score(pts), dataset.indicators.loc["sdg10_7_2_all"],
                           dataset.indicators.loc["sdg10_c_1_cost_to_receiving"], highlight=["MEX"])
    regions = [t for t in fig.data if t.name and t.name.split(" (")[0] in set(pts.region)]
    assert sum(len(t.x) for t in regions) == len(pts)
    theme = get_theme("light")
    # A spotlight mutes the other points by lightening their region colour (never darkening it).
    assert {t.marker.color for t in regions} <= {theme.muted(c) for c in theme.region_colors.values()}
    assert all("(20" in txt for t in regions for txt in t.text)  # each value's year shown
    spot = [t for t in fig.data if t.name == "Selected countries"][0]
    assert list(spot.text) == ["Mexico"]
    assert any(t.name and t.name.startswith("Official target") for t in fig.data)


def test_compare_rows_per_indicator(dataset):
    rows = kd.compare_rows(dataset, ["MEX", "PHL", "DEU"], dataset.indicators)
    have = kd.indicators_with_data(rows)
    fig = make_compare(rows[rows.indicator_id.isin(have)], dataset.indicators,
                       {"MEX": "Mexico", "PHL": "Philippines", "DEU": "Germany"})
    axes = [k for k in fig.layout.to_plotly_json() if k.startswith("yaxis")]
    assert len(axes) == len(have)
    assert [t.name for t in fig.data if t.showlegend is not False][-5:] == [
        "Mexico", "Philippines", "Germany", "Region median", "World median"]


def test_region_shares_and_corridors(dataset):
    fig = make_region_shares(rd.sdg_region_shares(dataset.regional_shares), "PD1")
    assert len(fig.data[1].x) == len(rd.SDG_REGIONS)
    costs = rc.corridor_costs(dataset.corridors, dataset.countries, "USA", "sending")
    fig = make_corridor_costs(costs)
    names = [t.name for t in fig.data if t.name]
    assert "Above 5% ceiling (29)" in names and any("3% target" in n for n in names)
    assert any("5% ceiling" in n and "Above" not in n for n in names)
    assert sum(len(t.x) for t in fig.data if t.mode == "markers+text") == 42


# The profile opens with the country's own heading and sentence instead.
@pytest.mark.parametrize("view", [name for name in REGISTRY.names if name != "profile"])
def test_every_view_renders_a_summary(dataset, view):
    out = REGISTRY.render(FilterState(view=view, compare=("MEX", "PHL"), country="USA"), dataset)
    assert any(getattr(c, "id", None) == "view-summary" for c in out)


# Methodology, compare (chosen countries) and the profile (one country) ignore the country filters.
@pytest.mark.parametrize("view", sorted(set(REGISTRY.names) - {"methodology", "compare", "profile"}))
def test_empty_filters_give_an_empty_state_not_a_blank(dataset, view):
    state = FilterState(view=view, region=("Oceania",), champion=True, flag=("lldc",), compare=("MEX", "PHL"),
                        country="USA")
    text = json.dumps([c.to_plotly_json() for c in REGISTRY.render(state, dataset)], default=str)
    assert "empty-state" in text


def test_change_summary_counts(dataset):
    out = REGISTRY.render(FilterState(view="change"), dataset)
    text = out[0].children
    assert "Of 62 countries" in text and "19 improved" in text and "76 countries reported only one round" in text


def test_compare_prompts_for_two_countries(dataset):
    out = REGISTRY.render(FilterState(view="compare", compare=("MEX",)), dataset)
    assert "two to six" in out[0].children


def test_region_share_labels_sit_away_from_the_2019_marker(dataset):
    shares = rd.sdg_region_shares(dataset.regional_shares)
    fig = make_region_shares(shares, "PD1")
    rows = shares[shares["domain_code"] == "PD1"]
    sides = list(fig.data[2].textposition)
    for before, after, side in zip(rows["share_2019"], rows["share_2021"], sides):
        assert side == ("middle left" if after < before else "middle right")
    assert "middle left" in sides or not (rows["share_2021"] < rows["share_2019"]).any()


def test_under_a_region_filter_the_world_bar_is_the_real_world(dataset):
    """Recomputed from the raw policy file: World counts every reporting country, not the filter's."""
    import pandas as pd

    from components.figures.uneven import SELECTION
    from data.paths import DEFAULT_FOLDER, POLICY_FILE
    from tests.component_tree import by_id
    raw = pd.read_csv(DEFAULT_FOLDER / POLICY_FILE)
    raw = raw[raw.policy_domain_code == "ALL"].sort_values("year").drop_duplicates("iso3", keep="last")
    world_n = raw.iso3.nunique()
    africa = dataset.countries.index[dataset.countries.region == "Africa"]
    africa_n = raw.iso3.isin(africa).sum()
    out = REGISTRY.render(FilterState(view="uneven", region=("Africa",)), dataset)
    labels = {y for t in by_id(out, "uneven-graph")["props"]["figure"]["data"] for y in t.get("y", [])}
    assert f"<b>World (n={world_n})</b>" in labels and f"Africa (n={africa_n})" in labels
    assert world_n > africa_n
    assert not any(SELECTION in label for label in labels)  # one region: its bar is the selection
    two = REGISTRY.render(FilterState(view="uneven", region=("Africa", "Europe")), dataset)
    labels = {y for t in by_id(two, "uneven-graph")["props"]["figure"]["data"] for y in t.get("y", [])}
    europe_n = raw.iso3.isin(dataset.countries.index[dataset.countries.region == "Europe"]).sum()
    assert f"<b>{SELECTION} (n={africa_n + europe_n})</b>" in labels and f"<b>World (n={world_n})</b>" in labels


# --- Change view: transition matrix is the main chart --------------------------------------------

from components.figures import transition  # noqa: E402

make_transition_matrix = validated(transition.make_transition_matrix)
make_first_latest = validated(transition.make_first_latest)


def _components(node):
    """Every Dash component under ``node`` (a component or list), depth first."""
    if isinstance(node, (list, tuple)):
        for child in node:
            yield from _components(child)
        return
    if node is None or isinstance(node, (str, int, float)):
        return
    yield node
    yield from _components(getattr(node, "children", None))


def _graph_ids(out) -> list[str]:
    return [c.id for c in _components(out) if type(c).__name__ == "Graph"]


@pytest.mark.parametrize("theme", ["light", "dark", "projector"])
def test_transition_matrix_writes_counts_and_direction_in_cells(dataset, theme):
    rows = cd.dumbbell_rows(cd.rounds_of(dataset), dataset.countries, "sdg10_7_2_all")
    cells = cd.transition_matrix(rows)
    fig = make_transition_matrix(cells, dataset.indicators.loc["sdg10_7_2_all"], theme=theme)
    heat = fig.data[0]
    counts = [[int(v) for v in row] for row in heat.z]
    assert sum(map(sum, counts)) == 62
    for i, row in enumerate(heat.text):
        for j, text in enumerate(row):
            n = counts[i][j]
            mark = "" if not n else "=" if i == j else "\u25b2" if j > i else "\u25bc"
            assert text == (f"<b>{n}</b> {mark}" if n else "0")
    # Names are on hover: the 28 countries that stayed at 3 are all in that cell's hover text.
    same3 = cells[(cells["from_category"] == 3) & (cells["to_category"] == 3)]["names"].iloc[0]
    assert all(name in heat.customdata[2][2] for name in same3)


def test_change_view_main_chart_by_mode(dataset):
    ids = _graph_ids(REGISTRY.render(FilterState(view="change"), dataset))
    assert ids[0] == "change-matrix-graph" and "change-graph" not in ids  # no 62-row dumbbell
    ids = _graph_ids(REGISTRY.render(FilterState(view="change", region=("Africa",)), dataset))
    assert ids[:2] == ["change-matrix-graph", "change-graph"]
    both = set(cd.dumbbell_rows(cd.rounds_of(dataset), dataset.countries, "sdg10_7_2_all")["iso3"])
    once = cd.left_out(cd.rounds_of(dataset), "sdg10_7_2_all")[0]
    other = sorted(both - {"MEX"})[0]
    out = REGISTRY.render(FilterState(view="change", highlight=("MEX", other, once)), dataset)
    [dumbbell] = [c for c in _components(out) if getattr(c, "id", None) == "change-graph"]
    # Only the spotlit countries with both rounds get a row.
    names = dataset.countries["name"]
    assert sorted(set(dumbbell.figure["data"][0]["y"])) == sorted(f"<b>{names[i]} ◆</b>" for i in ("MEX", other))
    ids = _graph_ids(REGISTRY.render(FilterState(view="change", indicator="sdg10_c_1_cost_to_receiving"), dataset))
    assert ids[0] == "change-scatter-graph" and "change-matrix-graph" in ids and "change-map-graph" in ids


def test_first_latest_scatter_counts(dataset):
    ind = dataset.indicators.loc["sdg10_c_1_cost_to_receiving"]
    rows = cd.first_and_latest(dataset.observations, dataset.countries, ind, dataset.countries.index)
    fig = make_first_latest(rows, ind, theme="projector", highlight=("MEX",))
    points = [t for t in fig.data if t.mode and "markers" in t.mode]
    assert sum(len(t.x) for t in points) == len(rows)
    assert any("Mexico" in (t.text or ()) for t in points)
    assert fig.data[0].name == "No change (diagonal)"
