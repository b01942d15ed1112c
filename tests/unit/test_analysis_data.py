"""Data prep of the analysis views, checked against independent pandas computations on the shipped data."""
from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest

from data import change_data as cd
from data import compare_data as kd
from data import corridor_data as rc
from data import gap_data as gd
from data import methodology_data as md
from data import queries as q
from data import regional_data as rd
from data.catalogue import policy_indicators
from data.selection import select
from data.table_data import citation_lines, csv_with_header, full_dataset_zip, tidy_rows
from tests.conftest import ROOT

# Read from the shipped map itself (independently of the app): the SDG 10.7.2 country series rows.
_MAP = pd.read_csv(ROOT / "data" / "sources" / "gcm_indicator_map.csv", dtype=str, keep_default_na=False)
ALL_10_7_2 = tuple(_MAP.loc[_MAP["series_code"] == "SG_CPA_MIGRS", "indicator_id"])


def test_policy_group_is_every_10_7_2_country_series(dataset):
    assert policy_indicators(dataset.indicators) == ALL_10_7_2 and len(ALL_10_7_2) == 7


def _rounds(dataset, ind):
    obs = dataset.observations
    rows = obs[(obs.indicator_id == ind) & obs.year.isin([2019, 2021])]
    return rows.pivot_table(index="iso3", columns="year", values="value")


def test_change_counts_all_domains_62_countries(dataset):
    wide = _rounds(dataset, "sdg10_7_2_all").dropna()
    assert len(wide) == 62
    counts = cd.change_counts(cd.rounds_of(dataset), dataset.countries, ["sdg10_7_2_all"])
    world = counts[counts.group == "World"].iloc[0]
    diff = wide[2021] - wide[2019]
    assert (world.improved, world.same, world.declined) == ((diff > 0).sum(), (diff == 0).sum(), (diff < 0).sum())
    assert world.both == 62
    assert world.left_out == _rounds(dataset, "sdg10_7_2_all").notna().sum(axis=1).eq(1).sum()


@pytest.mark.parametrize("ind", ALL_10_7_2)
def test_region_counts_add_up_to_world(dataset, ind):
    counts = cd.change_counts(cd.rounds_of(dataset), dataset.countries, [ind])
    world = counts[counts.group == "World"].iloc[0]
    regions = counts[counts.group != "World"]
    for col in ("improved", "same", "declined", "both", "left_out"):
        assert regions[col].sum() == world[col]


def test_dumbbell_rows_respect_filter_and_order(dataset):
    africa = dataset.countries.index[dataset.countries.region == "Africa"]
    rows = cd.dumbbell_rows(cd.rounds_of(dataset), dataset.countries, "sdg10_7_2_pd3", africa)
    wide = _rounds(dataset, "sdg10_7_2_pd3").dropna()
    assert set(rows.iso3) == set(wide.index) & set(africa)
    order = rows.direction.map({"improved": 0, "same": 1, "declined": 2})
    assert order.is_monotonic_increasing
    assert (rows.change == rows.to_value - rows.from_value).all()


def test_left_out_are_single_round_reporters(dataset):
    once = cd.left_out(cd.rounds_of(dataset), "sdg10_7_2_all")
    wide = _rounds(dataset, "sdg10_7_2_all")
    assert set(once) == set(wide.index[wide.notna().sum(axis=1) == 1])


@pytest.mark.parametrize("ind", ALL_10_7_2)
def test_round_table_agrees_with_round_change(dataset, ind):
    obs = dataset.observations
    table = cd.round_table(obs, ALL_10_7_2)
    part = table[table.indicator_id == ind].set_index("iso3")
    both = part[part.direction != "one round"]
    expected = q.round_change(obs, ind, 2019, 2021).set_index("iso3")
    assert set(both.index) == set(expected.index)
    for col in ("from_value", "to_value", "change", "direction"):
        assert both[col].reindex(expected.index).tolist() == expected[col].tolist(), col
    rows = obs[(obs.indicator_id == ind) & obs.year.isin([2019, 2021]) & obs.value.notna()]
    rounds = rows.groupby("iso3").year.nunique()
    assert set(part.index[part.direction == "one round"]) == set(rounds.index[rounds == 1])
    pd.testing.assert_frame_equal(cd.rounds_of(dataset), table)
    assert cd.rounds_of(dataset) is cd.rounds_of(dataset)  # built once per dataset


