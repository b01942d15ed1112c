"""``python -m data update`` against a local HTTP server on 127.0.0.1 that replays recorded UN SDG
API pages (tests/fixtures/sdg_api, built from the shipped files). No other network is used."""
from __future__ import annotations

import copy
import http.server
import json
import subprocess
import sys
import threading
from contextlib import contextmanager
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest

from data.load import load_dataset
from tests.servers import ROOT, free_port

RECORDING = ROOT / "tests" / "fixtures" / "sdg_api"
SERIES = ["SG_CPA_MIGRS", "SG_CPA_MIGRP", "SI_RMT_COST"]
COUNTRIES = {"GHA", "MEX", "DEU", "PHL"}
PAGE_SIZE = 10


@contextmanager
def sdg_api(change=None):
    """Serve the recorded pages at /v1/sdg/Series/Data; ``change(code, page)`` may edit a page."""
    seen: list[str] = []

    class Replay(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            seen.append(self.path)
            url = urlparse(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            path = RECORDING / f"{query.get('seriesCode')}_page{query.get('page')}.json"
            if url.path != "/v1/sdg/Series/Data" or query.get("pageSize") != str(PAGE_SIZE) or not path.is_file():
                self.send_error(404, "not recorded")
                return
            page = json.loads(path.read_text())
            if change:
                page = change(query["seriesCode"], copy.deepcopy(page))
            body = json.dumps(page).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Replay)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "data", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def updated(tmp_path_factory):
    out = tmp_path_factory.mktemp("update") / "data"
    with sdg_api() as (base, seen):
        result = run_cli("update", "--out", str(out), "--series", *SERIES, "--api-base", base,
                         "--page-size", str(PAGE_SIZE))
    return out, result, seen


def test_update_pages_through_and_writes_the_shipped_layout_with_provenance(updated):
    out, result, seen = updated
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SG_CPA_MIGRS: 42 records in 5 page(s)" in result.stdout
    # every page of every series was asked for, in order, with the API's parameters
    pages = {c: len(list(RECORDING.glob(f"{c}_page*.json"))) for c in SERIES}
    assert seen == [f"/v1/sdg/Series/Data?seriesCode={c}&page={n}&pageSize={PAGE_SIZE}"
                    for c in SERIES for n in range(1, pages[c] + 1)]
    shipped = {p.name for p in (ROOT / "data" / "sources").iterdir()}
    assert shipped <= {p.name for p in out.iterdir()}
    provenance = json.loads((out / "sdg_api_provenance.json").read_text())
    assert provenance["retrieved_utc"].endswith("Z") and provenance["api_base"].startswith("http://127.0.0.1:")
    assert provenance["release"] == "not stated in the API answers"
    assert provenance["series"]["SG_CPA_MIGRS"]["pages"] == 5
    assert provenance["series"]["SG_CPA_MIGRS"]["urls"][0].endswith("seriesCode=SG_CPA_MIGRS&page=1&pageSize=10")


def test_written_files_pass_validate(updated):
    out, _, _ = updated
    result = run_cli("validate", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    # The update wrote the folder's manifest, so validate checked every file against it (no
    # "integrity cannot be checked" note) before loading it as the dashboard would.
    assert (out / "datapackage.json").is_file() and "no datapackage.json" not in result.stdout
    assert result.stdout.startswith(f"OK: {out}: ")


def test_written_files_reproduce_the_shipped_values(updated, dataset):
    out, _, _ = updated
    new = load_dataset(out).observations
    old = dataset.observations
    for prefix in ("sdg10_7_2_", "sdg10_c_1_cost_to_receiving"):
        mine = new[new.indicator_id.str.startswith(prefix)].reset_index(drop=True)
        theirs = old[old.indicator_id.str.startswith(prefix) & old.iso3.isin(COUNTRIES)].reset_index(drop=True)
        assert set(mine.iso3) == COUNTRIES & set(theirs.iso3)
        pd.testing.assert_frame_equal(mine[["indicator_id", "iso3", "year", "value"]],
                                      theirs[["indicator_id", "iso3", "year", "value"]])
    assert len(new[new.indicator_id == "sdg10_7_2_all"]) == 6  # six country-rounds in the recording
    # the long and wide 10.7.2 files agree, and the regional shares came through
    wide = pd.read_csv(out / "sdg_10_7_2_migration_policies_wide.csv")
    assert set(wide.iso3) == COUNTRIES & set(wide.iso3) and len(wide) == 6
    shares = pd.read_csv(out / "sdg_10_7_2_share_of_countries_by_region.csv")
    assert set(shares.m49_area_code) == {1, 202, 419}
    # series that were not fetched are kept as they were
    untouched = "sdg16_9_1_birth_registration"
    assert len(new[new.indicator_id == untouched]) == len(old[old.indicator_id == untouched])


def test_dry_run_prints_what_would_change_and_writes_nothing(updated):
    out, _, _ = updated
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}

    def change(code, page):
        for record in page["data"]:
            if code == "SG_CPA_MIGRS" and record["geoAreaCode"] == "288" and record["timePeriodStart"] == 2019.0 \
                    and record["dimensions"]["Policy Domains"] == "All Domains":
                record["value"] = "4"
        if code == "SI_RMT_COST" and page["pageNumber"] == 1:
            page["data"].append(dict(page["data"][0], timePeriodStart=2024.0, value="5.5"))
        return page

    with sdg_api(change) as (base, _):
        result = run_cli("--sources", str(out), "update", "--out", str(out), "--series", "SG_CPA_MIGRS",
                         "SI_RMT_COST", "--api-base", base, "--page-size", str(PAGE_SIZE), "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "sdg10_7_2_all: 0 added, 1 changed, 0 no longer published" in lines
    assert "  GHA 2019: 2 -> 4" in lines  # shipped: Ghana, all domains, 2019 round = 2
    assert "sdg10_c_1_cost_to_receiving: 1 added, 0 changed, 0 no longer published" in lines
    assert "  years added: 2024" in lines
    assert lines[-1] == "Dry run: nothing was written."
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before


def test_no_network_gives_one_clear_line_and_non_zero_exit(tmp_path):
    port = free_port()  # nothing listens there: the same failure as a machine without network
    result = run_cli("update", "--out", str(tmp_path / "out"), "--series", "SG_CPA_MIGRS",
                     "--api-base", f"http://127.0.0.1:{port}")
    assert result.returncode == 3
    assert result.stdout == ""
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(f"error: cannot reach the UN SDG API at 127.0.0.1:{port} (")
    assert not (tmp_path / "out").exists()


def test_an_answer_of_the_wrong_shape_is_named(tmp_path):
    with sdg_api(lambda code, page: {"message": "maintenance"}) as (base, _):
        result = run_cli("update", "--out", str(tmp_path / "out"), "--series", "SI_RMT_COST",
                         "--api-base", base, "--page-size", str(PAGE_SIZE))
    assert result.returncode == 3
    assert '"totalPages" is missing' in result.stderr and "Traceback" not in result.stderr


def test_unknown_series_is_refused_before_any_request(tmp_path):
    result = run_cli("update", "--out", str(tmp_path / "out"), "--series", "NOT_A_SERIES",
                     "--api-base", "http://127.0.0.1:9")
    assert result.returncode == 2 and "not a shipped series: NOT_A_SERIES" in result.stderr
