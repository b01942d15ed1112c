"""The editorial lead indicator of each GCM objective (data/sources/gcm_objective_leads.csv)."""
from __future__ import annotations

import csv
import shutil

import pytest

from data.load import DEFAULT_FOLDER, load_dataset
from data.objective_leads import LEADS_FILE, lead_of
from data.validation import ValidationFailed
from tests.raw_sources import objectives_without_indicator, read


def _rows():
    with open(DEFAULT_FOLDER / LEADS_FILE, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "sources"
    shutil.copytree(DEFAULT_FOLDER, copy)
    return copy


def _write(folder, rows):
    with open(folder / LEADS_FILE, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def test_every_objective_has_a_lead_tagged_with_it_or_is_a_named_gap(dataset):
    raw = read(LEADS_FILE)
    catalogue = read("gcm_indicator_map.csv").set_index("indicator_id")
    assert sorted(int(n) for n in raw["objective"]) == list(range(1, 24))
    gaps = objectives_without_indicator()
    for row in raw.itertuples():
        number = int(row.objective)
        assert lead_of(dataset.objectives, number) == row.lead_indicator_id
        assert row.why.strip()
        if number in gaps:
            assert row.lead_indicator_id == ""
        else:
            tags = {int(t) for t in catalogue.at[row.lead_indicator_id, "gcm_objectives"].split(";")}
            assert number in tags
    # Objectives that only secondary tags reach (3, 7, 9, 11, 14, 16, 21, 22) still have a lead.
    primaries = {int(n) for n in catalogue["primary_objective"]}
    secondary_only = set(range(1, 24)) - primaries - gaps
    assert secondary_only == {3, 7, 9, 11, 14, 16, 21, 22}
    assert all(lead_of(dataset.objectives, n) for n in secondary_only)


def test_an_unknown_lead_id_is_rejected_with_file_line_column_and_value(folder):
    rows = _rows()
    line = next(i for i, r in enumerate(rows) if r[0] == "6")
    rows[line][1] = "sdg8_8_2_labour_rightz"
    _write(folder, rows)
    with pytest.raises(ValidationFailed) as caught:
        load_dataset(folder)
    assert [p.message for p in caught.value.problems] == [
        f'{LEADS_FILE}, line {line + 1}, column "lead_indicator_id": "sdg8_8_2_labour_rightz" is not an '
        "indicator_id of gcm_indicator_map.csv (rule: known indicator)"]


def test_a_lead_not_tagged_with_its_objective_a_missing_row_and_an_empty_lead_are_rejected(folder):
    rows = _rows()
    by_number = {r[0]: i for i, r in enumerate(rows)}
    rows[by_number["4"]][1] = "sdg10_7_3_deaths"           # tagged with objective 8 only
    rows[by_number["20"]][1] = ""                          # objective 20 has indicators
    del rows[by_number["23"]]                              # objective 23 missing
    _write(folder, rows)
    with pytest.raises(ValidationFailed) as caught:
        load_dataset(folder)
    messages = [p.message for p in caught.value.problems]
    assert messages[0] == (f'{LEADS_FILE}, line {by_number["4"] + 1}, column "lead_indicator_id": "sdg10_7_3_deaths" '
                           "is not tagged with objective 4 in gcm_indicator_map.csv (its objectives: 8) "
                           "(rule: lead tagged with its objective)")
    assert messages[1].startswith(f'{LEADS_FILE}, line {by_number["20"] + 1}, column "lead_indicator_id": '
                                  "objective 20 has no lead but is measured by ")
    assert "sdg10_c_1_cost_to_receiving" in messages[1] and messages[1].endswith("(rule: lead named)")
    assert messages[2] == f"{LEADS_FILE}: objective(s) 23 have no row (rule: every objective listed)"
    assert len(messages) == 3


def test_a_missing_leads_file_is_named(folder):
    (folder / LEADS_FILE).unlink()
    with pytest.raises(ValidationFailed, match=f"{LEADS_FILE}: the file is missing"):
        load_dataset(folder)
