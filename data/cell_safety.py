"""Spreadsheet formula injection ("CSV injection", OWASP): neutralise cells before any export.

A spreadsheet opening a CSV, or the sheets of a ZIP or XLSX, runs a cell that starts with
``=``, ``+``, ``-`` or ``@`` as a formula (``=HYPERLINK(...)`` phones home, DDE runs programs),
and a leading TAB or CR hides such a start from a reader's eye. Every writer of downloadable
tables passes its cells through :func:`neutral_cell` (one function, so a future XLSX writer
uses the same rule), and its comment lines through :func:`one_line`. Pure: no I/O.
"""
from __future__ import annotations

import re

import pandas as pd

#: The starts a spreadsheet reads as a formula (or that hide one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula (a signed number is not one)."""
    return bool(text) and text.startswith(FORMULA_STARTS) and not _NUMBER.match(text)


def neutral_cell(value):
    """``value`` with a leading ``'`` if it is text a spreadsheet would run as a formula.

    Numbers (and text that is just a signed number such as ``-3.5``) are returned unchanged, so
    exported values stay numeric."""
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value


def neutral_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell (and header) passed through :func:`neutral_cell`."""
    out = frame.copy()
    out.columns = [neutral_cell(str(c)) for c in out.columns]
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutral_cell)
    return out


def csv_text(frame: pd.DataFrame, header_lines=()) -> str:
    """CSV of ``frame`` with every cell neutralised, after ``# `` comment lines kept on one line each.

    Line ends are LF, except when a text cell holds a CR: the csv module quotes only fields that
    contain the line terminator's characters, so such a file is written with CRLF (RFC 4180)
    and the CR is inside a quoted field instead of ending a row in some readers."""
    safe = neutral_frame(frame)
    has_cr = any(safe[c].map(lambda v: isinstance(v, str) and "\r" in v).any()
                 for c in safe.columns if safe[c].dtype == object or pd.api.types.is_string_dtype(safe[c]))
    end = "\r\n" if has_cr else "\n"
    body = safe.to_csv(index=False, lineterminator=end)
    return "".join(f"# {one_line(str(line))}{end}" for line in header_lines) + body


def one_line(text: str) -> str:
    """``text`` on one line: CR and LF (which would end a comment line and start a row) become spaces."""
    return text.replace("\r", " ").replace("\n", " ")


def formula_like_values(values, what: str) -> list[str]:
    """Warnings for the values a spreadsheet would read as formulas, e.g. country names or source ids."""
    seen = []
    for value in values:
        if isinstance(value, str) and is_formula_like(value) and value not in seen:
            seen.append(value)
    return [f"warning: {what} '{value.encode('unicode_escape').decode('ascii')}' starts like a spreadsheet "
            "formula; downloads will prefix it with ' so spreadsheets show it as text" for value in seen]
