"""Sentences checked against counts computed independently from the real dataset."""
from __future__ import annotations

import pytest

from data import queries
from data.load import load_dataset
from data.profile_data import profile_rows
from data.summaries import (change_sentence, distribution_sentence, map_sentence,
                            profile_sentence, series_overview_sentence, share_sentence)


@pytest.fixture(scope="module")
def d():
    return load_dataset()


def _obs(d, ind, year=None):
    rows = d.observations[d.observations["indicator_id"] == ind]
    return rows if year is None else rows[rows["year"] == year]


def test_share_sentence_counts_2021_domain6(d):
    rows = _obs(d, "sdg10_7_2_pd6", 2021)
    assert len(rows) == 89  # SOURCES.md: 89 countries in the 2021 round
    values = queries.with_status(queries.values_for(d.observations, None, 2021), d.indicators)
    shares = queries.status_shares(values, d.countries, by="world")
    text = share_sentence(shares, d.indicator("sdg10_7_2_pd6"), 2021)
    fully, further = int((rows["value"] == 4).sum()), int((rows["value"] == 1).sum())
    assert text == (f"In 2021, {fully} of 89 reporting countries fully met domain 6 "
                    f"(safe, orderly and regular migration); {further} required further progress.")


def test_share_sentence_2019_has_111(d):
    values = queries.with_status(queries.values_for(d.observations, None, 2019), d.indicators)
    shares = queries.status_shares(values, d.countries, by="world")
    assert "of 111 reporting countries" in share_sentence(shares, d.indicator("sdg10_7_2_all"), 2019)


def test_share_sentence_one_group(d):
    values = queries.with_status(queries.values_for(d.observations, None, 2021), d.indicators)
    shares = queries.status_shares(values, d.countries, by="region")
    africa = [i for i in _obs(d, "sdg10_7_2_all", 2021)["iso3"] if d.countries.at[i, "region"] == "Africa"]
    text = share_sentence(shares, d.indicator("sdg10_7_2_all"), 2021, group="Africa")
    assert f"of {len(africa)} reporting countries in Africa" in text


def test_share_sentence_without_rows(d):
    empty = queries.status_shares(
        queries.with_status(_obs(d, "none"), d.indicators), d.countries)
    assert "no country reported" in share_sentence(empty, d.indicator("sdg10_7_2_all"), 2021)


def test_distribution_sentence_remittance_cost(d):
    ind = d.indicator("sdg10_c_1_cost_to_receiving")
    values = queries.latest_values(d.observations, [ind["indicator_id"]])
    medians = queries.group_medians(values, d.countries)
    text = distribution_sentence(values, medians, ind, "latest")
    below = int((values["value"] < 3).sum())
    median = values["value"].median()
    per_year = values["year"].value_counts().sort_index()
    assert len(per_year) == 3  # few years: the sentence says how many values come from each
    mix = ", ".join(f"{n} from {y}" for y, n in list(per_year.items())[:-1])
    mix += f" and {per_year.iloc[-1]} from {per_year.index[-1]}"
    assert text.startswith(f"Across {values['iso3'].nunique()} reporting countries")
    assert f"was {median:.2f}% (latest data: {mix})" in text  # banded: two decimals
    assert text.endswith(f"; {below} were in the band \u201cBelow 3% target\u201d.")


def test_distribution_sentence_ordinal_and_empty(d):
    ind = d.indicator("sdg10_7_2_all")
    values = queries.values_for(d.observations, [ind["indicator_id"]], 2021)
    text = distribution_sentence(values, queries.group_medians(values, d.countries), ind, 2021)
    assert f"median score for all six policy domains was {int(values['value'].median())} of 4 (in 2021)" in text
    assert f"{int((values['value'] == 4).sum())} fully met it" in text
    none = values.iloc[0:0]
    assert distribution_sentence(none, queries.group_medians(none, d.countries), ind, 2021).startswith(
        "No country reports")


