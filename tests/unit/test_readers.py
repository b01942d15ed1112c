"""Readers: each real layout, format detection, value markers and every code alias."""
from __future__ import annotations

from pathlib import Path

import pytest

from data.readers import detect_format, read_file
from data.readers.codes import VALUE_ALIASES, canonical_value, dimension_name, dims_match
from data.readers.common import classify_value
from data.readers.formats import owid_series

FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"


def _shipped(base, iso3, indicator_id, year):
    obs = base.observations
    hit = obs[(obs.iso3 == iso3) & (obs.indicator_id == indicator_id) & (obs.year == year)]
    return float(hit["value"].iloc[0])


@pytest.mark.parametrize("name,fmt,n_obs,n_agg", [
    ("tidy.csv", "tidy CSV", 10, 0),
    ("tidy_minimal.csv", "tidy CSV", 3, 0),
    ("sdg_portal_10_7_2.csv", "SDG data-portal CSV", 5, 2),
    ("sdg_portal_trafficking.csv", "SDG data-portal CSV", 1, 0),
    ("sdmx_10_7_2.csv", "SDMX-CSV", 8, 1),
    ("owid_10_7_2.csv", "OWID grapher CSV", 5, 0),
])
def test_reader_reads_real_values(base, ref, name, fmt, n_obs, n_agg):
    result = read_file(FORMATS / name, ref)
    assert result.ok, [p.message for p in result.problems]
    assert result.format == fmt
    assert list(result.observations.columns) == ["iso3", "indicator_id", "year", "value", "nature", "source_id"]
    assert str(result.observations["year"].dtype) == "int64"
    assert str(result.observations["value"].dtype) == "float64"
    assert (len(result.observations), len(result.aggregates)) == (n_obs, n_agg)
    for row in result.observations.itertuples():  # fixtures copy real shipped values
        assert row.value == _shipped(base, row.iso3, row.indicator_id, row.year)


def test_sdg_portal_maps_domains_and_counts_not_available(ref):
    result = read_file(FORMATS / "sdg_portal_10_7_2.csv", ref)
    assert result.observations["indicator_id"].tolist() == [
        "sdg10_7_2_all", "sdg10_7_2_pd1", "sdg10_7_2_pd2", "sdg10_7_2_all", "sdg10_7_2_pd1"]
    assert any("1 rows without a value" in line for line in result.report)
    assert result.observations.index.tolist() == [2, 3, 4, 5, 6]


def test_sdg_portal_unbracketed_dimensions_select_both_sexes_all_ages(ref):
    result = read_file(FORMATS / "sdg_portal_trafficking.csv", ref)
    assert result.observations[["iso3", "indicator_id", "year", "value"]].values.tolist() == [
        ["ARG", "sdg16_2_2_trafficking_victims", 2018, 1531.0]]
    assert any("4 country rows" in line for line in result.report)


def test_sdmx_totals_and_age_alias(ref):
    obs = read_file(FORMATS / "sdmx_10_7_2.csv", ref).observations
    brth = obs[obs.indicator_id == "sdg16_9_1_birth_registration"]
    assert brth[["iso3", "value", "nature"]].values.tolist() == [["BGD", 56.0, "C"]]
    assert "sdg8_8_1_fatal_injury_migrants" not in set(obs.indicator_id)  # _T is not MIGPER


def test_sdmx_unit_multiplier_is_applied(tmp_path, ref):
    text = (FORMATS / "sdmx_10_7_2.csv").read_text().splitlines()
    header = text[0].split(",")
    row = text[7].split(",")  # BX_TRF_PWKR PHL 2019
    row[header.index("UNIT_MULT")] = "3"
    path = tmp_path / "mult.csv"
    path.write_text("\n".join([text[0], ",".join(row)]) + "\n")
    assert read_file(path, ref).observations["value"].tolist() == [9332.62]


@pytest.mark.parametrize("header,fmt", [
    (["iso3", "indicator_id", "year", "value"], "tidy"),
    (["Goal", "SeriesCode", "GeoAreaCode", "TimePeriod", "Value"], "sdg"),
    (["DATAFLOW", "SERIES", "REF_AREA", "TIME_PERIOD", "OBS_VALUE"], "sdmx"),
    (["Entity", "Code", "Year", "x - SG_CPA_MIGRS - All Domains"], "owid"),
    (["country", "score"], None),
])
def test_detect_format(header, fmt):
    assert detect_format(header) == fmt


@pytest.mark.parametrize("cell,status", [
    ("3", "ok"), ("2.5", "ok"), ("-1", "ok"), ("", "na"), ("N", "na"), ("NV", "na"), ("NaN", "na"),
    ("..", "na"), ("<0.1", "censored"), (">95", "censored"), ("<=5", "censored"), ("abc", "bad"),
    ("inf", "bad"), ("1,5", "bad"),
])
def test_value_markers(cell, status):
    assert classify_value(cell)[0] == status


