"""Load the shipped default dataset from data/sources/ into a :class:`Dataset`."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from .breakdown import breakdown_mask, check_one_per_country_year
from .catalogue import (load_countries, load_indicators, load_objectives, load_principles,
                        read_csv_text)
from .corridor_data import with_bands
from .manifest import MANIFEST, content_version
from .model import OBSERVATION_COLUMNS, Dataset
from .objective_leads import read_objective_leads, with_leads
from .paths import CORRIDOR_FILE, DEFAULT_FOLDER, POLICY_FILE, SERIES_FILE, SHARES_FILE
from .shipped_checks import check_shipped_files
from .sources_table import SDG_DB, shipped_sources


def _series_rows(folder: Path) -> pd.DataFrame:
    policies = read_csv_text(folder / POLICY_FILE)
    # The 10.7.2 country file carries no nature column: leave nature empty rather than guess.
    policies["sdg_nature"] = ""
    others = read_csv_text(folder / SERIES_FILE)
    return pd.concat([policies, others], ignore_index=True, sort=False).fillna("")


def select_observations(rows: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """Pick each indicator's breakdown out of long SDG rows into canonical observations."""
    parts = []
    for ind in indicators.itertuples():
        of_series = rows[rows["series_code"] == ind.series_code]
        chosen = of_series[breakdown_mask(of_series, ind.breakdown)]
        check_one_per_country_year(chosen, ind.indicator_id)
        parts.append(pd.DataFrame({
            "iso3": chosen["iso3"].to_numpy(),
            "indicator_id": ind.indicator_id,
            "year": chosen["year"].astype(int).to_numpy(),
            "value": pd.to_numeric(chosen["value"]).to_numpy(dtype=float),
            "nature": chosen["sdg_nature"].to_numpy(),
            "source_id": ind.source_id,
        }))
    obs = pd.concat(parts, ignore_index=True)
    return obs.loc[:, list(OBSERVATION_COLUMNS)].sort_values(
        ["indicator_id", "iso3", "year"], ignore_index=True)


def _regional_shares(folder: Path) -> pd.DataFrame:
    frame = read_csv_text(folder / SHARES_FILE)
    frame["year"] = frame["year"].astype(int)
    frame["percent_of_countries"] = pd.to_numeric(frame["percent_of_countries"])
    return frame


def _corridors(folder: Path) -> pd.DataFrame:
    frame = read_csv_text(folder / CORRIDOR_FILE)
    frame["year"] = frame["year"].astype(int)
    frame["value"] = pd.to_numeric(frame["value"])
    return frame


def fingerprint(folder: Path) -> str:
    """A short hash of the names, sizes and modification times of the CSV files in ``folder`` and of
    its manifest: cheap change detection (stat only). The data version is :func:`content_version`."""
    digest = hashlib.sha1()
    for path in sorted([*folder.glob("*.csv"), *folder.glob(MANIFEST)]):
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:12]


def load_dataset(folder: Path | str = DEFAULT_FOLDER) -> Dataset:
    """Read every shipped file in ``folder`` and return the canonical :class:`Dataset`."""
    folder = Path(folder)
    problems = check_shipped_files(folder)
    if problems:
        from .validation import ValidationFailed  # pandera import is slow; only pay it on failure
        raise ValidationFailed(problems, what=f"the data files in {folder}")
    indicators = load_indicators(folder)
    observations = select_observations(_series_rows(folder), indicators)
    objectives = load_objectives(folder)
    # The lead of each objective (the matrix overview) is checked against the catalogue here.
    objectives = with_leads(objectives, read_objective_leads(folder, indicators, objectives))
    return Dataset(
        observations=observations,
        indicators=indicators,
        countries=load_countries(folder),
        objectives=objectives,
        principles=load_principles(folder),
        sources=shipped_sources(),
        regional_shares=_regional_shares(folder),
        corridors=with_bands(_corridors(folder), indicators),
        version=content_version(folder),
    )


__all__ = ["load_dataset", "select_observations", "DEFAULT_FOLDER", "SDG_DB", "fingerprint", "content_version"]
