"""Validate user files and merge them into a new Dataset; a bad file never replaces good data.

Pre-checks (encoding, emptiness, layout, numbers, years, areas, series) happen in
:mod:`data.readers`; the rules on the canonical rows are one pandera schema run with
``lazy=True`` so that every failure is reported at once, not just the first.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from .readers import Problem, ReadResult, Reference, read_file
from .readers.problems import quote

#: Accepted years. SDG series start in 1970 at the earliest (17.3.2); 1950 leaves room for
#: national back-series, 2100 for projections. Anything outside is a typo (1800, 20190).
YEAR_MIN, YEAR_MAX = 1950, 2100
KEY = ["iso3", "indicator_id", "year"]

_RULES = {  # pandera check name -> (rule shown to users, canonical column, detail template)
    "known country": ("known country", "iso3", "{v} is not a known ISO3 country code"),
    "known indicator": ("known indicator_id", "indicator_id", "{v} is not a dashboard indicator_id"),
    "year range": ("year range", "year", f"{{v}} is outside the accepted years {YEAR_MIN}-{YEAR_MAX}"),
    "finite value": ("numeric value", "value", "{v} is not a finite number"),
    "ordinal 1-4": ("ordinal 1-4", "value", "{v} is not an integer score 1, 2, 3 or 4"),
    "non-negative count": ("non-negative count", "value", "{v} is negative, but this indicator counts people"),
}


class ValidationFailed(Exception):
    """Raised with the full list of problems when any user file is rejected."""

    def __init__(self, problems: list[Problem], what: str = "user data"):
        self.problems = list(problems)
        super().__init__(f"{len(self.problems)} problem(s) in {what}:\n"
                         + "\n".join(p.message for p in self.problems))


def observation_schema(reference: Reference) -> pa.DataFrameSchema:
    """The pandera schema every canonical observation frame must satisfy."""
    kinds = reference.kinds()
    ordinal = sorted(i for i, k in kinds.items() if k == "ordinal_1_4")
    counts = sorted(i for i, k in kinds.items() if k == "count")
    return pa.DataFrameSchema({
        # custom checks (not Check.isin) so failure cases carry our rule names
        "iso3": pa.Column(str, pa.Check(lambda s: s.isin(reference.iso3), name="known country")),
        "indicator_id": pa.Column(str, pa.Check(lambda s: s.isin(set(kinds)), name="known indicator")),
        "year": pa.Column("int64", pa.Check(lambda s: s.between(YEAR_MIN, YEAR_MAX), name="year range")),
        "value": pa.Column("float64", pa.Check(lambda s: np.isfinite(s), name="finite value")),
        "nature": pa.Column(str),
        "source_id": pa.Column(str),
    }, checks=[
        pa.Check(lambda df: ~df["indicator_id"].isin(ordinal)
                 | (df["value"].between(1, 4) & (df["value"] % 1 == 0)), name="ordinal 1-4"),
        pa.Check(lambda df: ~df["indicator_id"].isin(counts) | (df["value"] >= 0),
                 name="non-negative count"),
    ], unique=KEY, report_duplicates="all", strict=True, ordered=True)


def _schema_problems(result: ReadResult, reference: Reference) -> list[Problem]:
    obs = result.observations.reset_index(drop=True)  # positions: OWID lines hold several values
    lines = result.observations.index.to_numpy()
    try:
        observation_schema(reference).validate(obs, lazy=True)
        return []
    except SchemaErrors as err:
        cases = err.failure_cases
    problems, seen = [], set()
    for case in cases.itertuples():
        check = str(case.check)
        if case.index is None or pd.isna(case.index):
            continue
        pos = int(case.index)
        if "unique" in check or "duplicate" in check:
            continue  # duplicates are described below with the line of the first occurrence
        name = check.split("(")[0] if check.split("(")[0] in _RULES else next(
            (k for k in _RULES if k in check), check)
        rule, column, template = _RULES.get(name, (check, case.column, "{v} fails " + check))
        if (pos, rule) in seen:
            continue
        seen.add((pos, rule))
        header = result.value_columns[pos] if column == "value" else result.columns.get(column, column)
        shown = obs.at[pos, column]
        shown = quote(int(shown) if column == "year" else
                      (f"{shown:g}" if isinstance(shown, float) else shown))
        problems.append(Problem(result.file, rule, template.format(v=shown), int(lines[pos]), header))
    problems.extend(_duplicate_problems(result.file, obs, lines, result.columns.get("iso3", "iso3")))
    return sorted(problems, key=lambda p: (p.line or 0, p.rule))


def _duplicate_problems(name: str, obs: pd.DataFrame, lines, column: str) -> list[Problem]:
    dup = obs.duplicated(KEY, keep=False)
    problems = []
    for _, group in obs[dup].groupby(KEY, sort=False):
        first = int(lines[group.index[0]])
        for pos in group.index[1:]:
            r = obs.loc[pos]
            problems.append(Problem(name, "one value per country, indicator and year",
                                    f"{r.iso3} {r.indicator_id} {r.year} already given on line {first}",
                                    int(lines[pos]), column))
    return problems


def validate_file(path: Path | str, reference: Reference) -> ReadResult:
    """Read one file and apply every rule; the result lists all problems found."""
    result = read_file(path, reference)
    if not result.observations.empty:
        result.problems.extend(_schema_problems(result, reference))
    result.problems.sort(key=lambda p: p.line or 0)  # file order reads best (stable sort)
    return result


def validate_files(paths, reference: Reference) -> list[ReadResult]:
    """Validate several files, adding cross-file duplicates to the later file's problems."""
    results = [validate_file(p, reference) for p in paths]
    first_seen: dict[tuple, tuple[str, int]] = {}
    for result in results:
        for line, row in zip(result.observations.index, result.observations.itertuples()):
            key = (row.iso3, row.indicator_id, row.year)
            if key in first_seen and first_seen[key][0] != result.file:
                where = f"{first_seen[key][0]} line {first_seen[key][1]}"
                result.problems.append(Problem(result.file, "one value per country, indicator and year",
                                               f"{' '.join(map(str, key))} already given in {where}",
                                               int(line), result.columns.get("iso3")))
            first_seen.setdefault(key, (result.file, int(line)))
    return results
