"""Control values <-> FilterState."""
from __future__ import annotations

from components import ids
from components.state_controls import controls_from_state, indicator_for_objectives, state_from_controls
from components.url_state import FilterState
from components.views import REGISTRY


def test_controls_round_trip(vocab):
    state = FilterState(view="uneven", indicator="sdg10_7_2_pd2", year="2019", region=("Asia",),
                        champion=True, objective=(1,), country="IND", sort="name")
    assert state_from_controls(controls_from_state(state, REGISTRY), vocab, REGISTRY)[0] == state


def test_fields_without_a_control_value_keep_the_links_value(vocab):
    values = {ids.REGION: ["Europe"]}
    state, notices = state_from_controls(values, vocab, REGISTRY, "?view=matrix&compare=FRA,DEU&since=2015")
    assert state.region == ("Europe",) and state.view == "matrix"
    assert state.compare == ("FRA", "DEU") and state.since == "2015" and notices == []


def test_untrusted_values_are_dropped(vocab):
    state, notices = state_from_controls({ids.REGION: [{"x": 1}, "Africa", True], ids.YEAR: 3.5,
                                          ids.VIEW_TABS: ["map"]}, vocab, REGISTRY)
    assert state.region == ("Africa",) and state.year == "latest"
    assert state.view == "map"


def test_indicator_moves_into_objective_scope(dataset, vocab):
    state = FilterState(indicator="sdg10_7_2_all", year="2021", objective=(8,))
    moved, note = indicator_for_objectives(state, dataset.indicators, vocab)
    assert moved.indicator == "sdg10_7_3_deaths" and "changed" in note
    assert moved.year in ("2021", "latest")
    unchanged, none = indicator_for_objectives(FilterState(objective=(23,)), dataset.indicators, vocab)
    assert unchanged.indicator == "sdg10_7_2_all" and none is None


def test_choosing_an_objective_picks_the_indicator_it_is_primary_for(dataset, vocab):
    import pandas as pd

    from data.paths import DEFAULT_FOLDER
    catalogue = pd.read_csv(DEFAULT_FOLDER / "gcm_indicator_map.csv")
    expected = catalogue.loc[catalogue.primary_objective == 20, "indicator_id"].iloc[0]
    assert expected.startswith("sdg10_c_1")  # remittance cost, not a 10.7.2 domain tagged with 20
    moved, note = indicator_for_objectives(FilterState(objective=(20,)), dataset.indicators, vocab)
    assert moved.indicator == expected and "measures the chosen objective" in note
