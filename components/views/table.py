"""The data table of what the current filters show, with downloads (see webapp/downloads.py)."""
from __future__ import annotations

import dash_ag_grid as dag
from dash import html

from components.view_kit import View, empty, select, source_line, summary
from data.model import Dataset
from data.table_data import tidy_rows

GRID = "data-table"
DOWNLOAD_DISPLAYED = "download-displayed"
DOWNLOAD_FULL = "download-full"
DOWNLOAD_STATUS = "download-status"

HEADERS = {"country": "Country", "iso3": "ISO3", "region": "Region", "indicator": "Indicator",
           "indicator_id": "Indicator id", "year": "Year", "value": "Value", "unit": "Unit",
           "status": "Status", "nature": "Nature", "source": "Source"}
ORDER = ("country", "iso3", "year", "value", "status", "indicator", "region", "unit", "nature", "source",
         "indicator_id")
WIDTHS = {"country": 180, "iso3": 95, "region": 120, "indicator": 260, "year": 100, "value": 110,
          "unit": 240, "status": 170, "nature": 170, "source": 170, "indicator_id": 170}


def table_rows(state, dataset: Dataset):
    """The tidy rows the table (and the 'displayed data' download) show for ``state``."""
    sel = select(state, dataset, [state.indicator])
    return sel, tidy_rows(sel, dataset)


def render_table(state, dataset: Dataset) -> list:
    """One virtualised AG Grid; sorting and filtering happen in the browser, no function strings."""
    sel, rows = table_rows(state, dataset)
    if sel.countries.empty:
        return [empty("No countries match these filters.")]
    if sel.indicators.empty:
        return [empty("The chosen indicator is not tagged with the selected objectives or principles.")]
    have = int(rows["value"].notna().sum())
    label = dataset.indicators.loc[state.indicator, "label"]
    text = (f"{len(rows)} rows: {label}, {sel.year_label}, for the {len(sel.countries)} countries in this "
            f"selection; {have} have a value and {len(rows) - have} show no data. Sort or filter any column; "
            "the downloads carry the citation and licence.")
    columns = []
    for col in ORDER:
        spec = {"field": col, "headerName": HEADERS[col], "width": WIDTHS[col], "sortable": True,
                "filter": "agNumberColumnFilter" if col in ("year", "value") else "agTextColumnFilter",
                "resizable": True}
        if col in ("country",):
            spec["pinned"] = "left"
        if col == "indicator_id":
            spec["hide"] = True
        columns.append(spec)
    shown = rows.copy()
    if "source" in shown:
        # The full citation is one long sentence, the same on every row: in a grid cell it was cut
        # or made every row six lines tall. The cell names the publisher; the source line under the
        # grid and every download carry the full citation.
        shown["source"] = shown["source"].map(lambda c: c.split(",")[0] if isinstance(c, str) else c)
    records = shown.astype(object).where(shown.notna(), None).to_dict("records")
    grid = dag.AgGrid(id=GRID, rowData=records, columnDefs=columns,
                      # Long names and units wrap and the row grows: nothing is cut with an ellipsis.
                      defaultColDef={"floatingFilter": True, "suppressHeaderMenuButton": True,
                                     "wrapText": True, "autoHeight": True, "wrapHeaderText": True,
                                     "autoHeaderHeight": True},
                      dashGridOptions={"animateRows": False, "ensureDomOrder": True, "enableCellTextSelection": True},
                      className="ag-theme-alpine data-grid", style={"height": "520px", "width": "100%"})
    return [summary(text), grid, source_line([state.indicator], dataset)]


#: The download buttons: id, label, route, file name, and whether the page's query (the rows
#: shown) goes along. assets/gcm_downloads.js fetches them with progress on the button.
DOWNLOADS = (
    (DOWNLOAD_DISPLAYED, "Download displayed data (CSV)", "download/displayed.csv", "gcm-dashboard-displayed.csv", True),
    (DOWNLOAD_FULL, "Download full dataset (ZIP of CSV)", "download/full.zip", "gcm-dashboard-full-dataset.zip", False),
    ("download-displayed-xlsx", "Download displayed data (Excel)", "download/displayed.xlsx",
     "gcm-dashboard-displayed.xlsx", True),
    ("download-full-xlsx", "Download full dataset (Excel)", "download/full.xlsx", "gcm-dashboard-full-dataset.xlsx",
     False),
)


def table_controls(dataset: Dataset, vocab) -> html.Div:
    """Download buttons: the rows shown and the full dataset, as CSV/ZIP and Excel (every file
    carries citation and licence)."""
    buttons = [html.Button(label, id=button_id, type="button", className="button download-button",
                           **{"data-download-href": href, "data-filename": filename},
                           **({"data-with-query": "yes"} if with_query else {}))
               for button_id, label, href, filename, with_query in DOWNLOADS]
    return html.Div(className="view-controls analysis-controls downloads", children=[
        *buttons,
        html.Span(id=DOWNLOAD_STATUS, role="status", className="download-status", **{"aria-live": "polite"}),
    ])


VIEW = View(name="table", label="Data table", render=render_table, controls=table_controls)
