"""Country profile: data prep and component tree, checked against the real dataset."""
from __future__ import annotations

import pandas as pd
import pytest
from dash import html

from components.profile import METHODOLOGY_HREF, make_country_profile
from data import queries
from data.load import load_dataset
from data.profile_data import classification_items, profile_records, profile_rows
from data.status import ORDINAL_CATEGORIES
from tests.conftest import ROOT

SOURCES = ROOT / "data" / "sources"


@pytest.fixture(scope="module")
def d():
    return load_dataset()


def _text(node) -> str:
    """All visible text of a component tree, joined."""
    if node is None:
        return ""
    if isinstance(node, (str, int, float)):
        return str(node)
    if isinstance(node, (list, tuple)):
        return " ".join(_text(n) for n in node)
    return _text(getattr(node, "children", None))


def _walk(node):
    yield node
    children = getattr(node, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if child is not None and not isinstance(child, (str, int, float)):
            yield from _walk(child)


@pytest.fixture(scope="module")
def reporter(d):
    """A country with a 2021 all-domains rating, and that rating in words."""
    row = d.observations[(d.observations["indicator_id"] == "sdg10_7_2_all")
                         & (d.observations["year"] == 2021)].iloc[0]
    return row["iso3"], ORDINAL_CATEGORIES[int(row["value"])]


def test_profile_rows_cover_every_indicator(d, reporter):
    iso3, category = reporter
    rows = profile_rows(iso3, d)
    assert len(rows) == len(d.indicators)
    headline = rows.set_index("indicator_id").loc["sdg10_7_2_all"]
    assert headline["status"] == category and headline["year"] == 2021


def test_profile_rows_medians_match_group_medians(d, reporter):
    iso3, _ = reporter
    rows = profile_rows(iso3, d).set_index("indicator_id")
    latest = queries.latest_values(d.observations, ["sdg10_7_2_all"])
    region = d.countries.at[iso3, "region"]
    in_region = latest[latest["iso3"].map(d.countries["region"]) == region]["value"]
    assert rows.at["sdg10_7_2_all", "region_median"] == in_region.median()
    assert rows.at["sdg10_7_2_all", "region_count"] == len(in_region)
    assert rows.at["sdg10_7_2_all", "world_median"] == latest["value"].median()


def test_change_text_both_rounds_and_one_round(d):
    obs = d.observations[d.observations["indicator_id"] == "sdg10_7_2_all"]
    years = obs.groupby("iso3")["year"].apply(set)
    both = years[years.map(len) == 2].index[0]
    once = years[years.map(len) == 1].index[0]
    before = obs[(obs["iso3"] == both) & (obs["year"] == 2019)]["value"].iloc[0]
    text = profile_rows(both, d).set_index("indicator_id").at["sdg10_7_2_all", "change_text"]
    assert text.startswith(f"{int(before)} in 2019 \u2192")
    text = profile_rows(once, d).set_index("indicator_id").at["sdg10_7_2_all", "change_text"]
    assert text.startswith("only one round reported")


def test_change_text_agrees_with_round_change_for_every_country(d):
    # The profile reads memoised per-dataset lookups; queries.round_change is the reference rule.
    change = queries.round_change(d.observations, "sdg10_7_2_all", 2019, 2021)
    assert not change.empty
    for row in change.itertuples():
        records = {r["indicator_id"]: r for r in profile_records(row.iso3, d)}
        assert records["sdg10_7_2_all"]["change_text"] == (
            f"{int(row.from_value)} in 2019 \u2192 {int(row.to_value)} in 2021: {row.direction}")


def test_profile_records_match_profile_rows(d, reporter):
    for year in ("latest", 2021, "1900"):
        records = profile_records(reporter[0], d, year)
        frame = profile_rows(reporter[0], d, year)
        assert [r["indicator_id"] for r in records] == list(frame["indicator_id"])
        assert [r["value_text"] for r in records] == list(frame["value_text"])
        assert [r["year"] for r in records] == [None if pd.isna(y) else y for y in frame["year"]]


def test_missing_nature_is_stated(d, reporter):
    rows = profile_rows(reporter[0], d).set_index("indicator_id")
    assert rows.at["sdg10_7_2_all", "nature_text"] == "not recorded in source"


def test_classifications_champion_is_partial(d):
    champ = d.countries.index[d.countries["gcm_champion"]][0]
    other = d.countries.index[~d.countries["gcm_champion"]][0]
    assert dict(classification_items(champ, d))["GCM Champion"] == "GCM Champion (partial list)"
    assert dict(classification_items(other, d))["GCM Champion"] == "Not on the partial Champion list"


def test_profile_component_shows_real_category(d, reporter):
    iso3, category = reporter
    tree = make_country_profile(iso3, d)
    text = _text(tree)
    assert d.countries.at[iso3, "name"] in text
    assert f"in 2021 its migration policies across all six domains (SDG 10.7.2) were rated \u201c{category}\u201d" in text
    assert category in [_text(td) for td in _walk(tree) if isinstance(td, html.Td)]
    assert "Partial list" in text


def test_profile_groups_by_objective_and_links(d, reporter):
    tree = make_country_profile(reporter[0], d)
    headings = [_text(h) for h in _walk(tree) if isinstance(h, html.H4)]
    # Every primary objective, plus the objectives no indicator informs (named gaps), from the raw map.
    mapping = pd.read_csv(SOURCES / "gcm_indicator_map.csv", dtype=str, keep_default_na=False)
    informed = {int(n) for cell in mapping["gcm_objectives"] for n in cell.split(";")}
    gaps = set(range(1, 24)) - informed
    assert gaps == {12, 13}
    # All 23 objectives are named, in order: none disappears because no indicator has it as primary.
    assert headings == [f"Objective {n} \u00b7 {d.objectives.at[n, 'short_label']}" for n in range(1, 24)]
    primaries = {int(n) for n in mapping["primary_objective"]}
    tagged_only = [_text(p) for p in _walk(tree) if isinstance(p, html.P) and "profile-tagged" in (p.className or "")]
    assert len(tagged_only) == 23 - len(primaries) - len(gaps) > 0
    assert all(t.startswith("No indicator of its own; also informed by: ") for t in tagged_only)
    gap_notes = [_text(p) for p in _walk(tree) if isinstance(p, html.P) and "profile-gap" in (p.className or "")]
    assert gap_notes == [f"No indicator measures objective {n} yet \u2014  see the methodology ." for n in sorted(gaps)]  # _text joins parts with spaces
    hrefs = [a.href for a in _walk(tree) if isinstance(a, html.A)]
    assert METHODOLOGY_HREF in hrefs
    assert d.sources.at["sdg_global_database", "url"] in hrefs
    assert "editorial" in _text(tree)


def test_profile_missing_values_say_no_data(d, reporter):
    rows = profile_rows(reporter[0], d)
    tree = make_country_profile(reporter[0], d)
    shown = [_text(td) for td in _walk(tree) if isinstance(td, html.Td)]
    assert shown.count("\u2014 no data") == int(rows["value"].isna().sum())


def test_country_without_any_observation(d):
    empty = sorted(set(d.countries.index) - set(d.observations["iso3"]))
    assert empty, "the reference table should hold areas without data"
    name = d.countries.at[empty[0], "name"]
    text = _text(make_country_profile(empty[0], d))
    assert f"No indicator values are published for {name} in the shipped dataset." in text


def test_unknown_and_missing_codes_give_a_message(d):
    for code in ("XXX", "", None, "<script>"):
        tree = make_country_profile(code, d)
        assert "profile-unknown" in tree.className
        assert "Choose a country" in _text(tree)


def test_lower_case_code_and_specific_year(d, reporter):
    iso3, _ = reporter
    assert d.countries.at[iso3, "name"] in _text(make_country_profile(iso3.lower(), d, year="2021"))
    tree = make_country_profile(iso3, d, year="1900")
    assert "No indicator values are published" in _text(tree)
    assert isinstance(profile_rows(iso3, d, 2021)["year"].dtype, pd.Int64Dtype)


# --- The country card (components/profile_card.py, data/profile_data.py) ---------------------------

from components.profile_card import GRAPH as CARD_GRAPH  # noqa: E402
from data.catalogue import policy_indicators  # noqa: E402
from data.profile_data import domain_distribution, objective_coverage, round_changes  # noqa: E402
from data.selection import year_values  # noqa: E402


def _figure_of(tree, graph_id):
    [graph] = [g for g in _walk(tree) if getattr(g, "id", None) == graph_id]
    return graph.figure


@pytest.mark.parametrize("iso3", ["GHA", "MEX"])
def test_domain_distribution_counts_every_reporting_country(d, iso3):
    # Recomputed from the latest value per country straight from the observations.
    obs = d.observations.sort_values("year")
    region = d.countries.at[iso3, "region"]
    for row in domain_distribution(iso3, d):
        latest = obs[(obs["indicator_id"] == row["indicator_id"]) & obs["value"].notna()].groupby("iso3").last()
        groups = dict((g, (counts, n)) for g, counts, n in row["groups"])
        assert set(groups) == {region, "World"}
        for name, part in ((region, latest[latest.index.map(d.countries["region"]) == region]), ("World", latest)):
            counts, n = groups[name]
            assert n == len(part) and counts == {c: int((part["value"] == c).sum()) for c in (1, 2, 3, 4)}
        mine = latest["value"].get(iso3)
        assert (pd.isna(row["value"]) and mine is None) or row["value"] == mine


def test_round_changes_follow_round_change(d):
    for ind in policy_indicators(d.indicators):
        change = queries.round_change(d.observations, ind, 2019, 2021).set_index("iso3")
        for iso3 in ("MEX", "GHA", change.index[0]):
            row = {r["indicator_id"]: r for r in round_changes(iso3, d)}[ind]
            if iso3 in change.index:
                assert row["direction"] == change.at[iso3, "direction"]
            else:
                assert row["direction"] in ("one round", "not reported")


def test_objective_coverage_names_every_objective(d):
    coverage = objective_coverage("GHA", d)
    assert [c["number"] for c in coverage] == list(range(1, 24))
    values = year_values(d, "latest")
    mine = set(values[(values["iso3"] == "GHA") & values["value"].notna()]["indicator_id"])
    for c in coverage:
        informing = [i for i, held in d.indicators["objectives"].items() if c["number"] in held]
        expected = "no indicator" if not informing else "data" if mine & set(informing) else "no value"
        assert c["status"] == expected
    assert {c["number"] for c in coverage if c["status"] == "no indicator"} == {12, 13}


def test_card_chart_shows_country_category_and_counts(d):
    tree = make_country_profile("MEX", d)
    fig = _figure_of(tree, CARD_GRAPH)
    rows = domain_distribution("MEX", d)
    own = fig["data"][0]
    assert own["text"] == [str(int(r["value"])) for r in rows]  # the category as a number, not colour alone
    bars = [t for t in fig["data"] if t["type"] == "bar" and t.get("showlegend") is False]
    assert len(bars) == 2 * 4  # region and world, four categories each
    legend = [t["name"] for t in fig["data"] if t.get("showlegend") is not False]
    assert legend == ["1 Further progress", "2 Partially", "3 Meets", "4 Fully"]
    for t in bars:
        assert all(txt == "" or txt.isdigit() for txt in t["text"])
    total = sum(int(x) for t in bars for x in t["text"] if x)
    assert total == sum(n for r in rows for _, _, n in r["groups"])
    text = _text(tree)
    assert "GCM objective coverage" in text and "has data for 21 of the 23 objectives" in text
    assert "7 of 7 series in both rounds" in text


def test_presenter_profile_is_the_card_only(d):
    tree = make_country_profile("GHA", d, presenter=True, theme="projector")
    text = _text(tree)
    assert "profile-table" not in str(tree) and "Classifications" not in text
    assert "full indicator table" in text
    assert "Ghana reported only the 2019 round" in text
    fig = _figure_of(tree, CARD_GRAPH)
    sizes = [t["textfont"]["size"] for t in fig["data"] if "textfont" in t]
    assert min(sizes) >= 18 and fig["layout"]["yaxis"]["tickfont"]["size"] >= 18
