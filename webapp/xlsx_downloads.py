"""Excel download routes, beside the CSV/ZIP ones in webapp/downloads.py: the rows the data
table shows and the full dataset, each with an "About" sheet carrying citation, licence and notes.

The query string is read with url_state.decode exactly like a link (and like the CSV route), so
anything unknown falls back to the default and the workbook's notes say so.
"""
from __future__ import annotations

from flask import Flask, Response, request

from components.url_state import decode, encode
from components.views.table import table_rows
from data.snapshot import cache_key
from data.table_data import citation_lines

from .xlsx import displayed_xlsx, full_dataset_xlsx

DISPLAYED_XLSX = "/download/displayed.xlsx"
FULL_XLSX = "/download/full.xlsx"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def register(server: Flask, store, cache) -> None:
    """Add the two Excel download routes to ``server``; ``cache`` is a FigureCache (get_or_build)."""

    @server.route(DISPLAYED_XLSX)
    def download_displayed_xlsx():
        snap = store.current()
        dataset = snap.dataset
        state, notices = decode(request.query_string.decode("utf-8", "replace"), snap.vocab)
        link = "?" + (encode(state.with_changes(view="table")).lstrip("?"))

        def build() -> bytes:
            _, rows = table_rows(state, dataset)
            about = citation_lines(dataset, "data displayed in the data table", link)
            return displayed_xlsx(rows, about + [f"Note: {n}" for n in notices])

        body = cache.get_or_build(cache_key(snap, "xlsx", f"{encode(state)}:{len(notices)}"), build)
        return Response(body, mimetype=XLSX_MIME, headers={
            "Content-Disposition": 'attachment; filename="gcm-dashboard-displayed.xlsx"'})

    @server.route(FULL_XLSX)
    def download_full_xlsx():
        snap = store.current()
        body = cache.get_or_build(cache_key(snap, "xlsx-full"), lambda: full_dataset_xlsx(snap.dataset))
        return Response(body, mimetype=XLSX_MIME, headers={
            "Content-Disposition": 'attachment; filename="gcm-dashboard-full-dataset.xlsx"'})
