"""The per-dataset index answers exactly what a full scan of the observations would."""
from __future__ import annotations

import pandas as pd

from data.dataset_index import index_of
from data.selection import select


def test_slices_equal_full_scans_in_original_order(dataset):
    obs, index = dataset.observations, index_of(dataset)
    pairs = [
        (index.observations_for(["sdg10_7_2_all", "sdg16_9_1_birth_registration"]),
         obs[obs["indicator_id"].isin(["sdg10_7_2_all", "sdg16_9_1_birth_registration"])]),
        (index.observations_of_country("MEX"), obs[obs["iso3"] == "MEX"]),
        (index.observations_in_year(2019), obs[obs["year"] == 2019]),
        (index.observations_in_year(1800), obs.iloc[0:0]),
        (index.observations_of_country("XXX"), obs.iloc[0:0]),
    ]
    for got, expected in pairs:
        pd.testing.assert_frame_equal(got, expected)
    assert index_of(dataset) is index
    assert not obs.duplicated(["iso3", "indicator_id", "year"]).any()
    assert index.one_value_per_cell() is True
    assert index.memo(("test",), lambda: object()) is index.memo(("test",), lambda: object())


def test_year_selection_equals_a_scan_of_that_year(dataset):
    sel = select(dataset, year="2019", region=("Africa",))
    obs = dataset.observations
    africa = set(sel.countries.index)
    scan = obs[(obs["year"] == 2019) & obs["iso3"].isin(africa) & obs["indicator_id"].isin(sel.indicators.index)]
    assert len(sel.values) == len(scan) > 0
    assert list(zip(sel.values["iso3"], sel.values["indicator_id"])) == list(zip(scan["iso3"], scan["indicator_id"]))
    assert sel.values["status"].notna().sum() > 0
