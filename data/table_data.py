"""The data table's tidy rows and the downloadable files, each carrying citation and licence. Pure."""
from __future__ import annotations

import io
import zipfile

import pandas as pd

from .cell_safety import csv_text, one_line
from .formatting import nature_text
from .model import Dataset
from .selection import Selection

TABLE_COLUMNS = ("country", "iso3", "region", "indicator", "indicator_id", "year", "value", "unit",
                 "status", "nature", "source")
NO_DATA = "No data"
DATASET_SOURCE = "sdg_global_database"


def tidy_rows(selection: Selection, dataset: Dataset) -> pd.DataFrame:
    """One row per (filtered country, selected indicator); a country without a value keeps its row,
    with empty value and status "No data", exactly as the map shows it."""
    countries = selection.countries
    frames = []
    for ind_id, ind in selection.indicators.iterrows():
        vals = selection.values[selection.values["indicator_id"] == ind_id].drop_duplicates("iso3", keep="last")
        rows = pd.DataFrame({"iso3": countries.index}).merge(vals, on="iso3", how="left")
        src = ind["source_id"]
        citation = dataset.sources.loc[src, "citation"] if src in dataset.sources.index else src
        frames.append(pd.DataFrame({
            "country": rows["iso3"].map(countries["name"]).to_numpy(),
            "iso3": rows["iso3"].to_numpy(),
            "region": rows["iso3"].map(countries["region"]).fillna("").to_numpy(),
            "indicator": ind["label"], "indicator_id": ind_id,
            "year": rows["year"].astype("Int64"),
            "value": rows["value"].to_numpy(dtype=float),
            "unit": ind["unit"],
            "status": [s if isinstance(s, str) else (NO_DATA if pd.isna(v) else "")
                       for s, v in zip(rows["status"], rows["value"])],
            "nature": [nature_text(n) if not pd.isna(v) else "" for n, v in zip(rows["nature"], rows["value"])],
            "source": citation,
        }))
    if not frames:
        return pd.DataFrame(columns=list(TABLE_COLUMNS))
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["indicator_id", "region", "country"], ignore_index=True).loc[:, list(TABLE_COLUMNS)]


def citation_lines(dataset: Dataset, what: str, link: str = "") -> list[str]:
    """Header lines: what the file holds, how to cite it, its licence and vintage."""
    lines = [f"GCM Progress Dashboard - {what}"]
    if link:
        lines.append(f"View: {link}")
    for source_id in (DATASET_SOURCE, "gcm_indicator_map"):
        if source_id in dataset.sources.index:
            src = dataset.sources.loc[source_id]
            lines += [f"Source: {src['citation']} ({src['url']})", f"Licence: {src['licence']}",
                      f"Vintage: {src['vintage']}"]
    lines += ["Cite as: United Nations, Global SDG Indicators Database, https://unstats.un.org/sdgs/dataportal, "
              "via the GCM Progress Dashboard.",
              "The mapping of indicators to GCM objectives is editorial. Missing values are left empty, never estimated."]
    return lines


def csv_with_header(frame: pd.DataFrame, header: list[str]) -> str:
    """CSV text preceded by ``# `` comment lines (read back with ``pd.read_csv(..., comment="#")``).

    Every cell is neutralised against spreadsheet formula injection and every header line is kept
    on one line (:func:`data.cell_safety.csv_text`): header lines carry text from the URL."""
    return csv_text(frame, header)


def full_dataset_zip(dataset: Dataset, version: str = "") -> bytes:
    """A zip with every observation, the indicator catalogue, the countries, the sources and a README
    (which names the data ``version``, as /health and the logs do)."""
    obs = dataset.observations.assign(
        country=dataset.observations["iso3"].map(dataset.countries["name"]))
    indicators = dataset.indicators.drop(columns=["objectives", "principles"]).assign(
        objectives=dataset.indicators["objectives"].map(lambda t: " ".join(str(x) for x in t)),
        principles=dataset.indicators["principles"].map(lambda t: " ".join(str(x) for x in t)))
    countries = dataset.countries.drop(columns=["iso3"], errors="ignore").assign(
        commissions=dataset.countries["commissions"].map(" ".join),
        commissions_associate=dataset.countries["commissions_associate"].map(" ".join))
    header = citation_lines(dataset, "full dataset") + ([f"Data version: {version}"] if version else [])
    readme = "\n".join([one_line(line) for line in header] + ["", "Files:",
                                 "  observations.csv  iso3, country, indicator_id, year, value, nature, source_id",
                                 "  indicators.csv    the indicator catalogue and its editorial GCM mapping",
                                 "  countries.csv     countries and their classifications",
                                 "  sources.csv       citation, URL, licence and vintage of every source",
                                 "Lines starting with # are comments (pandas: read_csv(path, comment='#'))."]) + "\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("README.txt", readme)
        zf.writestr("observations.csv", csv_with_header(
            obs[["iso3", "country", "indicator_id", "year", "value", "nature", "source_id"]], header))
        zf.writestr("indicators.csv", csv_with_header(indicators.reset_index(drop=True), header))
        zf.writestr("countries.csv", csv_with_header(countries.reset_index(), header))
        zf.writestr("sources.csv", csv_text(dataset.sources.reset_index()))
    return buffer.getvalue()
