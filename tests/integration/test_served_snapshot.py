"""One served snapshot: the manifest gate on reloads, the last accepted data in every worker,
reloads off the request path, and one version everywhere (logs, /health, cache keys, downloads)."""
from __future__ import annotations

import io
import logging
import shutil
import threading
import time
import zipfile

import pytest

from dashboard import create_app
from data.load import DEFAULT_FOLDER, POLICY_FILE, load_dataset
from data.manifest import MANIFEST, write_manifest
from data.snapshot import Snapshot, cache_key
from webapp.datastore import DataLoadError, DataStore, load_checked
from webapp.settings import Settings


@pytest.fixture
def packaged(tmp_path):
    """A copy of the shipped folder with its datapackage.json."""
    folder = tmp_path / "sources"
    shutil.copytree(DEFAULT_FOLDER, folder)
    return folder


def _cut(path, lines: int) -> None:
    path.write_bytes(b"".join(path.read_bytes().splitlines(keepends=True)[:lines]))


def _drop_country(folder, iso3: str) -> None:
    """A valid update: one country's 10.7.2 rows removed."""
    path = folder / POLICY_FILE
    path.write_text("".join(line for line in path.read_text().splitlines(keepends=True)
                            if not line.startswith(iso3 + ",")))


def test_a_partial_write_is_rejected_until_the_manifest_is_rewritten(packaged, tmp_path, caplog):
    app = create_app(Settings(data_dir=packaged, reload_seconds=0, cache_type="null",
                              accepted_dir=tmp_path / "accepted"))
    client = app.server.test_client()
    good = client.get("/health").get_json()
    assert good["observations"] == 19426 and good["last_data_error"] is None
    with caplog.at_level(logging.WARNING, logger="gcm.data"):
        _cut(packaged / POLICY_FILE, 700)  # validates on its own: only the manifest can tell
        app.gcm_store.check_now()
    health = client.get("/health").get_json()
    assert health["observations"] == 19426 and health["data_version"] == good["data_version"]
    assert "do not match datapackage.json" in health["last_data_error"] and "/" not in health["last_data_error"]
    (record,) = [r for r in caplog.records if "Data update rejected" in r.getMessage()]
    assert record.levelno == logging.WARNING
    assert f"{POLICY_FILE}: " in record.getMessage() and "699 data rows, but datapackage.json records 1400" \
        in record.getMessage()
    assert str(tmp_path / "accepted") not in record.getMessage()  # the report names the data folder
    # the operator finishes the update: restore, make a real change, and package it
    shutil.copy(DEFAULT_FOLDER / POLICY_FILE, packaged / POLICY_FILE)
    _drop_country(packaged, "ZWE")
    write_manifest(packaged)
    app.gcm_store.check_now()
    health = client.get("/health").get_json()
    assert health["last_data_error"] is None and health["observations"] == 19419
    assert health["data_version"] == load_dataset(packaged).version != good["data_version"]


def test_a_folder_without_manifest_is_accepted_on_validation_alone_and_says_so(packaged, tmp_path, caplog):
    (packaged / MANIFEST).unlink()
    with caplog.at_level(logging.INFO, logger="gcm.data"):
        dataset = load_checked(packaged)
    assert len(dataset.observations) == 19426
    assert "No datapackage.json in the data folder: file integrity could not be checked" in caplog.text


def test_a_later_worker_serves_the_last_accepted_data_not_its_start_up_copy(packaged, tmp_path):
    accepted = tmp_path / "accepted"
    first = DataStore(packaged, reload_seconds=0, accepted_dir=accepted)
    # "forked from the master": a second store built on the start-up data
    replacement = DataStore(packaged, reload_seconds=0, accepted_dir=accepted)
    start_version = first.current().version
    _drop_country(packaged, "ZWE")
    write_manifest(packaged)
    first.check_now()  # a worker accepts the valid update...
    assert len(first.current().dataset.observations) == 19419
    _cut(packaged / POLICY_FILE, 700)  # ...then a partial write breaks the folder
    first.check_now()
    assert first.last_error and len(first.current().dataset.observations) == 19419
    assert replacement.current().version == start_version
    replacement.after_fork()  # what gunicorn's post_fork does in a new worker
    assert replacement.current().version == first.current().version != start_version
    assert len(replacement.current().dataset.observations) == 19419


def test_a_worker_that_saw_the_broken_folder_follows_the_one_that_accepted(packaged, tmp_path):
    accepted = tmp_path / "accepted"
    a = DataStore(packaged, reload_seconds=0, accepted_dir=accepted)
    b = DataStore(packaged, reload_seconds=0, accepted_dir=accepted)
    _drop_country(packaged, "ZWE")
    write_manifest(packaged)
    a.check_now()
    _cut(packaged / POLICY_FILE, 700)
    b.check_now()  # b never saw the good update on disk, only the broken file after it
    assert b.current().version == a.current().version and b.last_error == ""


def test_reloads_run_in_the_background_and_never_stall_a_request(packaged, tmp_path):
    loading = threading.Event()

    def slow_loader(folder, extra):
        if store_ready.is_set():
            loading.set()
            time.sleep(1.0)  # a large dataset: loading takes a while
        return load_checked(folder, extra)

    store_ready = threading.Event()
    store = DataStore(packaged, reload_seconds=0.1, loader=slow_loader, accepted_dir=tmp_path / "accepted")
    store_ready.set()
    store.start_checker()
    old = store.current()
    _drop_country(packaged, "ZWE")
    write_manifest(packaged)
    assert loading.wait(5)
    started = time.perf_counter()
    during = [store.current() for _ in range(100)]
    waited = time.perf_counter() - started
    assert waited < 0.05 and all(s is old for s in during)  # answered at once, from the old snapshot
    deadline = time.monotonic() + 10
    while store.current() is old and time.monotonic() < deadline:
        time.sleep(0.05)
    store.stop_checker()
    assert len(store.current().dataset.observations) == 19419


def test_one_version_in_logs_health_cache_keys_and_downloads(packaged, tmp_path, caplog):
    with caplog.at_level(logging.INFO, logger="gcm.data"):
        app = create_app(Settings(data_dir=packaged, reload_seconds=0, cache_type="simple",
                                  accepted_dir=tmp_path / "accepted"))
    snap = app.gcm_store.current()
    assert isinstance(snap, Snapshot) and snap.index is snap.dataset.index
    assert snap.version == snap.dataset.version == load_dataset(packaged).version
    client = app.server.test_client()
    assert client.get("/health").get_json()["data_version"] == snap.version
    assert f"Serving data version {snap.version}" in caplog.text
    csv = client.get("/download/displayed.csv?view=table")
    assert f"# Data version: {snap.version}" in csv.get_data(as_text=True)
    assert snap.version in csv.headers["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(client.get("/download/full.zip").data)) as zf:
        assert f"Data version: {snap.version}" in zf.read("README.txt").decode()
    key = cache_key(snap, "view", "?view=matrix&highlight=" + ",".join(["GHA"] * 500))
    assert key.startswith(f"view:{snap.version}:") and len(key) < 64
    assert cache_key(snap, "view", "?view=map") != cache_key(snap, "view", "?view=matrix")


def test_an_unusable_accepted_folder_stops_start_up_with_its_name(packaged, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DataLoadError) as err:
        DataStore(packaged, reload_seconds=0, accepted_dir=blocker / "accepted")
    assert f"GCM_ACCEPTED_DIR={blocker / 'accepted'} cannot be used" in str(err.value)