def test_region_median_series_matches_groupby(dataset):
    ind = "sdg10_c_1_cost_to_receiving"
    got = cd.region_median_series(dataset.observations, dataset.countries, ind)
    obs = dataset.observations[dataset.observations.indicator_id == ind]
    obs = obs.assign(region=obs.iso3.map(dataset.countries.region))
    expected = obs[obs.region.fillna("") != ""].groupby(["region", "year"]).value.median()
    for r in got.itertuples():
        assert r.median == pytest.approx(expected[(r.group, r.year)])


def test_gap_points_take_latest_in_window_and_keep_years(dataset):
    obs = dataset.observations
    pts, counts = gd.gap_points(dataset, dataset.countries, "sdg10_7_2_all", "sdg8_8_2_labour_rights", 2015, 2021)
    lab = obs[(obs.indicator_id == "sdg8_8_2_labour_rights") & obs.year.between(2015, 2021)]
    lab = lab.sort_values("year").groupby("iso3").last()
    pol = obs[(obs.indicator_id == "sdg10_7_2_all")].sort_values("year").groupby("iso3").last()
    both = sorted(set(lab.index) & set(pol.index) & set(dataset.countries.index))
    assert sorted(pts.iso3) == both
    for r in pts.head(20).itertuples():
        assert r.outcome_year == lab.at[r.iso3, "year"] and r.outcome_value == lab.at[r.iso3, "value"]
        assert r.policy_year == pol.at[r.iso3, "year"]
    assert counts["both"] == len(pts)


def test_gap_window_excludes_older_values(dataset):
    pts, _ = gd.gap_points(dataset, dataset.countries, "sdg10_7_2_all",
                           "sdg10_c_1_cost_to_receiving", 2021, 2021)
    assert (pts.policy_year == 2021).all() and (pts.outcome_year == 2021).all()
    assert gd.window_bounds([2000, 2010, 2021], "", "") == (2000, 2021)
    assert gd.window_bounds([2000, 2010, 2021], "2010", "2019") == (2010, 2019)


def test_rank_correlation_matches_pandas(dataset):
    pts, _ = gd.gap_points(dataset, dataset.countries, "sdg10_7_2_all",
                           "sdg10_c_1_cost_to_receiving", 2011, 2021)
    expected = pts.policy_value.rank().corr(pts.outcome_value.rank())
    assert gd.rank_correlation(pts) == pytest.approx(expected)
    assert gd.rank_correlation(pts.head(3)) is None


def test_compare_rows_medians_and_missing(dataset):
    rows = kd.compare_rows(dataset, ["MEX", "DEU"], dataset.indicators, "latest")
    assert len(rows) == 2 * len(dataset.indicators)
    latest = dataset.observations.sort_values("year").groupby(["indicator_id", "iso3"]).last().reset_index()
    r = rows[(rows.indicator_id == "sdg10_7_2_all") & (rows.iso3 == "MEX")].iloc[0]
    mex = latest[(latest.indicator_id == "sdg10_7_2_all") & (latest.iso3 == "MEX")]
    assert r.value == mex.value.iloc[0]
    all_ = latest[latest.indicator_id == "sdg10_7_2_all"]
    assert r.world_median == pytest.approx(all_.value.median()) and r.world_count == len(all_)
    americas = all_[all_.iso3.map(dataset.countries.region) == "Americas"]
    assert r.region_median == pytest.approx(americas.value.median())
    missing = rows[rows.value.isna()]
    assert missing.year.isna().all()


def test_sdg_region_shares_are_published_values(dataset):
    shares = rd.sdg_region_shares(dataset.regional_shares)
    assert shares.area.iloc[0] == "World" and set(shares.area) <= set(rd.SDG_REGIONS)
    src = dataset.regional_shares
    world = src[(src.area_name == "World") & (src.policy_domain_code == "ALL")].set_index("year").percent_of_countries
    row = shares[(shares.area == "World") & (shares.domain_code == "ALL")].iloc[0]
    assert row.share_2019 == world[2019] and row.share_2021 == world[2021]


