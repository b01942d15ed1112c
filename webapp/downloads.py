"""Download routes: the rows the data table shows, and the full dataset, each with citation and licence.

The query string is read with url_state.decode exactly like a link, so anything unknown falls back
to the default and the file says which view it reflects. Every cell is neutralised against
spreadsheet formula injection and URL-derived header lines are kept on one line
(data.cell_safety, through data.table_data). The file names carry the data version.
"""
from __future__ import annotations

from flask import Flask, Response, request

from components.url_state import decode, encode
from components.views.table import table_rows
from data.snapshot import cache_key
from data.table_data import citation_lines, csv_with_header, full_dataset_zip

DISPLAYED = "/download/displayed.csv"
FULL = "/download/full.zip"


def displayed_request(store):
    """What a "displayed data" download of this request contains, read from one snapshot:
    ``(snapshot, rows builder, header lines, canonical text)``. The header lines carry citation,
    licence, the view's link, the data version and any notices about the query; the canonical
    text (state and notices) keys the cache. Shared by the CSV and Excel routes."""
    snap = store.current()
    state, notices = decode(request.query_string.decode("utf-8", "replace"), snap.vocab)
    link = "?" + (encode(state.with_changes(view="table")).lstrip("?"))
    header = (citation_lines(snap.dataset, "data displayed in the data table", link)
              + [f"Data version: {snap.version}"] + [f"Note: {n}" for n in notices])
    return snap, (lambda: table_rows(state, snap.dataset)[1]), header, encode(state) + "\n" + "\n".join(notices)


def register(server: Flask, store, cache) -> None:
    """Add the two download routes to ``server``; ``cache`` is a FigureCache (get_or_build)."""

    @server.route(DISPLAYED)
    def download_displayed():
        snap, rows, header, canonical = displayed_request(store)
        # the notices come from the raw query: they are part of the canonical text of the file
        body = cache.get_or_build(cache_key(snap, "csv", canonical), lambda: csv_with_header(rows(), header))
        return Response(body, mimetype="text/csv", headers={
            "Content-Disposition": f'attachment; filename="gcm-dashboard-displayed-{snap.version}.csv"'})

    @server.route(FULL)
    def download_full():
        snap = store.current()
        body = cache.get_or_build(cache_key(snap, "zip"), lambda: full_dataset_zip(snap.dataset, snap.version))
        return Response(body, mimetype="application/zip", headers={
            "Content-Disposition": f'attachment; filename="gcm-dashboard-full-dataset-{snap.version}.zip"'})
