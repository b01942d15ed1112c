"""Excel (.xlsx) workbooks of the displayed data and of the full dataset, written with XlsxWriter.

Formula-safe by construction: every cell is written with ``write_string`` or ``write_number``
(never ``write``/``write_formula``), so no cell is ever a formula; and text that a spreadsheet
could still take for one when it is edited or re-saved as CSV (a leading = + - @, tab or
carriage return, as OWASP's CSV-injection guidance lists) gets a leading apostrophe
(:func:`neutralise`). Missing values stay empty cells, never zero. Pure: frames in, bytes out.
"""
from __future__ import annotations

import io
import math
import numbers

import pandas as pd
import xlsxwriter

from data.cell_safety import neutral_cell
from data.model import Dataset
from data.table_data import citation_lines

#: Excel's limit on characters in one cell.
MAX_CELL = 32767
ABOUT_SHEET = "About"
FORMULA_NOTE = ("Every cell is text or a number, never a formula; text that begins with = + - @, a tab or a "
                "carriage return starts with an apostrophe (') so that no spreadsheet runs it.")


def neutralise(text: str) -> str:
    """``text`` with a leading apostrophe if a spreadsheet could read it as a formula (the same
    rule as the CSV and ZIP downloads: :func:`data.cell_safety.neutral_cell`)."""
    return neutral_cell(text)


def cell_kind(value) -> str:
    """'blank', 'number' or 'string': how one value is written."""
    if value is None or value is pd.NA or value is pd.NaT:
        return "blank"
    if isinstance(value, bool):
        return "string"  # a bool is an int in Python; written as TRUE/FALSE text, not 1/0
    if isinstance(value, numbers.Real):
        return "number" if math.isfinite(value) else ("blank" if math.isnan(value) else "string")
    return "string"


def cell_text(value) -> str:
    """The text written for a non-number: sequences as space-separated items, then neutralised."""
    if isinstance(value, (tuple, list)):
        value = " ".join(str(v) for v in value)
    return neutralise(str(value))[:MAX_CELL]


def write_sheet(book, name: str, frame: pd.DataFrame) -> None:
    """One sheet: a bold header row, then one row per frame row, typed cell by cell."""
    sheet = book.add_worksheet(name)
    bold = book.add_format({"bold": True})
    for col, header in enumerate(frame.columns):
        sheet.write_string(0, col, cell_text(header), bold)
        sheet.set_column(col, col, min(40, max(10, len(str(header)) + 2)))
    for row, values in enumerate(frame.itertuples(index=False, name=None), start=1):
        for col, value in enumerate(values):
            kind = cell_kind(value)
            if kind == "number":
                sheet.write_number(row, col, float(value))
            elif kind == "string":
                sheet.write_string(row, col, cell_text(value))
    sheet.freeze_panes(1, 0)


def workbook(sheets: dict[str, pd.DataFrame], about: list[str]) -> bytes:
    """The .xlsx bytes: an "About" sheet with ``about`` (one line per row), then ``sheets``."""
    buffer = io.BytesIO()
    # The string conversions are off as a second guard; only write_string/write_number are used.
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    book.set_properties({"title": about[0] if about else "GCM Progress Dashboard",
                         "comments": "Citation, licence and notes are on the About sheet."})
    sheet = book.add_worksheet(ABOUT_SHEET)
    sheet.set_column(0, 0, 120)
    for row, line in enumerate(about + ["", FORMULA_NOTE]):
        if line:
            sheet.write_string(row, 0, cell_text(line))
    for name, frame in sheets.items():
        write_sheet(book, name, frame)
    book.close()
    return buffer.getvalue()


def full_dataset_tables(dataset: Dataset) -> dict[str, pd.DataFrame]:
    """The full dataset's tables, with the same columns as the ZIP download's CSV files."""
    obs = dataset.observations.assign(country=dataset.observations["iso3"].map(dataset.countries["name"]))
    indicators = dataset.indicators.reset_index(drop=True)
    countries = dataset.countries.drop(columns=["iso3"], errors="ignore").reset_index()
    return {
        "observations": obs[["iso3", "country", "indicator_id", "year", "value", "nature", "source_id"]],
        "indicators": indicators,
        "countries": countries,
        "sources": dataset.sources.reset_index(),
    }


def full_dataset_xlsx(dataset: Dataset) -> bytes:
    """Every observation, the indicator catalogue, the countries and the sources, one sheet each."""
    return workbook(full_dataset_tables(dataset), citation_lines(dataset, "full dataset"))


def displayed_xlsx(rows: pd.DataFrame, about: list[str]) -> bytes:
    """The data table's rows (one sheet "data") with ``about`` (citation, licence, notes)."""
    return workbook({"data": rows}, about)