@pytest.mark.parametrize("dimension,spelling,canonical", [
    ("policy_domain_code", "PD1", "PD1"), ("policy_domain_code", "PD_1", "PD1"),
    ("policy_domain_code", "domain1", "PD1"), ("policy_domain_code", "Domain 1", "PD1"),
    ("policy_domain_code", "DOMAIN_1", "PD1"), ("policy_domain_code", "DOMAIN_6", "PD6"),
    ("policy_domain_code", "All domains", "ALL"), ("policy_domain_code", "ALLDOMAINS", "ALL"),
    ("policy_domain_code", "alldomains", "ALL"), ("policy_domain_code", "_T", "ALL"),
    ("policy_domain_code", "ALL", "ALL"),
    ("sex", "BOTHSEX", "BOTHSEX"), ("sex", "_T", "BOTHSEX"), ("sex", "Both sexes", "BOTHSEX"),
    ("sex", "F", "FEMALE"), ("sex", "Female", "FEMALE"), ("sex", "M", "MALE"),
    ("age", "ALLAGE", "ALLAGE"), ("age", "_T", "ALLAGE"), ("age", "All age ranges or no breakdown", "ALLAGE"),
    ("age", "LT5Y", "LT5Y"), ("age", "<5Y", "LT5Y"), ("age", "Y0T4", "LT5Y"),
    ("age", "<18Y", "LT18Y"), ("age", "Y_GE18", "18"), ("age", "16_65", "16_65"), ("age", "Y16T65", "16_65"),
    ("migratory_status", "MIGPER", "MIGPER"), ("migratory_status", "Migrants", "MIGPER"),
    ("migratory_status", "_T", "T"), ("migratory_status", "Not specified", "NOTSPEC"),
    ("education_level", "Lower secondary", "lowsec"), ("type_of_skill", "SKILL_MATH", "skill_math"),
    ("type_of_skill", "Reading", "skill_read"), ("grounds_of_discrimination", "MIG", "mig"),
    ("disability_status", "_T", "t"), ("location", "ALLAREA", "allarea"), ("location", "_T", "allarea"),
])
def test_code_alias(dimension, spelling, canonical):
    assert canonical_value(dimension, spelling) == canonical


def test_every_alias_table_entry_is_canonical_in_the_map(base):
    # every canonical target of the alias table is a code the shipped data actually uses or a total
    for dimension, table in VALUE_ALIASES.items():
        for canonical in set(table.values()):
            assert canonical_value(dimension, canonical) == canonical


@pytest.mark.parametrize("header,dimension", [
    ("Sex", "sex"), ("[Sex]", "sex"), ("SEX", "sex"), ("Policy Domains", "policy_domain_code"),
    ("[Policy Domains]", "policy_domain_code"), ("COMPOSITE_BREAKDOWN", "policy_domain_code"),
    ("[Age]", "age"), ("Migratory status", "migratory_status"), ("EDUCATION_LEV", "education_level"),
    ("[Type of skill]", "type_of_skill"), ("URBANISATION", "location"),
])
def test_dimension_header_alias(header, dimension):
    assert dimension_name(header) == dimension


def test_dims_match_requires_other_dimensions_to_be_totals():
    assert dims_match({"sex": "BOTHSEX", "age": "ALLAGE"}, {"sex": "BOTHSEX", "age": "ALLAGE"})
    assert not dims_match({"sex": "FEMALE", "age": "ALLAGE"}, {"sex": "BOTHSEX", "age": "ALLAGE"})
    assert not dims_match({"sex": "FEMALE"}, {})  # a female-only row is not the national value
    assert dims_match({"sex": "BOTHSEX", "location": "allarea"}, {})
    assert dims_match({}, {"policy_domain_code": "ALL"})  # OWID header without a domain part


def test_owid_header_parsing():
    assert owid_series("10.7.2 - Countries ... (1 = Requires; 4 = Fully meets) - SG_CPA_MIGRS - All Domains") == (
        "SG_CPA_MIGRS", {"policy_domain_code": "ALL"})
    assert owid_series("x - SG_CPA_MIGRS - Domain 3") == ("SG_CPA_MIGRS", {"policy_domain_code": "PD3"})
    assert owid_series("x - VC_HTF_DETV - Sex: Both sexes - Age: ALLAGE") == (
        "VC_HTF_DETV", {"sex": "BOTHSEX", "age": "ALLAGE"})
    assert owid_series("Migration policy score") is None
