"""Download routes: the rows the data table shows, and the full dataset, each with citation and licence.

The query string is read with url_state.decode exactly like a link, so anything unknown falls back
to the default and the file says which view it reflects.
"""
from __future__ import annotations

from flask import Flask, Response, request

from components.views.table import table_rows
from components.url_state import decode, encode
from data.table_data import citation_lines, csv_with_header, full_dataset_zip

DISPLAYED = "/download/displayed.csv"
FULL = "/download/full.zip"


def register(server: Flask, store, cache) -> None:
    """Add the two download routes to ``server``; ``cache`` is a FigureCache (get_or_build)."""

    @server.route(DISPLAYED)
    def download_displayed():
        dataset, vocab = store.current()
        state, notices = decode(request.query_string.decode("utf-8", "replace"), vocab)
        link = "?" + (encode(state.with_changes(view="table")).lstrip("?"))

        def build() -> str:
            _, rows = table_rows(state, dataset)
            header = citation_lines(dataset, "data displayed in the data table", link)
            return csv_with_header(rows, header + [f"Note: {n}" for n in notices])

        body = cache.get_or_build(f"csv:{store.version}:{encode(state)}:{len(notices)}", build)
        return Response(body, mimetype="text/csv", headers={
            "Content-Disposition": 'attachment; filename="gcm-dashboard-displayed.csv"'})

    @server.route(FULL)
    def download_full():
        dataset, _ = store.current()
        body = cache.get_or_build(f"zip:{store.version}", lambda: full_dataset_zip(dataset))
        return Response(body, mimetype="application/zip", headers={
            "Content-Disposition": 'attachment; filename="gcm-dashboard-full-dataset.zip"'})
