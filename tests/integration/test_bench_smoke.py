"""Every benchmark script runs in quick mode and prints its figures (no timing assertions)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.servers import ROOT

pytestmark = pytest.mark.service

EXPECTED = {
    "bench_callbacks.py": ["shipped map cold", "shipped map warm", "NAIVE baseline", "ratio naive/ours",
                           "SYNTHETIC 2x map cold", "matrix fragment"],
    "bench_throughput.py": ["req/s", "p99", "throughput ratio ours/naive", "errors: 0"],
    "bench_coldstart.py": ["dashboard        median", "NAIVE baseline   median"],
    "bench_browser.py": ["first chart", "initial transfer", "filter change -> chart redrawn"],
}


@pytest.mark.parametrize("script", sorted(EXPECTED))
def test_bench_script_prints_its_figures(script):
    out = subprocess.run([sys.executable, str(ROOT / "bench" / script), "--quick"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    for text in EXPECTED[script]:
        assert text in out.stdout, f"{script} did not print {text!r}:\n{out.stdout}"
