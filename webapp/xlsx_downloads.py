"""Excel download routes, beside the CSV/ZIP ones in webapp/downloads.py: the rows the data
table shows and the full dataset, each with an "About" sheet carrying citation, licence and notes.

The displayed rows, header and cache key come from webapp.downloads.displayed_request, exactly as
for the CSV route, so anything unknown falls back to the default and the workbook's notes say so.
"""
from __future__ import annotations

from flask import Flask, Response

from data.snapshot import cache_key

from .downloads import displayed_request
from .xlsx import displayed_xlsx, full_dataset_xlsx

DISPLAYED_XLSX = "/download/displayed.xlsx"
FULL_XLSX = "/download/full.xlsx"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def register(server: Flask, store, cache) -> None:
    """Add the two Excel download routes to ``server``; ``cache`` is a FigureCache (get_or_build)."""

    @server.route(DISPLAYED_XLSX)
    def download_displayed_xlsx():
        snap, rows, about, canonical = displayed_request(store)
        body = cache.get_or_build(cache_key(snap, "xlsx", canonical), lambda: displayed_xlsx(rows(), about))
        return Response(body, mimetype=XLSX_MIME, headers={
            "Content-Disposition": 'attachment; filename="gcm-dashboard-displayed.xlsx"'})

    @server.route(FULL_XLSX)
    def download_full_xlsx():
        snap = store.current()
        body = cache.get_or_build(cache_key(snap, "xlsx-full"), lambda: full_dataset_xlsx(snap.dataset))
        return Response(body, mimetype=XLSX_MIME, headers={
            "Content-Disposition": 'attachment; filename="gcm-dashboard-full-dataset.xlsx"'})
