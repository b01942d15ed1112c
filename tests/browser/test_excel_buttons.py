"""The data table's Excel buttons in real Chromium: the displayed rows of this view, and the full dataset."""
from __future__ import annotations

import io
from pathlib import Path

import openpyxl


def _book(download, **kw):
    # Playwright saves downloads without an extension, which openpyxl refuses by name.
    return openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes()), **kw)


def test_excel_buttons_download_workbooks(probe, base_url):
    page = probe.page
    page.goto(base_url + "/?view=table&region=Africa&year=2021")
    page.wait_for_selector(".ag-root .ag-row")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download displayed data (Excel)").click()
    assert info.value.suggested_filename == "gcm-dashboard-displayed.xlsx"
    page.wait_for_function("() => document.getElementById('download-status').textContent"
                           ".includes('Downloaded gcm-dashboard-displayed.xlsx')")
    book = _book(info.value)
    about = [c.value for c in book["About"]["A"] if c.value]
    assert any("region=Africa" in line for line in about)  # the file says which view it reflects
    regions = {row[2] for row in book["data"].iter_rows(min_row=2, values_only=True)}
    assert regions == {"Africa"}
    with page.expect_download() as full:
        page.get_by_role("button", name="Download full dataset (Excel)").click()
    assert full.value.suggested_filename == "gcm-dashboard-full-dataset.xlsx"
    assert "observations" in _book(full.value, read_only=True).sheetnames
    assert probe.console_errors == [] and probe.foreign_requests() == []
