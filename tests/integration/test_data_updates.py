"""Safe data updates: a data file replaced while the app serves is taken only if it validates.

Each malformed variant is generated from the real shipped file by one documented mutation
(``MUTATIONS``), written over the served copy, and then /health and the "How uneven" render
must be byte-identical to the last good data, with the full report in the log.
"""
from __future__ import annotations

import csv
import gc
import io
import json
import logging
import os
import shutil
import time
import urllib.request
import weakref
from pathlib import Path

import pytest

from dashboard import create_app
from data.load import DEFAULT_FOLDER, POLICY_FILE, SERIES_FILE
from data.manifest import MANIFEST
from tests.integration.dash_client import DashClient
from webapp.datastore import DataLoadError
from webapp.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
GOOD_EXTRA = ROOT / "tests" / "fixtures" / "formats" / "tidy.csv"
UNEVEN = {"url.search": "?view=uneven"}


def _lines(name: str) -> list[str]:
    return (DEFAULT_FOLDER / name).read_text(encoding="utf-8").splitlines(keepends=True)


def _rows(name: str) -> list[list[str]]:
    return list(csv.reader(_lines(name)))


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


def _set_cell(name: str, line: int, column: str, value: str) -> bytes:
    rows = _rows(name)
    rows[line - 1][rows[0].index(column)] = value
    return _csv(rows)


def _drop_column(name: str, column: str) -> bytes:
    rows = _rows(name)
    i = rows[0].index(column)
    return _csv([r[:i] + r[i + 1:] for r in rows])


def _latin1(name: str) -> bytes:
    data = (DEFAULT_FOLDER / name).read_bytes()
    cut = data.index(b"\n", 200) + 1
    return data[:cut] + b"\xf4" + data[cut:]


