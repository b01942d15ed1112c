"""Readers for user files: detect the layout from the header, return canonical observations.

Public API::

    detect_format(header) -> "tidy" | "sdg" | "sdmx" | "owid" | None
    read_file(path, reference) -> ReadResult
    Reference.from_dataset(dataset)  # lookups built from the shipped data

Readers only parse and map; the rule checks (ranges, kinds, duplicates) live in
:mod:`data.validation`, which every caller should use instead of calling a reader alone.
"""
from __future__ import annotations

from pathlib import Path

from .formats import read_owid, read_sdg, read_sdmx, read_tidy
from .problems import Problem, ReadResult
from .rawcsv import read_table
from .reference import Reference

READERS = {"tidy": read_tidy, "sdg": read_sdg, "sdmx": read_sdmx, "owid": read_owid}


def detect_format(header: list[str]) -> str | None:
    """Name of the layout whose signature columns appear in ``header``, or None."""
    names = {h.strip().strip("[]").strip().lower() for h in header}
    if names & {"dataflow", "obs_value"} or {"ref_area", "time_period"} <= names:
        return "sdmx"
    if names & {"seriescode", "geoareacode"}:
        return "sdg"
    if "entity" in names and names & {"code", "year"}:
        return "owid"
    if names & {"iso3", "indicator_id"}:
        return "tidy"
    return None


def read_file(path: Path | str, reference: Reference) -> ReadResult:
    """Read one user CSV in any accepted layout (problems are collected, never raised)."""
    path = Path(path)
    header, rows, problems = read_table(path)
    if problems and rows.empty:
        return ReadResult(path.name, problems=problems)
    fmt = detect_format(header)
    if fmt is None:
        shown = ", ".join(header[:6]) + (", ..." if len(header) > 6 else "")
        return ReadResult(path.name, problems=problems + [Problem(
            path.name, "recognised format",
            f"header ({shown}) matches none of: tidy CSV (iso3, indicator_id, year, value), "
            "SDG data-portal CSV (SeriesCode, GeoAreaCode...), SDMX-CSV (DATAFLOW, REF_AREA...), "
            "OWID grapher CSV (Entity, Code, Year)", 1)])
    result = READERS[fmt](path.name, header, rows, reference)
    result.problems[:0] = problems  # structural problems first, in file order
    return result


__all__ = ["detect_format", "read_file", "Reference", "ReadResult", "Problem", "READERS"]