def test_commission_shares_count_multi_members_in_each(dataset):
    sel = select(dataset, year="2021", indicator_ids=["sdg10_7_2_all"])
    vals = sel.values[sel.values.status.notna()]
    shares = rd.commission_shares(vals, sel.countries)
    reporting = shares.drop_duplicates("group").set_index("group").reporting
    for comm in reporting.index:
        members = sel.countries.index[sel.countries.commissions.map(lambda c: comm in c)]
        assert reporting[comm] == vals.iso3.isin(members).sum()
    assert reporting.sum() > vals.iso3.isin(sel.countries.index[sel.countries.commissions.map(len) > 0]).sum()
    assert "United States of America" in rd.countries_in_several(dataset.countries)


def test_corridor_costs_latest_per_corridor(dataset):
    c = dataset.corridors
    costs = rc.corridor_costs(c, dataset.countries, "USA", "sending")
    raw = c[(c.series_code == rc.SERIES) & (c.sending_iso3 == "USA") & (c.receiving_iso3.fillna("") != "")]
    latest = raw.sort_values("year").groupby("receiving_iso3").last()
    assert len(costs) == len(latest) == 42
    for r in costs.itertuples():
        assert r.value == latest.at[r.partner_iso3, "value"] and r.year == latest.at[r.partner_iso3, "year"]
    assert costs.value.is_monotonic_decreasing
    counts = rc.band_counts(costs)
    assert counts["above_ceiling"] == (latest.value >= 5).sum()
    assert counts["below_target"] == (latest.value < 3).sum()


def test_corridor_receiving_side_and_partner_filter(dataset):
    costs = rc.corridor_costs(dataset.corridors, dataset.countries, "IND", "receiving", partners=["USA", "GBR"])
    assert set(costs.partner_iso3) <= {"USA", "GBR"} and len(costs) >= 1


def test_methodology_docs_cover_every_indicator(dataset):
    docs = md.indicator_docs(dataset)
    assert {d["indicator_id"] for d in docs} == set(dataset.indicators.index)
    for d in docs:
        for key in ("definition", "unit", "source", "licence", "vintage", "nature", "objectives", "rationale",
                    "basis", "status"):
            assert d[key], (d["indicator_id"], key)
    thin = md.thin_series(dataset)
    best = dataset.observations.groupby(["indicator_id", "year"]).iso3.nunique().groupby("indicator_id").max()
    assert set(thin.indicator_id) == set(best[best < md.THIN_COUNTRIES].index)
    gaps = md.known_gaps(dataset)
    assert [n for n, _ in gaps["objectives_without_indicator"]] == [12, 13]


def test_table_rows_keep_missing_countries(dataset):
    sel = select(dataset, year="2021", indicator_ids=["sdg10_7_2_all"], region=["Europe"])
    rows = tidy_rows(sel, dataset)
    assert len(rows) == len(sel.countries)
    obs = dataset.observations
    have = obs[(obs.indicator_id == "sdg10_7_2_all") & (obs.year == 2021) & obs.iso3.isin(sel.countries.index)]
    assert rows.value.notna().sum() == len(have)
    assert (rows[rows.value.isna()].status == "No data").all()


def test_csv_header_and_zip_carry_citation_and_licence(dataset):
    text = csv_with_header(pd.DataFrame({"a": [1]}), citation_lines(dataset, "test", "?view=table"))
    assert text.startswith("# GCM Progress Dashboard") and "# Licence: CC BY 4.0" in text
    back = pd.read_csv(io.StringIO(text), comment="#")
    assert list(back.columns) == ["a"]
    with zipfile.ZipFile(io.BytesIO(full_dataset_zip(dataset))) as zf:
        assert {"README.txt", "observations.csv", "indicators.csv", "countries.csv", "sources.csv"} <= set(zf.namelist())
        assert "Licence:" in zf.read("README.txt").decode()
        obs = pd.read_csv(zf.open("observations.csv"), comment="#")
        assert len(obs) == len(dataset.observations)


