"""Excel workbooks: every cell a string or a number, formula-looking text neutralised, missing stays empty."""
from __future__ import annotations

import io
import math

import openpyxl
import pandas as pd
import pytest

from webapp.xlsx import ABOUT_SHEET, cell_kind, full_dataset_xlsx, neutralise, workbook

HOSTILE = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "=1+1"]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_starts_get_an_apostrophe(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Ghana", "", "1 Requires further progress", "'quoted", " =spaced", "a=b"])
def test_ordinary_text_is_unchanged(text):
    assert neutralise(text) == text


def test_cell_kinds():
    assert [cell_kind(v) for v in (1, 2.5, -3, float("nan"), None, pd.NA, True, "x", math.inf, (1, 2))] == [
        "number", "number", "number", "blank", "blank", "blank", "string", "string", "string", "string"]


def _cells(data: bytes):
    book = openpyxl.load_workbook(io.BytesIO(data))
    return book, [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def test_no_cell_is_a_formula_and_values_keep_their_type():
    frame = pd.DataFrame({"name": HOSTILE, "value": [1.5, -2.0, float("nan"), 4, 5, 6, 7],
                          "groups": [("ECA", "ESCWA")] * 7})
    data = workbook({"data": frame}, ["Title", "=cmd|' /C calc'!A0"])
    book, cells = _cells(data)
    assert book.sheetnames == [ABOUT_SHEET, "data"]
    # openpyxl reads a formula cell as data_type "f"; a string that starts with "=" would be one
    # if it had been written with Workbook.write (XlsxWriter) or assigned in openpyxl.
    assert {c.data_type for c in cells if c.value is not None} <= {"s", "n"}
    sheet = book["data"]
    assert [c.value for c in sheet[1]] == ["name", "value", "groups"]
    # openpyxl leaves a carriage return in its XML escape (_x000D_); Excel shows "\r".
    assert [sheet.cell(r, 1).value.replace("_x000D_", "\r") for r in range(2, 9)] == ["'" + t for t in HOSTILE]
    assert [sheet.cell(r, 2).value for r in range(2, 9)] == [1.5, -2, None, 4, 5, 6, 7]  # negative stays a number
    assert sheet.cell(2, 3).value == "ECA ESCWA"
    assert book[ABOUT_SHEET]["A2"].value == "'=cmd|' /C calc'!A0"


def test_full_dataset_workbook_has_every_observation_and_the_citation(dataset):
    book, cells = _cells(full_dataset_xlsx(dataset))
    assert book.sheetnames == [ABOUT_SHEET, "observations", "indicators", "countries", "sources"]
    assert {c.data_type for c in cells if c.value is not None} <= {"s", "n"}
    about = [c.value for c in book[ABOUT_SHEET]["A"] if c.value]
    assert any(line.startswith("Licence: CC BY 4.0") for line in about)
    assert any("Global SDG Indicators Database" in line for line in about)
    obs = book["observations"]
    assert obs.max_row - 1 == len(dataset.observations)
    header = [c.value for c in obs[1]]
    assert header == ["iso3", "country", "indicator_id", "year", "value", "nature", "source_id"]
    first = dataset.observations.iloc[0]
    row = {h: c.value for h, c in zip(header, obs[2])}
    assert row["iso3"] == first["iso3"] and row["year"] == first["year"] and row["value"] == pytest.approx(first["value"])