def test_map_sentence_counts_categories_and_missing(d):
    ind = d.indicator("sdg10_7_2_all")
    africa = queries.filter_countries(d.countries, regions=["Africa"])
    values = queries.values_for(d.observations, [ind["indicator_id"]], 2021)
    mine = values[values["iso3"].isin(africa.index)]
    text = map_sentence(values, ind, africa, 2021)
    assert f"{len(mine)} of {len(africa)} countries and areas shown have data" in text
    for n, label in ((4, "Fully meets"), (1, "Requires further progress")):
        assert f"{label}: {int((mine['value'] == n).sum())}" in text
    assert text.endswith(f"{len(africa) - len(mine)} countries and areas have no data.")


def test_map_sentence_continuous_range(d):
    ind = d.indicator("sdg17_3_2_remittances_gdp")
    values = queries.latest_values(d.observations, [ind["indicator_id"]])
    text = map_sentence(values, ind, d.countries, "latest")
    top = values.loc[values["value"].idxmax()]
    assert d.countries.at[top["iso3"], "name"] in text
    assert f"{len(d.countries) - values['iso3'].isin(d.countries.index).sum()} countries and areas have no data" in text


def test_change_sentence_counts_rounds(d):
    ind = d.indicator("sdg10_7_2_all")
    change = queries.round_change(d.observations, "sdg10_7_2_all", 2019, 2021)
    first = set(_obs(d, "sdg10_7_2_all", 2019)["iso3"])
    second = set(_obs(d, "sdg10_7_2_all", 2021)["iso3"])
    both = first & second
    once = len(first ^ second)
    up = sum(1 for i in both if _obs(d, "sdg10_7_2_all", 2021).set_index("iso3").at[i, "value"]
             > _obs(d, "sdg10_7_2_all", 2019).set_index("iso3").at[i, "value"])
    text = change_sentence(change, ind, observations=d.observations)
    assert text.startswith(f"Of {len(both)} countries with both rounds")
    assert f", {up} improved," in text
    assert text.endswith(f"; {once} reported only once and are left out.")
    assert "reported only once" not in change_sentence(change, ind)


def test_change_sentence_empty(d):
    ind = d.indicator("sdg10_7_2_all")
    change = queries.round_change(d.observations, "sdg10_7_2_all", 2019, 2021, iso3s=["ATA"])
    assert change_sentence(change, ind).startswith("No country reported both")


def test_profile_sentence(d):
    with_data = _obs(d, "sdg10_7_2_all", 2021).iloc[0]
    rows = profile_rows(with_data["iso3"], d)
    name = d.countries.at[with_data["iso3"], "name"]
    text = profile_sentence(name, rows)
    assert text.startswith(f"{name} has data for {int(rows['value'].notna().sum())} of {len(rows)} indicators")
    assert "in 2021" in text
    empty = sorted(set(d.countries.index) - set(d.observations["iso3"]))[0]
    assert profile_sentence("X", profile_rows(empty, d)) == (
        "No indicator values are published for X in the shipped dataset.")


def test_series_overview_names_the_most_and_fewest_fully_meeting_with_their_counts(d):
    """One sentence for the seven 10.7.2 series side by side, counted series by series from the rows."""
    series = [i for i in d.indicators.index if i.startswith("sdg10_7_2_")]
    values = queries.with_status(queries.values_for(d.observations, series, 2021), d.indicators)
    shares = queries.status_shares(values, d.countries, by="world")
    text = series_overview_sentence(shares, d.indicators.loc[series], 2021)
    fully = {i: int((_obs(d, i, 2021)["value"] == 4).sum()) for i in series}
    best, worst = max(fully.values()), min(fully.values())
    assert text.startswith("In 2021, 89 countries report on each of these 7 series.")
    most, fewest = text.split("The most countries fully meet ")[1].split("; the fewest, ")
    assert all(f"({n} of 89)" in most for i, n in fully.items() if n == best)
    assert f"({worst} of 89)" in fewest
    assert text.count("In 2021") == 1