def test_rank_correlation_is_spearman_with_average_ranks_for_ties():
    # y ranks 1, 2, 3.5, 5, 3.5: Pearson of the ranks is 8 / sqrt(10 * 9.5)
    pts = pd.DataFrame({"policy_value": [1.0, 2, 3, 4, 5], "outcome_value": [5.0, 6, 7, 8, 7]})
    assert gd.rank_correlation(pts) == pytest.approx(8 / (10 * 9.5) ** 0.5, abs=1e-12)
    assert gd.rank_correlation(pts.head(4)) is None  # fewer than five countries


# --- Transition matrix and first-vs-latest (the change view's main charts) ------------------------

@pytest.mark.parametrize("ind", ["sdg10_7_2_all", "sdg10_7_2_pd4"])
@pytest.mark.parametrize("region", [None, "Africa"])
def test_transition_counts_match_the_observations(dataset, ind, region):
    # Independent: pivot the raw 2019 and 2021 observations and count (2019, 2021) pairs.
    obs = dataset.observations
    rows = obs[(obs["indicator_id"] == ind) & obs["year"].isin([2019, 2021]) & obs["value"].notna()]
    wide = rows.pivot_table(index="iso3", columns="year", values="value", aggfunc="last").dropna()
    if region:
        wide = wide[wide.index.map(dataset.countries["region"]) == region]
    expected = wide.groupby([2019, 2021]).size().to_dict()
    iso3s = dataset.countries.index[dataset.countries["region"] == region] if region else None
    cells = cd.transition_matrix(cd.dumbbell_rows(cd.rounds_of(dataset), dataset.countries, ind, iso3s))
    assert len(cells) == 16 and cells["count"].sum() == len(wide)
    for cell in cells.itertuples():
        assert cell.count == expected.get((cell.from_category, cell.to_category), 0)
        assert cell.count == len(cell.names)
        assert cell.direction == ("improved" if cell.to_category > cell.from_category else
                                  "declined" if cell.to_category < cell.from_category else "same")
    names = dict(zip(dataset.countries.index, dataset.countries["name"]))
    mex = names["MEX"]
    if not region:
        a, b = wide.loc["MEX", 2019], wide.loc["MEX", 2021]
        [cell] = cells[(cells["from_category"] == a) & (cells["to_category"] == b)].itertuples()
        assert mex in cell.names


def test_transition_matrix_of_all_domains_is_the_62_countries(dataset):
    cells = cd.transition_matrix(cd.dumbbell_rows(cd.rounds_of(dataset), dataset.countries, "sdg10_7_2_all"))
    by_direction = cells.groupby("direction")["count"].sum().to_dict()
    change = q.round_change(dataset.observations, "sdg10_7_2_all", 2019, 2021)["direction"].value_counts()
    assert by_direction == change.to_dict() and sum(by_direction.values()) == 62


def test_first_and_latest_against_the_observations(dataset):
    ind = dataset.indicators.loc["sdg10_c_1_cost_to_receiving"]
    rows = cd.first_and_latest(dataset.observations, dataset.countries, ind, dataset.countries.index)
    obs = dataset.observations[(dataset.observations["indicator_id"] == ind.name)
                               & dataset.observations["value"].notna()]
    base = obs[obs["year"] == 2019].set_index("iso3")["value"]
    later = obs[obs["year"] > 2019].sort_values("year").groupby("iso3").last()
    both = sorted(set(base.index) & set(later.index))
    assert sorted(rows["iso3"]) == both
    for r in rows.itertuples():
        assert (r.from_value, r.to_value, r.to_year) == (base[r.iso3], later.at[r.iso3, "value"],
                                                          later.at[r.iso3, "year"])
        # Lower is better for remittance costs.
        assert r.direction == ("improved" if r.to_value < r.from_value else
                               "declined" if r.to_value > r.from_value else "same")
    left = cd.first_and_latest_left_out(dataset.observations, ind.name, dataset.countries.index)
    assert left == obs["iso3"].nunique() - len(both)
