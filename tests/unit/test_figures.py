"""Figure builders against the real shipped dataset."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from components import figures
from components.figures import GRAPH_CONFIG, graph_config, status_shares_with_world
from components.figures.map import map_areas
from components.theme import THEME_NAMES, get_theme
from data.load import load_dataset
from data.queries import filter_countries, group_medians, values_for, with_status
from data.status import ORDINAL_CATEGORIES

from .figure_checks import validated

# Every figure built in these tests is loaded into go.Figure, which validates it strictly.
empty_figure, make_map = validated(figures.empty_figure), validated(figures.make_map)
make_distribution, make_status_shares = validated(figures.make_distribution), validated(figures.make_status_shares)

ROOT = Path(__file__).resolve().parents[2]
ALL = "sdg10_7_2_all"


@pytest.fixture(scope="module")
def d():
    return load_dataset()


@pytest.fixture(scope="module")
def policy_2021(d):
    return with_status(values_for(d.observations, [ALL], 2021), d.indicators)


def _names(fig):
    return [t.name for t in fig.data if t.type == "choropleth"]


def _locations(fig, label):
    return {loc for t in fig.data if t.type == "choropleth" and t.name and label in t.name
            for loc in t.locations}


def test_ordinal_map_has_one_trace_per_category_then_no_data(d, policy_2021):
    fig = make_map(policy_2021, d.indicators.loc[ALL], d.countries, year_label="2021 round")
    names = _names(fig)
    assert len(names) == 5
    for name, label in zip(names, ORDINAL_CATEGORIES.values()):
        assert label in name
    assert names[-1].startswith("No data")
    assert fig.layout.geo.fitbounds is False and fig.layout.geo.projection.type == "natural earth"


def test_fully_meeting_country_is_in_its_trace_and_hover_has_year(d, policy_2021):
    fully = policy_2021[policy_2021["value"] == 4]["iso3"]
    drawn, _ = map_areas()
    iso3 = next(i for i in fully if i in drawn)
    fig = make_map(policy_2021, d.indicators.loc[ALL], d.countries)
    assert iso3 in _locations(fig, "Fully meets")
    trace = next(t for t in fig.data if t.type == "choropleth" and "Fully meets" in t.name)
    text = trace.text[list(trace.locations).index(iso3)]
    assert "Year of data: 2021" in text and d.countries.at[iso3, "name"] in text


def test_no_data_trace_holds_filtered_countries_without_value(d, policy_2021):
    africa = filter_countries(d.countries, regions=["Africa"])
    fig = make_map(policy_2021, d.indicators.loc[ALL], africa, region="Africa")
    drawn, centroids = map_areas()
    expected = set(africa.index) - set(policy_2021["iso3"])
    shown = _locations(fig, "No data")
    points = {t.name for t in fig.data if t.type == "scattergeo"}
    assert shown == expected & drawn
    assert any(n.startswith("No data") for n in points) or not (expected & set(centroids))
    assert not shown & set(policy_2021["iso3"])
    every = {loc for t in fig.data if t.type == "choropleth" for loc in t.locations}
    assert every <= set(africa.index)


def test_continuous_colourbar_states_unit_and_direction(d):
    iid = "sdg16_9_1_birth_registration"
    vals = with_status(values_for(d.observations, [iid], "latest"), d.indicators)
    fig = make_map(vals, d.indicators.loc[iid], d.countries)
    value = next(t for t in fig.data if t.type == "choropleth" and t.showscale)
    assert "higher is better" in value.colorbar.title.text
    assert d.indicators.at[iid, "unit"] in value.colorbar.title.text
    years = set(vals["year"].astype(str))
    assert any(f"Year of data: {y}" in value.text[0] for y in years)


def test_empty_filter_says_so(d, policy_2021):
    fig = make_map(policy_2021, d.indicators.loc[ALL], d.countries.iloc[0:0])
    assert "No countries match these filters" in [a.text for a in fig.layout.annotations]
    assert "Nothing" in [a.text for a in empty_figure("Nothing", "dark").layout.annotations]


def test_share_segments_sum_to_100_per_region(d):
    latest = with_status(values_for(d.observations, None, 2021), d.indicators)
    policy = latest[latest["indicator_id"].str.startswith("sdg10_7_2")]
    shares = status_shares_with_world(policy, d.countries)
    labels = {i: i for i in sorted(shares["indicator_id"].unique())}
    fig = make_status_shares(shares, labels, year_label="2021 round")
    assert len(fig.data) == 4 * len(labels)
    for axis in {t.xaxis for t in fig.data}:
        bars = [t for t in fig.data if t.xaxis == axis]
        totals = pd.DataFrame([list(t.x) for t in bars]).sum()
        assert totals.round(6).eq(100).all()
    world_n = policy[policy["indicator_id"] == ALL]["iso3"].nunique()
    assert f"World (n={world_n})" in fig.data[0].y[0]
    assert all(t.text is not None for t in fig.data)


def test_distribution_shows_target_and_world_median(d):
    iid = "sdg10_c_1_cost_to_receiving"
    vals = values_for(d.observations, [iid], "latest")
    fig = make_distribution(vals, d.countries, group_medians(vals, d.countries),
                            d.indicators.loc[iid])
    names = [t.name for t in fig.data]
    assert any(n.startswith("World median") for n in names)
    target = next(t for t in fig.data if t.name.startswith("Official target"))
    assert list(target.x) == [3.0, 3.0]
    assert "lower is better" in fig.layout.xaxis.title.text
    again = make_distribution(vals, d.countries, None, d.indicators.loc[iid])
    assert again.data[0].y == fig.data[0].y  # deterministic jitter


@pytest.mark.parametrize("name", THEME_NAMES)
def test_every_theme_builds_and_titles_are_in_the_figure(d, policy_2021, name):
    fig = make_map(policy_2021, d.indicators.loc[ALL], d.countries, theme=name,
                   subtitle="Filters: all countries", source="Source: test")
    assert fig.layout.title.subtitle.text == "Filters: all countries"
    # The footer carries the source and the editorial-mapping line, so exported images keep both.
    assert any(a.text == "Source: test<br>Objective mapping is editorial (see Methodology)."
               for a in fig.layout.annotations)
    assert fig.layout.paper_bgcolor == get_theme(name).background
    assert fig.layout.font.color == get_theme(name).text_color


def test_no_hard_coded_colours_in_figure_code():
    for path in (ROOT / "components" / "figures").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"#[0-9a-fA-F]{3,8}\b['\"]", source), path.name
        assert not re.search(r"rgba?\(", source), path.name


def test_graph_config_is_offline_and_without_cloud():
    for config in (GRAPH_CONFIG, graph_config("GCM map: Africa/2021", "/app/assets/")):
        assert config["showSendToCloud"] is False and config["displaylogo"] is False
        assert config["topojsonURL"].endswith("assets/") and "://" not in config["topojsonURL"]
    assert graph_config("a/b c")["toImageButtonOptions"]["filename"] == "a_b_c"
    assert (ROOT / "assets" / "world_110m.json").is_file()
