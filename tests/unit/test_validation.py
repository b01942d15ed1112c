"""Validation: every malformed fixture gives its precise message; rejected files change nothing."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from data.merge import load_user_files
from data.validation import ValidationFailed, validate_file, validate_files

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MALFORMED = FIXTURES / "malformed"
FORMATS = FIXTURES / "formats"

with open(MALFORMED / "expected.csv", encoding="utf-8", newline="") as handle:
    EXPECTED = [(row["file"], row["expected"]) for row in csv.DictReader(handle)]


def test_every_malformed_file_has_an_expectation():
    on_disk = {p.name for p in MALFORMED.glob("*.csv")} - {"expected.csv"}
    assert on_disk == {name for name, _ in EXPECTED}
    assert len(on_disk) >= 30


@pytest.mark.parametrize("name,expected", EXPECTED, ids=[n for n, _ in EXPECTED])
def test_malformed_file_message(ref, name, expected):
    result = validate_file(MALFORMED / name, ref)
    messages = [p.message for p in result.problems]
    assert any(expected in m for m in messages), messages


@pytest.mark.parametrize("name,expected", EXPECTED, ids=[n for n, _ in EXPECTED])
def test_malformed_file_is_rejected_whole(base, ref, name, expected):
    before = base.observations.copy()
    with pytest.raises(ValidationFailed) as caught:
        load_user_files([MALFORMED / name], base, ref)
    assert any(expected in p.message for p in caught.value.problems)
    assert base.observations.equals(before)


def test_all_problems_reported_at_once(tmp_path, ref):
    bad = tmp_path / "several.csv"
    bad.write_text("iso3,indicator_id,year,value\nXYZ,sdg10_7_2_all,2019,3\nALB,sdg10_7_2_all,1800,3\n"
                   "ARG,sdg10_7_2_pd1,2019,abc\nMEX,sdg10_7_2_pd2,2019,9\n", encoding="utf-8")
    messages = [p.message for p in validate_file(bad, ref).problems]
    assert len(messages) == 4
    assert [m.split(",")[1].strip() for m in messages] == ["line 2", "line 3", "line 4", "line 5"]


def test_good_files_merge_into_a_new_dataset(base, ref):
    before = base.observations.copy()
    merged = load_user_files([FORMATS / "sdmx_10_7_2.csv"], base, ref)
    assert merged is not base
    assert base.observations.equals(before)
    assert len(merged.observations) == len(base.observations)  # all 8 rows replace shipped ones
    assert any("8 shipped values replaced" in note for note in merged.notes)
    assert merged.version != base.version
    row = merged.observations.query("iso3 == 'AFG' and indicator_id == 'sdg10_7_2_pd4' and year == 2021")
    assert row["source_id"].tolist() == ["user:sdmx_10_7_2.csv"]
    assert "user:sdmx_10_7_2.csv" in merged.sources.index


def test_user_rows_for_new_years_are_added(tmp_path, base, ref):
    new = tmp_path / "ine_2023.csv"
    new.write_text("iso3,indicator_id,year,value,source_id\nESP,sdg10_7_3_deaths,2023,12,ine_spain\n",
                   encoding="utf-8")
    merged = load_user_files([new], base, ref)
    assert len(merged.observations) == len(base.observations) + 1
    assert "ine_spain" in merged.sources.index


def test_aggregates_never_become_countries(base, ref):
    for name in ("sdg_portal_10_7_2.csv", "sdmx_10_7_2.csv"):
        result = validate_file(FORMATS / name, ref)
        assert not result.aggregates.empty
        assert set(result.observations["iso3"]) <= set(base.countries.index)
        assert "1" in set(result.aggregates["area_code"])
        merged = load_user_files([FORMATS / name], base, ref)
        assert "WLD" not in set(merged.observations["iso3"])
        assert set(merged.observations["iso3"]) <= set(base.countries.index)


def test_owid_aggregate_codes_are_kept_apart(tmp_path, ref):
    path = tmp_path / "owid.csv"
    path.write_text('Entity,Code,Year,"10.7.2 - Countries with migration policies - SG_CPA_MIGRS - All Domains"\n'
                    "Afghanistan,AFG,2021,3\nWorld,OWID_WRL,2021,3\nAfrica,,2021,3\n", encoding="utf-8")
    result = validate_file(path, ref)
    assert result.ok
    assert result.observations["iso3"].tolist() == ["AFG"]
    assert sorted(result.aggregates["area_name"]) == ["Africa", "World"]


def test_duplicates_across_files_are_rejected(ref):
    results = validate_files([FORMATS / "tidy.csv", FORMATS / "owid_10_7_2.csv"], ref)
    messages = [p.message for r in results for p in r.problems]
    assert any("owid_10_7_2.csv, line 2" in m and "already given in tidy.csv line 2" in m for m in messages)
