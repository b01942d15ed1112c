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
    "bench_browser.py": ["dashboard        first chart", "NAIVE baseline   first chart", "ratio ours/naive first chart",
                         "initial transfer", "largest: ", "filter change -> chart redrawn",
                         "view switch -> view drawn", "matrix cell -> profile drawn", "slide step -> slide drawn"],
}
#: The browser bench launches a fresh browser per page load and drives four pages: it needs longer.
TIMEOUTS = {"bench_browser.py": 300}


@pytest.mark.parametrize("script", sorted(EXPECTED))
def test_bench_script_prints_its_figures(script):
    out = subprocess.run([sys.executable, str(ROOT / "bench" / script), "--quick"], check=False, cwd=ROOT,
                         capture_output=True, text=True, timeout=TIMEOUTS.get(script, 120))
    assert out.returncode == 0, out.stderr[-2000:]
    for text in EXPECTED[script]:
        assert text in out.stdout, f"{script} did not print {text!r}:\n{out.stdout}"
