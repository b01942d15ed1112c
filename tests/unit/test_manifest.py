"""The data folder's datapackage.json: the shipped one matches, and every kind of mismatch is named."""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from data.load import DEFAULT_FOLDER, POLICY_FILE, SERIES_FILE
from data.manifest import MANIFEST, build_manifest, content_version, verify_manifest, write_manifest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "data", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "sources"
    shutil.copytree(DEFAULT_FOLDER, copy)
    return copy


def test_the_shipped_manifest_matches_the_shipped_files():
    assert verify_manifest(DEFAULT_FOLDER) == []
    shipped = json.loads((DEFAULT_FOLDER / MANIFEST).read_text())
    assert shipped == build_manifest(DEFAULT_FOLDER)  # nothing stale, not even a schema type
    listed = {r["path"]: r for r in shipped["resources"]}
    assert set(listed) == {p.name for p in DEFAULT_FOLDER.glob("*.csv")}
    with open(DEFAULT_FOLDER / POLICY_FILE, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    policy = listed[POLICY_FILE]
    assert policy["rows"] == len(rows) - 1 and [f["name"] for f in policy["schema"]["fields"]] == rows[0]
    assert policy["bytes"] == (DEFAULT_FOLDER / POLICY_FILE).stat().st_size
    assert policy["hash"].startswith("sha256:") and len(policy["hash"]) == 7 + 64
    assert {f["name"]: f["type"] for f in policy["schema"]["fields"]}["year"] == "integer"


def test_a_file_cut_short_is_named_with_its_sizes_and_rows(folder):
    path = folder / POLICY_FILE
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:700]))
    problems = verify_manifest(folder)
    assert [p.file for p in problems] == [POLICY_FILE]
    message = problems[0].message
    assert f"{path.stat().st_size} bytes, but datapackage.json records" in message
    assert "699 data rows, but datapackage.json records 1400" in message


def test_a_cut_inside_a_value_and_a_same_size_change_are_caught(folder):
    path = folder / SERIES_FILE
    data = path.read_bytes()
    path.write_bytes(data[:-3])  # the last value loses its last digits: rows and columns unchanged
    assert "bytes, but datapackage.json records" in verify_manifest(folder)[0].message
    path.write_bytes(data.replace(b",672.91472", b",672.91473", 1))
    (problem,) = verify_manifest(folder)
    assert problem.file == SERIES_FILE and "different sha256" in problem.detail


def test_missing_unlisted_and_unreadable_manifests_are_reported(folder):
    (folder / "gcm_objectives.csv").unlink()
    shutil.copy(folder / "gcm_champion_countries.csv", folder / "new_file.csv")
    messages = [p.message for p in verify_manifest(folder)]
    assert "gcm_objectives.csv: is listed in datapackage.json but missing" in messages
    assert any(m.startswith("new_file.csv: is not listed in datapackage.json") for m in messages)
    (folder / MANIFEST).write_text('{"resources": [')  # a manifest cut short
    (problem,) = verify_manifest(folder)
    assert problem.file == MANIFEST and "cannot be read as JSON" in problem.detail


def test_a_manifest_cannot_point_outside_the_folder(folder):
    manifest = json.loads((folder / MANIFEST).read_text())
    manifest["resources"][0]["path"] = "../../etc/passwd"
    (folder / MANIFEST).write_text(json.dumps(manifest))
    assert any("not a plain file name" in p.detail for p in verify_manifest(folder))


def test_content_version_follows_bytes_not_modification_times(folder):
    before = content_version(folder)
    path = folder / POLICY_FILE
    path.touch()
    assert content_version(folder) == before == content_version(DEFAULT_FOLDER)
    path.write_bytes(path.read_bytes() + b"\n")
    assert content_version(folder) != before


def test_cli_package_then_validate_and_a_partial_write(folder):
    (folder / MANIFEST).unlink()
    proc = run("validate", str(folder))
    assert proc.returncode == 0 and "has no datapackage.json, so file integrity cannot be checked" in proc.stdout
    proc = run("package", str(folder))
    assert proc.returncode == 0 and f"wrote {folder / MANIFEST}: 16 files" in proc.stdout, proc.stderr
    assert verify_manifest(folder) == []
    assert run("validate", str(folder)).returncode == 0
    path = folder / POLICY_FILE
    path.write_bytes(path.read_bytes()[:5000])
    proc = run("validate", str(folder))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"{path}: 5000 bytes, but datapackage.json records" in proc.stdout
    assert "python -m data package" in proc.stdout


def test_cli_package_refuses_invalid_data_and_writes_nothing(folder):
    (folder / MANIFEST).unlink()
    path = folder / POLICY_FILE
    rows = path.read_text().splitlines()
    header = rows[0].split(",")
    cells = rows[4].split(",")
    cells[header.index("value")] = "abc"
    rows[4] = ",".join(cells)
    path.write_text("\n".join(rows) + "\n")
    proc = run("package", str(folder))
    assert proc.returncode == 1 and '"abc"' in proc.stdout and "nothing was accepted" in proc.stdout
    assert not (folder / MANIFEST).exists()


def test_cli_validate_warns_about_formula_like_names_and_source_ids(folder, tmp_path):
    path = folder / "country_reference_m49.csv"
    path.write_text(path.read_text().replace("Ghana", "=HYPERLINK(\"http://evil.example/\")", 1))
    write_manifest(folder)
    proc = run("validate", str(folder))
    assert proc.returncode == 0, proc.stdout
    assert "warning: country name '=HYPERLINK(\"http://evil.example/\")' starts like a spreadsheet formula" \
        in proc.stdout
    user = tmp_path / "nso.csv"
    user.write_text("iso3,indicator_id,year,value,nature,source_id\nGHA,sdg10_7_2_all,2021,3,,@SUM(A1)\n")
    proc = run("validate", str(user))
    assert proc.returncode == 0 and "warning: source id '@SUM(A1)' starts like a spreadsheet formula" in proc.stdout
