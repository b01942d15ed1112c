"""Pure queries: results checked against independent pandas computations on the real data."""
from __future__ import annotations

import pandas as pd
import pytest

from data import queries as q
from data.status import ORDINAL_CATEGORIES, status_of


def test_coverage_matches_sources_md(dataset):
    cov = q.coverage(dataset.observations)
    allrows = cov[cov.indicator_id == "sdg10_7_2_all"].set_index("year")["countries"]
    assert allrows.to_dict() == {2019: 111, 2021: 89}
    obs = dataset.observations
    assert obs[obs.indicator_id == "sdg10_7_2_all"].iso3.nunique() == 138


def test_queries_do_not_mutate_inputs(dataset):
    before = dataset.observations.copy()
    countries_before = dataset.countries.copy()
    values = q.with_status(q.latest_values(dataset.observations, up_to_year=2020), dataset.indicators)
    q.status_shares(values, dataset.countries)
    q.group_medians(values, dataset.countries)
    q.implementation_matrix(values, dataset.indicators, dataset.countries.head(20))
    q.round_change(dataset.observations, "sdg10_7_2_all", 2019, 2021)
    pd.testing.assert_frame_equal(before, dataset.observations)
    pd.testing.assert_frame_equal(countries_before, dataset.countries)


def test_latest_value_keeps_its_own_year(dataset):
    obs = dataset.observations
    rows = obs[obs.indicator_id == "sdg17_3_2_remittances_gdp"]
    latest = q.latest_values(obs, ["sdg17_3_2_remittances_gdp"], up_to_year=2015)
    expected = rows[rows.year <= 2015].sort_values("year").groupby("iso3").tail(1).set_index("iso3")
    got = latest.set_index("iso3")
    assert set(got.index) == set(expected.index)
    assert (got.loc[expected.index, "year"] == expected["year"]).all()
    assert (got.loc[expected.index, "value"] == expected["value"]).all()


def test_filter_countries_combines_classifications(dataset):
    c = dataset.countries
    got = q.filter_countries(c, regions=["Africa"], flags=["ldc"], commissions=["ECA"])
    expected = c[(c.region == "Africa") & c.ldc & c.commissions.map(lambda t: "ECA" in t)]
    assert list(got.index) == list(expected.index) and len(got) > 10


def test_champion_filter(dataset):
    got = q.filter_countries(dataset.countries, champion_only=True)
    assert len(got) == 30


def test_status_shares_sum_to_100_and_count_reporting(dataset):
    values = q.with_status(q.values_for(dataset.observations, ["sdg10_7_2_pd6"], 2021), dataset.indicators)
    shares = q.status_shares(values, dataset.countries)
    sums = shares.groupby("group")["share"].sum()
    assert sums.round(6).eq(100).all()
    assert shares.groupby("group")["reporting"].first().sum() == 89


def test_round_change_only_counts_countries_with_both_rounds(dataset):
    change = q.round_change(dataset.observations, "sdg10_7_2_all", 2019, 2021)
    assert len(change) == 62  # SOURCES.md: 62 countries have both rounds
    assert set(change.direction) <= {"improved", "same", "declined"}


def test_objectives_without_indicator(dataset):
    assert q.objectives_without_indicator(dataset.indicators, dataset.objectives) == [12, 13]


def test_indicators_for_principle(dataset):
    got = q.indicators_for(dataset.indicators, principles=[9])
    assert set(got.index) == {"sdg10_7_2_all", "sdg10_7_2_pd2"}


@pytest.mark.parametrize("value, label", [(1, ORDINAL_CATEGORIES[1]), (4, "Fully meets"), (2.5, None)])
def test_ordinal_status(dataset, value, label):
    assert status_of(dataset.indicators.loc["sdg10_7_2_pd1"], value) == label


def test_status_only_where_rule_exists(dataset):
    ind = dataset.indicators
    assert status_of(ind.loc["sdg10_c_1_cost_to_receiving"], 2.9) == "Below 3% target"
    assert status_of(ind.loc["sdg10_c_1_cost_to_receiving"], 6.0) == "Above 5% ceiling"
    assert status_of(ind.loc["sdg16_9_1_birth_registration"], 50.0) is None
    assert status_of(ind.loc["sdg17_3_2_remittances_gdp"], 5.0) is None
