"""'Add an indicator' (docs/ARCHITECTURE.md): an indicator of an existing kind is one catalogue row
plus its data. Here the data is already shipped (detected trafficking victims, female, all ages);
one row in gcm_indicator_map.csv makes it a full indicator of every view."""
from __future__ import annotations

import csv
import shutil

import pandas as pd
import pytest

from data.manifest import verify_manifest, write_manifest
from data.paths import DEFAULT_FOLDER

ROW = {
    "indicator_id": "sdg16_2_2_trafficking_victims_female",
    "series_code": "VC_HTF_DETV",
    "breakdown": "sex=FEMALE;age=ALLAGE",
    "label": "Detected victims of trafficking, female (16.2.2)",
    "unit": "number of detected victims",
    "direction": "context",
    "kind": "count",
    "official_target": "",
    "short_label": "Trafficking victims, female",
    "gcm_objectives": "10",
    "primary_objective": "10",
    "guiding_principles": "4",
    "rationale": "Test row: the female breakdown of the shipped 16.2.2 series, for objective 10 (trafficking).",
    "evidence": "https://unstats.un.org/sdgs/metadata/files/Metadata-16-02-02.pdf",
    "mapping_basis": "editorial",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    target = tmp_path_factory.mktemp("data") / "sources"
    shutil.copytree(DEFAULT_FOLDER, target)
    catalogue = target / "gcm_indicator_map.csv"
    with catalogue.open(newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    with catalogue.open("a", newline="", encoding="utf-8") as f:
        csv.DictWriter(f, fieldnames=header).writerow({k: ROW.get(k, "") for k in header})
    assert verify_manifest(target)  # the shipped manifest notices the new row...
    write_manifest(target)  # ...until it is rewritten, as `python -m data package DIR` does
    assert verify_manifest(target) == []
    return target


def test_one_catalogue_row_adds_the_indicator_with_the_shipped_values(folder):
    from data.load import load_dataset
    dataset = load_dataset(folder)
    assert ROW["indicator_id"] in dataset.indicators.index
    raw = pd.read_csv(folder / "sdg_migration_related_series_by_country.csv")
    expected = raw[(raw.series_code == "VC_HTF_DETV") & (raw.sex == "FEMALE") & (raw.age == "ALLAGE")
                   & raw.iso3.isin(dataset.countries.index)]
    got = dataset.observations[dataset.observations.indicator_id == ROW["indicator_id"]]
    assert len(got) == len(expected) > 0
    merged = got.merge(expected, on=["iso3", "year"], suffixes=("", "_raw"))
    assert len(merged) == len(expected) and (merged.value == merged.value_raw).all()


def test_the_new_indicator_appears_in_links_controls_and_views(folder):
    from components.layout import build_layout
    from components.views import REGISTRY
    from data.load import load_dataset
    from data.vocabulary import build_vocabulary
    from tests.component_tree import by_id, text
    dataset = load_dataset(folder)
    vocab = build_vocabulary(dataset)
    state, notices = REGISTRY.decode(f"?indicator={ROW['indicator_id']}", vocab)
    assert notices == [] and state.indicator == ROW["indicator_id"]
    options = by_id(build_layout(dataset, vocab, REGISTRY), "filter-indicator")["props"]["options"]
    assert ROW["indicator_id"] in [o["value"] for o in options]
    for view in ("map", "uneven", "table", "matrix"):
        children = REGISTRY.render(state.with_changes(view=view), dataset)
        assert "empty-state" not in str(children), view
    assert ROW["label"] in text(REGISTRY.render(state.with_changes(view="methodology"), dataset))
