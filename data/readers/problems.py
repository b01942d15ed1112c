"""Problems found in a user file and the result object every reader returns."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a user file, precise enough to fix it without guessing.

    ``line`` is the 1-based line in the file (header = line 1); ``column`` the header
    name as written in the file; ``detail`` already quotes the offending value.
    """

    file: str
    rule: str
    detail: str
    line: int | None = None
    column: str | None = None

    @property
    def message(self) -> str:
        """``bad.csv, line 4, column "value": "abc" is not a number (rule: numeric value)``."""
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column is not None:
            where += f', column "{self.column}"'
        return f"{where}: {self.detail} (rule: {self.rule})"

    def __str__(self) -> str:
        return self.message


@dataclass
class ReadResult:
    """What a reader made of one file.

    observations: canonical columns (iso3, indicator_id, year, value, nature, source_id),
                  indexed by the line number of the row in the file
    aggregates:   rows for World, regions, income groups... (area_code, area_name,
                  indicator_id, year, value), kept apart so they never pose as countries
    report:       human-readable counts of what was kept, dropped and why
    problems:     every problem found; any problem rejects the whole file
    """

    file: str
    format: str = ""
    observations: pd.DataFrame = field(default_factory=pd.DataFrame)
    aggregates: pd.DataFrame = field(default_factory=pd.DataFrame)
    report: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: header used in the file for iso3 / year / indicator_id (messages name the file's column)
    columns: dict[str, str] = field(default_factory=dict)
    #: per observation, in the same order: the column its value came from
    value_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the file has no problem at all."""
        return not self.problems


def quote(value: object) -> str:
    """Quote a raw cell for a message, showing control characters instead of hiding them."""
    text = str(value)
    return '""' if text == "" else '"' + text.encode("unicode_escape").decode("ascii") + '"'
