"""Hardening found missing by the adversarial review: headers, formula injection in downloads,
bounded caches and short matrix links."""
from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile

import pytest

from components.url_state import MAX_HIGHLIGHT, decode
from dashboard import create_app
from data.load import DEFAULT_FOLDER
from data.manifest import write_manifest
from webapp.settings import Settings

EVIL_NAME = '=HYPERLINK("http://evil.example/","Ghana")'
FORMULA_START = ("=", "+", "@", "\t", "\r")


def test_every_405_says_which_methods_are_allowed(app, client):
    checked = 0
    for rule in app.server.url_map.iter_rules():
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", "x", rule.rule)
        method = "PUT" if "PUT" not in rule.methods else "PATCH"
        resp = client.open(path, method=method)
        if resp.status_code == 405:
            allowed = {m.strip() for m in resp.headers["Allow"].split(",")}
            assert set(rule.methods) <= allowed and method not in allowed, path  # (a catch-all adds GET)
            checked += 1
    assert checked >= 10
    assert client.post("/health").headers["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize("method, path, expected", [
    ("GET", "/", "no-cache"),
    ("GET", "/_dash-layout", "no-cache"),
    ("GET", "/_dash-dependencies", "no-cache"),
    ("GET", "/fragments/matrix?view=matrix", "no-cache"),
    ("GET", "/health", "no-store"),
    ("GET", "/download/displayed.csv", "no-store"),
    ("GET", "/download/full.zip", "no-store"),
    ("POST", "/api/validate-deck", "no-store"),
    ("POST", "/_dash-update-component", "no-store"),
])
def test_dynamic_responses_say_how_to_cache_them(client, method, path, expected):
    assert client.open(path, method=method, json={}).headers["Cache-Control"] == expected


def test_dash_dev_tool_routes_are_off(client):
    resp = client.get("/_reload-hash")
    assert resp.status_code == 404 and b"packages" not in resp.data
    assert client.get("/_alive_anything").status_code == 404


def test_a_crafted_link_cannot_put_a_formula_into_the_csv(client):
    resp = client.get('/download/displayed.csv?country=a%0D%3DHYPERLINK(%22http://evil.example/%22)%2C'
                      '&region=%0A%40SUM(1)&view=table')
    text = resp.get_data(as_text=True)
    header = [line for line in re.split("\r\n|\n", text) if line.startswith("#")]
    assert any("HYPERLINK" in line for line in header)  # the note is there, on its own comment line
    for line in re.split("[\r\n]", text):  # whatever a spreadsheet takes for a line end
        assert line.startswith("#") or not line.startswith(FORMULA_START), line
    assert "\r" not in "".join(header)


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    """Shipped data with a formula as a country name, and a user file with a formula source id."""
    tmp = tmp_path_factory.mktemp("hostile")
    folder = tmp / "sources"
    shutil.copytree(DEFAULT_FOLDER, folder)
    ref = folder / "country_reference_m49.csv"
    rows = list(csv.reader(io.StringIO(ref.read_text(encoding="utf-8"))))
    name = rows[0].index("country_or_area")
    next(r for r in rows if r[0] == "GHA")[name] = EVIL_NAME
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    ref.write_text(out.getvalue(), encoding="utf-8")
    write_manifest(folder)
    extra = tmp / "nso.csv"
    extra.write_text("iso3,indicator_id,year,value,nature,source_id\n"
                     "GHA,sdg10_7_2_all,2021,3,C,@SUM(1+1)\nMEX,sdg10_7_2_all,2021,2,C,\t-cmd\n")  # the reader strips the TAB
    return create_app(Settings(data_dir=folder, extra_data=(extra,), reload_seconds=0, cache_type="null",
                               accepted_dir=tmp / "accepted"))


def _cells(text: str) -> list[str]:
    """Every cell of a downloaded CSV, its "# " comment lines left out."""
    body = "\n".join(line for line in text.split("\n") if not line.startswith("#"))
    return [cell for row in csv.reader(io.StringIO(body, newline="")) for cell in row]


def test_formula_names_and_source_ids_are_neutralised_in_the_csv_and_the_zip(hostile_app):
    client = hostile_app.server.test_client()
    displayed = client.get("/download/displayed.csv?view=table&region=Africa").get_data(as_text=True)
    cells = _cells(displayed)
    assert "'" + EVIL_NAME in cells
    with zipfile.ZipFile(io.BytesIO(client.get("/download/full.zip").data)) as zf:
        texts = {name: zf.read(name).decode() for name in zf.namelist() if name.endswith(".csv")}
    observations = _cells(texts["observations.csv"])
    assert "'@SUM(1+1)" in observations and "'-cmd" in observations and "'" + EVIL_NAME in observations
    assert "'" + EVIL_NAME in _cells(texts["countries.csv"])
    for text in [displayed, *texts.values()]:
        for cell in _cells(text):
            assert not cell.startswith(FORMULA_START), cell


def test_the_file_cache_is_bounded_under_a_highlight_flood(tmp_path):
    # Entries are stored compressed (~16x for the matrix), so a small bound is what a flood fills.
    bound_mb, requests = 2, 48
    app = create_app(Settings(cache_type="filesystem", cache_dir=tmp_path / "cache", cache_max_mb=bound_mb,
                              reload_seconds=0, accepted_dir=tmp_path / "accepted"))
    client = app.server.test_client()
    countries = list(app.gcm_store.current().vocab.countries)
    sizes = []
    for i in range(requests):  # every request a new spotlight list: a new cache entry each time
        rotated = countries[i:] + countries[:i]
        resp = client.get("/fragments/matrix?view=matrix&highlight=" + ",".join(rotated))
        assert resp.status_code == 200
        sizes.append(len(resp.data))
    on_disk = sum(p.stat().st_size for p in (tmp_path / "cache").iterdir())
    assert sum(sizes) > bound_mb * 2**20 and on_disk <= bound_mb * 2**20 * (1 + 1 / 64) + max(sizes)
    entries = list((tmp_path / "cache").iterdir())
    assert 0 < len(entries) < requests  # the entries were cached, then the oldest pruned


def test_matrix_links_are_short_and_the_spotlight_is_capped(app, client):
    countries = ",".join(["GHA", "MEX", "NGA", "KEN", "IND", "BRA", "PHL", "TUR", "COL", "PER", "CHL",
                          "ARG", "URY", "ECU", "BOL", "PRY", "SEN", "MLI", "NER", "TCD", "SDN", "ETH"])
    html = client.get(f"/fragments/matrix?view=matrix&year=2019&theme=dark&highlight={countries}").get_data(
        as_text=True)
    links = set(re.findall(r'href="([^"]+)"', html))
    assert "?view=profile&amp;year=2019&amp;country=GHA&amp;theme=dark" in links
    assert all("highlight" not in link and len(link) < 80 for link in links)
    assert html.count("matrix-spotlight") == 20  # the first 20 of 22
    state, notices = decode(f"?view=matrix&highlight={countries}", app.gcm_store.current().vocab)
    assert len(state.highlight) == MAX_HIGHLIGHT == 20
    assert notices == ["The spotlight shows at most 20 countries; the first 20 are kept."]
