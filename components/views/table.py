"""The data table of what the current filters show, with downloads (see webapp/downloads.py)."""
from __future__ import annotations

import dash_ag_grid as dag
from dash import ClientsideFunction, Dash, Input, Output, State, html

from components import ids
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
          "unit": 160, "status": 170, "nature": 170, "source": 220, "indicator_id": 170}


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
    records = rows.astype(object).where(rows.notna(), None).to_dict("records")
    grid = dag.AgGrid(id=GRID, rowData=records, columnDefs=columns,
                      defaultColDef={"floatingFilter": True, "suppressHeaderMenuButton": True},
                      dashGridOptions={"animateRows": False, "ensureDomOrder": True, "enableCellTextSelection": True},
                      className="ag-theme-alpine data-grid", style={"height": "520px", "width": "100%"})
    return [summary(text), grid, source_line([state.indicator], dataset)]


def table_controls(dataset: Dataset, vocab) -> html.Div:
    """Download buttons: the rows shown, and the full dataset (both carry citation and licence)."""
    return html.Div(className="view-controls analysis-controls downloads", children=[
        html.Button("Download displayed data (CSV)", id=DOWNLOAD_DISPLAYED, type="button",
                    className="button download-button", **{"data-href": "download/displayed.csv"}),
        html.Button("Download full dataset (ZIP of CSV)", id=DOWNLOAD_FULL, type="button",
                    className="button download-button", **{"data-href": "download/full.zip"}),
        # Excel copies (webapp/xlsx_downloads.py); assets/gcm_xlsx.js fetches them on click.
        html.Button("Download displayed data (Excel)", type="button", className="button download-button",
                    **{"data-xlsx-href": "download/displayed.xlsx", "data-with-query": "yes"}),
        html.Button("Download full dataset (Excel)", type="button", className="button download-button",
                    **{"data-xlsx-href": "download/full.xlsx"}),
        html.Span(id=DOWNLOAD_STATUS, role="status", className="download-status",
                  **{"aria-live": "polite"}),
    ])


def wire_downloads(app: Dash) -> None:
    """Progress on the download button while the file is made (assets/gcm_downloads.js)."""
    app.clientside_callback(
        ClientsideFunction(namespace="gcm_downloads", function_name="download"),
        Output(DOWNLOAD_STATUS, "children"),
        Input(DOWNLOAD_DISPLAYED, "n_clicks"), Input(DOWNLOAD_FULL, "n_clicks"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )


VIEW = View(name="table", label="Data table", render=render_table, controls=table_controls, wire=wire_downloads)
