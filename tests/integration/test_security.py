"""Headers and surface: CSP and friends on every kind of response, limits, inert hostile text."""
from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
import shutil

import pytest

from dashboard import create_app
from data.load import DEFAULT_FOLDER
from data.manifest import write_manifest
from tests.integration.dash_client import DashClient
from webapp.settings import Settings

EVIL = "<script>window.__pwned=1</script><img src=x onerror=alert(1)>"


def _csp(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/", "/_dash-layout", "/health", "/_dash-dependencies",
                                  "/fragments/matrix?view=matrix"])
def test_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200
    csp = _csp(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"][0] == "'self'" and all(s.startswith("'sha256-") for s in csp["script-src"][1:])
    assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'self'"] and csp["connect-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:", "blob:"] and csp["font-src"] == ["'self'", "data:"]
    policy = response.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in policy and "http" not in policy and "*" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "Strict-Transport-Security" not in response.headers  # plain HTTP behind a proxy: no HSTS
    assert response.status_code != 301 and response.status_code != 302  # no forced HTTPS


def test_every_inline_script_is_allowed_by_hash(client):
    response = client.get("/")
    allowed = set(_csp(response)["script-src"])
    html = re.sub(r"<!--.*?-->", "", response.get_data(as_text=True), flags=re.S)  # <!--[if IE]> is a comment
    inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", html, re.S)
    assert inline, "Dash's renderer bootstrap is an inline script"
    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed, script[:80]
    assert not re.search(r"<script[^>]+src=[\"']https?://", html)  # nothing from outside origins


def test_frame_ancestors_is_configurable():
    app = create_app(Settings(reload_seconds=60, cache_type="null", frame_ancestors="'self' https://un.example.org"))
    response = app.server.test_client().get("/health")
    assert _csp(response)["frame-ancestors"] == ["'self'", "https://un.example.org"]
    assert "X-Frame-Options" not in response.headers  # it would forbid the embedding the CSP allows


def test_limits_and_no_debug(app, client):
    assert app.server.debug is False and app.server.config["MAX_CONTENT_LENGTH"] == 1024 * 1024
    response = client.post("/_dash-update-component", data=b"x" * (1024 * 1024 + 10), content_type="application/json")
    assert response.status_code == 413 and len(response.data) < 200
    assert response.get_json()["error"] == "Request Entity Too Large"
    health = client.get("/health").get_json()
    assert health["status"] == "ok" and health["observations"] > 0


def test_script_in_a_query_parameter_is_inert(client):
    dash = DashClient(client)
    search = "?region=" + EVIL
    body = dash.call("url-write.search", {"url.search": search}, ["url.search"]).get_data(as_text=True)
    assert "<script" not in body and "<img" not in body
    notices = json.dumps(json.loads(body)["response"]["link-notice"]["children"])
    assert "window.__pwned=1" in notices  # shown as text in the notice ...
    assert "\\u003cscript\\u003e" in body  # ... and escaped in the JSON
    for path in ("/fragments/matrix?view=matrix&region=", "/?region="):
        page = client.get(path + EVIL).get_data(as_text=True)
        assert "window.__pwned" not in page and "onerror" not in page


def test_crafted_country_name_is_inert(tmp_path):
    folder = tmp_path / "sources"
    shutil.copytree(DEFAULT_FOLDER, folder)
    ref = folder / "country_reference_m49.csv"
    rows = list(csv.reader(io.StringIO(ref.read_text(encoding="utf-8"))))
    name = rows[0].index("country_or_area")
    afg = next(r for r in rows if r[0] == "AFG")
    afg[name] = "Afghanistan" + EVIL
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    ref.write_text(out.getvalue(), encoding="utf-8")
    write_manifest(folder)  # the documented update procedure: write the files, then package them
    app = create_app(Settings(data_dir=folder, reload_seconds=60, cache_type="null",
                              accepted_dir=tmp_path / "accepted"))
    client = app.server.test_client()
    dash = DashClient(client)
    seen_escaped = False
    for search in ("?view=profile&country=AFG", "?view=map", "?view=uneven", "?view=matrix"):
        body = dash.call("view-content.children", {"url.search": search}, ["url.search"]).get_data(as_text=True)
        assert "<script" not in body and "<img" not in body, search
        seen_escaped |= "Afghanistan\\u003cscript\\u003ewindow.__pwned" in body
    assert seen_escaped  # the name is shown, as text
    fragment = client.get("/fragments/matrix?view=matrix").get_data(as_text=True)
    assert "<script" not in fragment and "<img" not in fragment
    assert "Afghanistan&lt;script&gt;window.__pwned=1&lt;/script&gt;" in fragment
    layout = client.get("/_dash-layout").get_data(as_text=True)
    assert "<script" not in layout and "<img" not in layout
