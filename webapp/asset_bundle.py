"""The page's own stylesheets and scripts, served as one CSS and one JS file.

Dash would put every ``.css`` and ``.js`` file of assets/ into the page as its own request: 22
of them, each a few kB, queuing on the browser's six connections and the server's two workers
on a first visit. Here they are concatenated in Dash's order (file name order) at start-up and
served from ``/page-assets/app.css`` and ``/page-assets/app.js`` with a content hash in the URL.
Dash is told to ignore them (``ASSETS_IGNORE``); they stay in assets/, one file per feature, and
a new file there joins the bundle on the next start. The speaker window's own files are left
out: only /speaker loads them.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from flask import Flask, Response

#: Dash's ``assets_ignore``: no asset stylesheet or script is linked one by one.
ASSETS_IGNORE = r"\.(css|js)$"
ROUTE = "page-assets"
MIMETYPES = {"css": "text/css", "js": "text/javascript"}


def page_files(folder: Path, suffix: str, leave_out: str) -> list[Path]:
    """The top-level ``*.<suffix>`` files of ``folder`` in Dash's order, minus names matching ``leave_out``."""
    skip = re.compile(leave_out)
    return sorted((p for p in Path(folder).glob(f"*.{suffix}") if not skip.search(p.name)), key=lambda p: p.name)


def concatenate(files: list[Path], suffix: str) -> bytes:
    """The files one after another, each under a comment naming it. Scripts are separated by a
    semicolon, so a file that ends without one cannot run into the next."""
    joiner = "\n;\n" if suffix == "js" else "\n"
    parts = [f"/* assets/{p.name} */\n{p.read_text(encoding='utf-8')}" for p in files]
    return joiner.join(parts).encode("utf-8")


def register(server: Flask, folder: Path, leave_out: str) -> tuple[list[dict], list[dict]]:
    """Build both bundles from ``folder``, add their route to ``server``, and return Dash's
    ``external_stylesheets`` and ``external_scripts`` entries for them (URLs relative to the page)."""
    bundles = {suffix: concatenate(page_files(folder, suffix, leave_out), suffix) for suffix in MIMETYPES}

    @server.route(f"/{ROUTE}/app.<suffix>")
    def page_asset_bundle(suffix: str):
        if suffix not in bundles:
            return Response("Not found", status=404, mimetype="text/plain")
        response = Response(bundles[suffix], mimetype=MIMETYPES[suffix])
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"  # the URL names the content
        return response

    def url(suffix: str) -> str:
        return f"{ROUTE}/app.{suffix}?v={hashlib.sha256(bundles[suffix]).hexdigest()[:12]}"

    return [{"href": url("css"), "rel": "stylesheet"}], [{"src": url("js")}]
