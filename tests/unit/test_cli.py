"""``python -m data`` run as a real subprocess: exit codes, reports, no stack traces."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "data", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_validate_ok_prints_counts():
    proc = run("validate", str(FIXTURES / "formats" / "sdg_portal_10_7_2.csv"))
    assert proc.returncode == 0, proc.stderr
    assert "OK: 5 observations in 1 file(s)" in proc.stdout
    assert "sdg10_7_2_all" in proc.stdout
    assert "2 aggregate rows kept apart" in proc.stdout


def test_validate_reports_every_problem_and_exits_1():
    proc = run("validate", str(FIXTURES / "malformed" / "value_abc.csv"),
               str(FIXTURES / "malformed" / "ordinal_5.csv"))
    assert proc.returncode == 1
    assert 'value_abc.csv, line 4, column "value": "abc" is not a number (rule: numeric value)' in proc.stdout
    assert 'ordinal_5.csv, line 3, column "value": "5" is not an integer score' in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr


def test_validate_bad_encoding_no_traceback():
    proc = run("validate", str(FIXTURES / "malformed" / "bad_encoding.csv"))
    assert proc.returncode == 1
    assert "line 3: byte 0xf4 at byte offset 144" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_validate_missing_file_is_a_usage_error():
    proc = run("validate", "no/such/file.csv")
    assert proc.returncode == 2
    assert "no such file: no/such/file.csv" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_convert_writes_canonical_tidy_csv(tmp_path):
    out = tmp_path / "out.csv"
    proc = run("convert", str(FIXTURES / "formats" / "sdmx_10_7_2.csv"),
               str(FIXTURES / "formats" / "owid_10_7_2.csv").replace("owid_10_7_2", "sdg_portal_trafficking"),
               "--out", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    frame = pd.read_csv(out, dtype={"nature": str}, keep_default_na=False)
    assert list(frame.columns) == ["iso3", "indicator_id", "year", "value", "nature", "source_id"]
    assert len(frame) == 9
    assert frame.query("iso3 == 'PHL' and year == 2019")["value"].tolist() == [9.33262]


def test_converted_file_validates_again(tmp_path):
    out = tmp_path / "roundtrip.csv"
    assert run("convert", str(FIXTURES / "formats" / "owid_10_7_2.csv"), "--out", str(out)).returncode == 0
    proc = run("validate", str(out))
    assert proc.returncode == 0
    assert "read as tidy CSV; 5 country observations" in proc.stdout


def test_convert_refuses_bad_files(tmp_path):
    out = tmp_path / "never.csv"
    proc = run("convert", str(FIXTURES / "malformed" / "year_1800.csv"), "--out", str(out))
    assert proc.returncode == 1
    assert not out.exists()


def test_info_reproduces_sources_md_coverage():
    proc = run("info")
    assert proc.returncode == 0, proc.stderr
    assert "sdg10_7_2_all: 138 distinct countries; countries per year: 2019: 111, 2021: 89" in proc.stdout
    assert "sdg10_7_3_deaths: 137 distinct countries" in proc.stdout
    assert "sdg17_3_2_remittances_gdp: 195 distinct countries" in proc.stdout
    assert "Objectives with no indicator: 12 (" in proc.stdout and ", 13 (" in proc.stdout
    assert "International migrant stock is not included" in proc.stdout