def _truncated(name: str) -> bytes:
    data = (DEFAULT_FOLDER / name).read_bytes()
    cut = data.index(b"\n", len(data) // 2) + 5  # five bytes into a row: "XYZ,1" then end of file
    return data[:cut]


P, S = POLICY_FILE, SERIES_FILE
#: (label, file replaced, new bytes or None to delete the file, a fragment the log must contain)
MUTATIONS = [
    ("truncated mid-row", P, lambda: _truncated(P), P),
    ("truncated series file", S, lambda: _truncated(S), S),
    ("latin-1 byte", P, lambda: _latin1(P), "not UTF-8"),
    ("UTF-16 encoded", P, lambda: "".join(_lines(P)).encode("utf-16"), "not UTF-8"),
    ("empty file", P, lambda: b"", "the file is empty"),
    ("header only", P, lambda: _lines(P)[0].encode(), "header but no rows"),
    ("missing value column", P, lambda: _drop_column(P, "value"), "missing column"),
    ("missing year column", S, lambda: _drop_column(S, "year"), "missing column"),
    ("renamed iso3 header", P, lambda: "".join(_lines(P)).replace("iso3,", "ISO3,", 1).encode(), "missing column"),
    ("value 'abc'", P, lambda: _set_cell(P, 5, "value", "abc"), 'line 5, column "value": "abc"'),
    ("value 'abc' in series", S, lambda: _set_cell(S, 40, "value", "abc"), 'line 40, column "value"'),
    ("value 'inf'", S, lambda: _set_cell(S, 41, "value", "inf"), "not a finite number"),
    ("value blank", S, lambda: _set_cell(S, 42, "value", ""), "not a finite number"),
    ("ordinal 5", P, lambda: _set_cell(P, 6, "value", "5"), "ordinal 1-4"),
    ("ordinal 0", P, lambda: _set_cell(P, 7, "value", "0"), "ordinal 1-4"),
    ("ordinal 2.5", P, lambda: _set_cell(P, 8, "value", "2.5"), "ordinal 1-4"),
    ("duplicate row", P, lambda: "".join(_lines(P) + [_lines(P)[10]]).encode(), "more than one value"),
    ("unknown iso3", P, lambda: _set_cell(P, 9, "iso3", "XXX"), '"XXX" is not in country_reference'),
    ("blank iso3", S, lambda: _set_cell(S, 9, "iso3", ""), "known country"),
    ("year as text", P, lambda: _set_cell(P, 4, "year", "twenty"), '"twenty" is not a whole year'),
    ("year 1800", S, lambda: _set_cell(S, 4, "year", "1800"), '"1800" is not a whole year'),
    ("year 2019.0", P, lambda: _set_cell(P, 4, "year", "2019.0"), "whole year"),
    ("semicolon separated", P, lambda: "".join(_lines(P)).replace(",", ";").encode(), "missing column"),
    ("binary garbage", P, lambda: bytes(range(256)) * 8, P),
    ("file deleted", P, lambda: None, "the file is missing"),
    ("country table repeats a code", "country_reference_m49.csv",
     lambda: "".join(_lines("country_reference_m49.csv") + [_lines("country_reference_m49.csv")[2]]).encode(),
     "unique country"),
    ("indicator map objective 'x'", "gcm_indicator_map.csv",
     lambda: _set_cell("gcm_indicator_map.csv", 2, "primary_objective", "x"), "whole number"),
]


def _write(path: Path, content: bytes | None, tick: list[int]) -> None:
    if content is None:
        path.unlink()
        return
    path.write_bytes(content)
    tick[0] += 1  # explicit, strictly increasing mtimes: coarse filesystem clocks can't hide a change
    os.utime(path, ns=(tick[0], tick[0]))


@pytest.fixture
def data_dir(tmp_path):
    """A copy of the shipped data without its manifest: a user's folder, accepted on validation alone."""
    folder = tmp_path / "sources"
    shutil.copytree(DEFAULT_FOLDER, folder)
    (folder / MANIFEST).unlink()
    return folder


def _answers(app, client, dash):
    app.gcm_store.check_now()  # reload_seconds=0: no background checker, check here
    health = client.get("/health")
    render = dash.call("view-content.children", UNEVEN, ["url.search"])
    assert health.status_code == 200 and render.status_code == 200
    # parsed: a figure served from the cache may list its keys in another order than a fresh one
    return health.get_json(), render.get_json()


def test_malformed_updates_are_rejected_and_good_ones_taken(data_dir, caplog):
    app = create_app(Settings(data_dir=data_dir, reload_seconds=0, cache_type="simple",
                                accepted_dir=data_dir.parent / "accepted"))
    client = app.server.test_client()
    dash = DashClient(client)
    good_health, good_render = _answers(app, client, dash)
    good_data = app.gcm_store.current().dataset
    assert good_health["last_data_error"] is None and "reporting countries" in json.dumps(good_render)
    tick = [1_700_000_000 * 10**9]
    originals = {}
    assert len(MUTATIONS) >= 20
    for label, name, make, fragment in MUTATIONS:
        path = data_dir / name
        originals.setdefault(name, path.read_bytes())
        caplog.clear()
        with caplog.at_level(logging.ERROR, logger="gcm.data"):
            _write(path, make(), tick)
            health, render = _answers(app, client, dash)
        assert app.gcm_store.current().dataset is good_data, label
        assert render == good_render, label
        assert {k: health[k] for k in ("status", "data_version", "observations")} == \
            {k: good_health[k] for k in ("status", "data_version", "observations")}, label
        assert health["last_data_error"] and "/" not in health["last_data_error"], label
        report = "\n".join(r.getMessage() for r in caplog.records)
        assert "Data update rejected" in report and fragment in report, (label, report)
        _write(path, originals[name], tick)  # back to good: the next variant starts from real data
    # A good update is picked up.
    _write(data_dir / POLICY_FILE, _good_update(), tick)
    health, render = _answers(app, client, dash)
    assert health["data_version"] != good_health["data_version"] and health["last_data_error"] is None
    assert render != good_render
    before = good_render["response"]["view-content"]["children"][0]["props"]["children"]
    after = render["response"]["view-content"]["children"][0]["props"]["children"]
    assert before != after, (before, after)


def test_served_data_is_kept_out_of_gc_and_replaced_data_is_released(data_dir):
    # webapp.datastore.settle_heap: the data being served is frozen (no full-collection pauses);
    # after an update the old data must still be freed, not frozen forever.
    app = create_app(Settings(data_dir=data_dir, reload_seconds=0, cache_type="simple",
                                accepted_dir=data_dir.parent / "accepted"))
    dash = DashClient(app.server.test_client())
    assert dash.call("view-content.children", UNEVEN, ["url.search"]).status_code == 200
    old = weakref.ref(app.gcm_store.current().dataset)
    assert gc.get_freeze_count() > 0
    _write(data_dir / POLICY_FILE, _good_update(), [1_700_000_000 * 10**9])
    app.gcm_store.check_now()
    assert dash.call("view-content.children", UNEVEN, ["url.search"]).status_code == 200
    assert app.gcm_store.current().dataset is not old()
    assert old() is None, gc.get_referrers(old())
    assert gc.get_freeze_count() > 0


def test_bad_extra_file_stops_start_up_with_a_clear_message(data_dir, tmp_path):
    bad = tmp_path / "nso.csv"
    bad.write_text("iso3,indicator_id,year,value,nature,source_id\nGHA,sdg10_7_2_all,2021,abc,,ghana_gss\n")
    with pytest.raises(DataLoadError) as err:
        create_app(Settings(data_dir=data_dir, extra_data=(bad,), reload_seconds=0, cache_type="null",
                            accepted_dir=tmp_path / "accepted"))
    assert "nso.csv, line 2" in str(err.value) and '"abc"' in str(err.value)


def test_bad_extra_file_at_reload_keeps_the_old_data(data_dir, tmp_path, caplog):
    extra = tmp_path / "nso.csv"
    shutil.copy(GOOD_EXTRA, extra)
    app = create_app(Settings(data_dir=data_dir, extra_data=(extra,), reload_seconds=0, cache_type="null",
                              accepted_dir=tmp_path / "accepted"))
    client = app.server.test_client()
    dash = DashClient(client)
    good_health, good_render = _answers(app, client, dash)
    good_data = app.gcm_store.current().dataset
    assert "+user-" in good_data.version
    with caplog.at_level(logging.ERROR, logger="gcm.data"):
        _write(extra, GOOD_EXTRA.read_bytes() + b"AFG,sdg10_7_2_all,2022,9,,nso\n", [1_800_000_000 * 10**9])
        health, render = _answers(app, client, dash)
    assert app.gcm_store.current().dataset is good_data
    assert render == good_render and health["observations"] == good_health["observations"]
    assert "nso.csv" in caplog.text and "ordinal 1-4" in caplog.text


@pytest.mark.service
def test_updates_under_real_gunicorn(data_dir, tmp_path):
    from tests.servers import gunicorn_server

    def fetch(url, body=None):
        req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.read().decode()

    def health_when(condition):
        # the background checker runs every 0.1 s: wait (bounded) for it to have looked
        deadline = time.monotonic() + 10
        while True:
            health = json.loads(fetch(base + "/health"))
            if condition(health) or time.monotonic() > deadline:
                return health
            time.sleep(0.05)

    env = {"GCM_DATA_DIR": str(data_dir), "GCM_RELOAD_SECONDS": "0.1", "GCM_CACHE_TYPE": "null"}
    with gunicorn_server(tmp_path, workers=1, env=env) as (base, _proc):
        body = json.dumps(_uneven_payload(base)).encode()
        good_health, good_render = json.loads(fetch(base + "/health")), fetch(base + "/_dash-update-component", body)
        tick = [1_700_000_000 * 10**9]
        original = (data_dir / POLICY_FILE).read_bytes()
        checked = 0
        for label, name, make, _fragment in MUTATIONS:
            if name != POLICY_FILE:
                continue
            _write(data_dir / name, make(), tick)
            health = health_when(lambda h: h["last_data_error"])
            assert fetch(base + "/_dash-update-component", body) == good_render, label
            for key in ("status", "data_version", "observations"):
                assert health[key] == good_health[key], label
            assert health["last_data_error"], label
            _write(data_dir / name, original, tick)
            assert health_when(lambda h: not h["last_data_error"])["last_data_error"] is None, label
            checked += 1
        assert checked >= 15
        _write(data_dir / POLICY_FILE, _good_update(), tick)
        health = health_when(lambda h: h["data_version"] != good_health["data_version"])
        assert health["data_version"] != good_health["data_version"] and health["last_data_error"] is None
        assert fetch(base + "/_dash-update-component", body) != good_render
    log = "".join(p.read_text() for p in tmp_path.glob("gunicorn-*.log"))
    assert "Data update rejected" in log and "the file is empty" in log


def _uneven_payload(base: str) -> dict:
    with urllib.request.urlopen(base + "/_dash-dependencies", timeout=30) as resp:
        deps = json.loads(resp.read())
    cb = next(c for c in deps if c["output"] == "view-content.children")
    return {"output": cb["output"], "outputs": {"id": "view-content", "property": "children"},
            "inputs": [{"id": "url", "property": "search", "value": "?view=uneven"}],
            "state": [], "changedPropIds": ["url.search"]}


def _good_update() -> bytes:
    """A valid change with a visible effect: one 2021 all-domains score goes from 4 to 3."""
    rows = _rows(POLICY_FILE)
    year, domain, value = (rows[0].index(c) for c in ("year", "policy_domain_code", "value"))
    for row in rows[1:]:
        if row[year] == "2021" and row[domain] == "ALL" and row[value] == "4":
            row[value] = "3"
            return _csv(rows)
    raise AssertionError("no 2021 all-domains score of 4 to change")
