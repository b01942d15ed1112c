"""Issue 13: one test per defect, each recomputing the expected answer from the raw shipped files
(tests/raw_sources.py, pandas only) and comparing it with what the dashboard shows."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from components.figures.gap import make_gap_scatter
from components.figures.map import make_map
from components.figures.map_animation import make_map_animation
from components.matrix_table import make_matrix_table
from components.profile import make_country_profile
from components.static_html import to_html
from data import corridor_data as rc
from data import gap_data as gd
from data import queries as q
from data import summaries
from data.methodology_data import display_rules, no_indicator_message
from data.model import PARTIAL_CLASSIFICATIONS
from data.profile_data import profile_records
from data.selection import select
from data.table_data import tidy_rows
from tests.raw_sources import (ABOVE, BELOW, MIDDLE, SOURCES, half_up, latest_corridors, objectives_without_indicator,
                               official_band, raw_in_year, raw_latest, raw_values, read)

TO, FROM = "sdg10_c_1_cost_to_receiving", "sdg10_c_1_cost_from_sending"
COSTS = (TO, FROM)
#: The catalogue's band labels in the order best, middle, worst (read from the raw map).
LABELS = dict(zip((BELOW, MIDDLE, ABOVE),
                  read("gcm_indicator_map.csv").set_index("indicator_id").at[TO, "band_labels"].split(";")))
ARIA = re.compile(r'aria-label="([^"]*)"')


def _cell_labels(dataset, year, indicator_ids, **filters) -> dict[tuple[str, str], str]:
    """{(country name, short label): accessible cell text} of the matrix for ``year``."""
    sel = select(dataset, year=year, indicator_ids=indicator_ids, **filters)
    matrix = q.implementation_matrix(sel.values, sel.indicators, sel.countries)
    html = to_html(make_matrix_table(matrix, sel.indicators, dataset.objectives))
    shorts = [str(s) for s in sel.indicators["short_label"]]
    out = {}
    units = {str(u) for u in sel.indicators["unit"]}
    # "Name, Short label: 5.00%, 2018, % of amount sent, band" or "Name, Short label: no data";
    # returned without the year and the unit: "5.00%, band".
    for label in ARIA.findall(html):
        head, _, text = label.replace("&amp;", "&").partition(": ")
        short = next(s for s in shorts if head.endswith(", " + s))
        parts = text.split(", ")
        parts = parts[:1] + [p for p in parts[1:] if not re.fullmatch(r"\d{4}", p) and p not in units]
        out[(head[: -len(short) - 2], short)] = ", ".join(parts)
    return out


# 1. Exactly 5.00% is within the 5% ceiling (SDG 10.c wording), in every place it is shown.
def test_cost_of_exactly_five_percent_is_not_above_the_ceiling(dataset):
    raw = raw_in_year(TO, 2018)
    assert raw.loc[raw["iso3"] == "COL", "value"].tolist() == [5.0]
    expected = raw["value"].map(official_band).value_counts()
    assert (expected[MIDDLE], expected[ABOVE]) == (16, 83)  # the audit's figures
    sel = select(dataset, year="2018", indicator_ids=[TO])
    fig = make_map(sel.values, dataset.indicators.loc[TO], sel.countries, year_label="2018")
    names = [t["name"] for t in fig["data"] if t.get("showlegend", True) is not False]
    for band, count in expected.items():
        assert any(n.endswith(f"{LABELS[band]} ({count})") for n in names), (band, names)
    # CSV rows, profile, matrix cell: Colombia 2018 is in the middle band, shown with two decimals.
    rows = tidy_rows(sel, dataset).set_index("iso3")
    assert rows.at["COL", "status"] == LABELS[MIDDLE]
    profile = {r["indicator_id"]: r for r in profile_records("COL", dataset, "2018")}
    assert (profile[TO]["status"], profile[TO]["value_text"]) == (LABELS[MIDDLE], "5.00% of amount sent")
    cells = _cell_labels(dataset, "2018", [TO])
    name = dataset.countries.at["COL", "name"]
    assert cells[(name, dataset.indicators.at[TO, "short_label"])] == f"5.00%, {LABELS[MIDDLE]}"


# 2. A displayed number never contradicts its band: two decimals wherever a band is shown.
def test_displayed_costs_never_contradict_their_band(dataset):
    raw = pd.concat([raw_values(i).assign(indicator_id=i) for i in COSTS])
    one_decimal = raw["value"].round(1)
    crossing = raw[one_decimal.isin([3.0, 5.0]) & (one_decimal.map(official_band) != raw["value"].map(official_band))]
    assert len(crossing) >= 3  # Kuwait 2.96 (2021), Guatemala 4.99 (2017), Poland 5.01 (2018) among them
    names = dataset.countries["name"]
    for year, rows in crossing.groupby("year"):
        cells = _cell_labels(dataset, str(year), list(COSTS))
        for r in rows.itertuples():
            text = cells[(names[r.iso3], dataset.indicators.at[r.indicator_id, "short_label"])]
            shown, _, label = text.partition(", ")
            number = float(shown.rstrip("%"))
            assert label == LABELS[official_band(r.value)], text
            assert official_band(number) == official_band(r.value), text  # the number agrees with it
            assert shown == f"{r.value:.2f}%", text


# 3. Corridors keep every area of the source (Kosovo), and sending and receiving counts agree.
def test_corridors_keep_kosovo_and_both_directions_agree(dataset):
    austria = latest_corridors("AUT", "sending")
    assert "XKX" in set(austria["partner"]) and len(austria) == 6
    costs = rc.corridor_costs(dataset.corridors, dataset.countries, "AUT", "sending")
    assert sorted(costs["partner_iso3"]) == sorted(austria["partner"])
    assert costs.set_index("partner_iso3").at["XKX", "partner"] == "Kosovo"
    assert rc.band_counts(costs)["above_target"] == int((austria["value"].map(official_band) == MIDDLE).sum()) == 1
    for iso3 in ("CHE", "DEU", "ITA", "USA", "GBR"):
        expected = latest_corridors(iso3, "sending")
        got = rc.corridor_costs(dataset.corridors, dataset.countries, iso3, "sending")
        assert len(got) == len(expected), iso3
        # Every corridor it sends on is listed on the receiving page of its partner, and vice versa.
        back = sum(iso3 in set(rc.corridor_costs(dataset.corridors, dataset.countries, p, "receiving")["partner_iso3"])
                   for p in expected["partner"])
        assert back == len(expected), iso3
    germany = select(dataset)
    assert len(rc.corridor_costs(dataset.corridors, dataset.countries, "DEU", "sending",
                                 partners=germany.areas.index)) == len(latest_corridors("DEU", "sending")) == 24


# 4. No "nan" in hover texts: a missing status is simply not printed (compare view).
def test_compare_hovers_have_no_nan(dataset):
    from components.figures.compare import make_compare
    from data import compare_data as kd
    sel = select(dataset, year="2019")
    rows = kd.compare_rows(dataset, ["JPN", "NPL", "KEN"], sel.indicators, "2019")
    rows = rows[rows["indicator_id"].isin(kd.indicators_with_data(rows))]  # as the compare view does
    fig = make_compare(rows, dataset.indicators, {i: dataset.countries.at[i, "name"] for i in ("JPN", "NPL", "KEN")})
    texts = [t for tr in fig["data"] for t in (tr.get("text") or [])]
    assert len(texts) > 50 and not [t for t in texts if re.search(r"(?<![A-Za-z])(nan|NaN|None)(?![A-Za-z])", t)]
    # each country point names its value's year, as in the raw file
    jpn = raw_in_year("sdg17_3_2_remittances_gdp", 2019)
    if "JPN" in set(jpn["iso3"]):
        assert any("Japan" in t and "(2019)" in t for t in texts)


# 5. The matrix shows the year of each "latest" value in the cell itself.
def test_matrix_shows_the_year_of_latest_values(dataset):
    sel = select(dataset, indicator_ids=["sdg16_9_1_birth_registration", "sdg10_7_4_refugees_origin"])
    matrix = q.implementation_matrix(sel.values, sel.indicators, sel.countries)
    html = to_html(make_matrix_table(matrix, sel.indicators, dataset.objectives))
    row = html[html.index(">Afghanistan<"):]
    row = row[:row.index("</tr>")]
    for ind in ("sdg16_9_1_birth_registration", "sdg10_7_4_refugees_origin"):
        latest = raw_latest(ind).set_index("iso3").at["AFG", "year"]
        assert f'<span class="matrix-cell-year"> {latest}</span>' in row
    assert raw_latest("sdg16_9_1_birth_registration").set_index("iso3").at["AFG", "year"] == 2015
    assert "Each value shows the year it is from." in html


# 6. Objectives without an indicator are named gaps in the matrix, the profile and the filter message.
def test_objectives_without_indicator_are_named_gaps(dataset):
    gaps = objectives_without_indicator()
    assert gaps == {12, 13}
    sel = select(dataset)
    matrix = q.implementation_matrix(sel.values, sel.indicators, sel.countries)
    html = to_html(make_matrix_table(matrix, sel.indicators, dataset.objectives,
                                     gap_objectives=q.objective_gaps(dataset.indicators, dataset.objectives)))
    heads = re.findall(r'class="matrix-objective[^"]*"[^>]*>Objective (\d+) ', html)
    assert [int(n) for n in heads] == sorted(set(heads_expected := {int(n) for n in read(
        "gcm_indicator_map.csv")["primary_objective"]} | gaps)) and len(heads_expected) == len(heads)
    assert html.count('class="matrix-cell matrix-gap"') == len(gaps) * len(sel.countries)
    profile = str(make_country_profile("GHA", dataset))
    for n in gaps:
        assert f"No indicator measures objective {n} yet" in profile
        assert no_indicator_message(dataset, [n]) == f"No indicator measures objective {n} yet \u2014 see Methodology."
    assert no_indicator_message(dataset, [20]).startswith("No indicator is tagged")


# 8. The animated map draws small areas with data (Comoros, Cabo Verde, Tonga, Samoa) in every frame.
def test_animated_map_draws_small_areas_with_data(dataset):
    ind = TO
    raw = raw_values(ind)
    small = {"COM", "CPV", "TON", "WSM"}
    assert small <= set(raw.loc[raw["year"] == 2021, "iso3"])
    fig = make_map_animation(dataset.observations[dataset.observations["indicator_id"] == ind],
                             dataset.indicators.loc[ind], dataset.countries)
    for frame in fig["frames"]:
        year = int(frame["name"])
        drawn = set(frame["data"][0]["locations"])
        pointed = {re.match(r"<b>(.*?)</b>", t).group(1) for t in frame["data"][2]["text"]}
        have = set(raw.loc[raw["year"] == year, "iso3"]) & set(dataset.countries.index)
        names = dataset.countries["name"]
        missing = {i for i in have if i not in drawn and names[i] not in pointed}
        assert not (missing & small), (year, missing)
        if year == 2021:
            assert {names[i] for i in small} <= pointed


# 9a. Policy vs practice states its sideways shift, and no point leaves its score column.
def test_gap_chart_states_the_jitter(dataset):
    sel = select(dataset, indicator_ids=["sdg10_7_2_all", "sdg17_3_2_remittances_gdp"])
    points, _ = gd.gap_points(dataset, sel.countries, "sdg10_7_2_all", "sdg17_3_2_remittances_gdp", 2000, 2022)
    fig = make_gap_scatter(points, gd.medians_by_score(points), dataset.indicators.loc["sdg10_7_2_all"],
                           dataset.indicators.loc["sdg17_3_2_remittances_gdp"])
    title = fig["layout"]["title"]["subtitle"]["text"]  # drawn into the chart, so exports keep it
    spread = float(re.search(r"shifted sideways by up to \u00b1([0-9.]+)", title.replace("<br>", " ")).group(1))
    xs = [x for tr in fig["data"] if tr.get("mode") == "markers" and tr.get("name") != "Median per score"
          for x in tr["x"]]
    assert xs and max(abs(x - round(x)) for x in xs) <= spread < 0.5


# 9b. Regional shares round half up (48.5 -> 49), as the methodology page says.
def test_shares_round_half_up():
    from data.formatting import format_percent
    shares = read("sdg_10_7_2_share_of_countries_by_region.csv")["percent_of_countries"].astype(float)
    halves = shares[(shares * 2 % 2 == 1)]
    assert len(halves) > 0
    for v in halves:
        assert format_percent(v, sign=False) == half_up(v) == str(int(v) + 1)
    assert any("half up" in rule for rule in display_rules()) and any("5.00%" in rule for rule in display_rules())


# 9c. The Champion note matches the list: Bangladesh and Thailand come from their own sources.
def test_champion_note_matches_the_list():
    champions = read("gcm_champion_countries.csv").set_index("iso3")
    own = {i for i, e in champions["evidence"].items() if "Accra" not in e}
    assert own == {"BGD", "THA"}
    note = PARTIAL_CLASSIFICATIONS["gcm_champion"]
    assert f"{len(champions)} documented" in note and "Bangladesh" in note and "Thailand" in note
    assert "did not attend" not in note
    assert "Other champions that did not attend the Accra event are not listed" not in (
        SOURCES / "SOURCES.md").read_text(encoding="utf-8")


# 9d/9e. Latest-value sentences say how many values come from each round, and territories count as areas.
def test_latest_sentences_count_rounds_and_areas(dataset):
    ind = "sdg10_7_2_all"
    raw = raw_latest(ind)
    sel = select(dataset, indicator_ids=[ind])
    per_year = raw[raw["iso3"].isin(sel.countries.index)]["year"].value_counts().sort_index()
    mix = " and ".join(f"{n} from {y}" for y, n in per_year.items())
    shares = q.status_shares(sel.values, sel.countries, by="__world__")
    text = summaries.share_sentence(shares, dataset.indicators.loc[ind], "latest", values=sel.values)
    assert f"of {per_year.sum()} reporting countries" in text and f"mix rounds: {mix}" in text
    reference = read("country_reference_m49.csv")
    territories = set(reference.loc[reference["un_member_state"] != "True", "iso3"])
    assert territories & set(sel.countries.index)  # e.g. Réunion: not a country, still a row
    sentence = summaries.map_sentence(sel.values, dataset.indicators.loc[ind], sel.countries, "latest")
    assert f"of {len(sel.countries)} countries and areas shown have data" in sentence
    assert f"latest data: {mix}" in sentence


@pytest.mark.parametrize("indicator_id", COSTS)
def test_corridor_and_country_bands_share_one_rule(dataset, indicator_id):
    values = raw_values(indicator_id)["value"]
    got = [q.with_status(pd.DataFrame({"indicator_id": [indicator_id], "value": [v]}), dataset.indicators)
           .at[0, "status"] for v in (2.999, 3.0, 5.0, 5.001)]
    assert got == [LABELS[BELOW], LABELS[MIDDLE], LABELS[MIDDLE], LABELS[ABOVE]]
    corridor = dataset.corridors[dataset.corridors["series_code"] == "SI_RMT_COST_BC"].dropna(subset=["value"])
    assert (corridor["band"] == corridor["value"].map(lambda v: LABELS[official_band(v)])).all()
    assert len(values) > 0
