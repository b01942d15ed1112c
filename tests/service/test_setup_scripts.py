"""Setup: scripts/venv.sh makes and reuses a .venv and runs pip only when requirements change;
gunicorn writes no access log unless GCM_ACCESS_LOG=1, while the start-up lines stay visible."""
from __future__ import annotations

import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.servers import ROOT, gunicorn_server

pytestmark = pytest.mark.service
# Debian's own Python where it exists (the case PEP 668 made fail), else the one running the tests.
PYTHON = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable


def _source_venv(project: Path) -> str:
    result = subprocess.run(["bash", "-c", 'set -euo pipefail; source scripts/venv.sh requirements.txt; echo "PY=$PY"'],
                            cwd=project, env={"PATH": "/usr/bin:/bin", "GCM_PYTHON": PYTHON, "HOME": str(project)},
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stderr + result.stdout


def test_venv_is_created_once_and_pip_runs_only_when_requirements_change(tmp_path):
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "venv.sh", project / "scripts" / "venv.sh")
    # No packages: the test checks the stamp logic without downloading anything.
    (project / "requirements.txt").write_text("# nothing\n")
    first = _source_venv(project)
    assert "Creating the project environment .venv" in first and "Installing requirements.txt" in first
    assert f"PY={project}/.venv/bin/python" in first
    second = _source_venv(project)
    assert "Creating" not in second and "Installing" not in second
    (project / "requirements.txt").write_text("# changed\n")
    third = _source_venv(project)
    assert "Creating" not in third and "Installing requirements.txt" in third


def test_too_old_or_missing_python_gets_one_line(tmp_path):
    result = subprocess.run(["bash", "-c", "source scripts/venv.sh requirements.txt"], cwd=ROOT,
                            env={"PATH": "/usr/bin:/bin", "GCM_PYTHON": "python3.0-nonexistent"},
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "error: python3.0-nonexistent was not found; install Python 3.11 or newer "
        "(Debian: apt-get install python3 python3-venv)"]


@pytest.mark.parametrize("switch, logged", [(None, False), ("1", True)])
def test_access_log_only_when_asked(tmp_path, switch, logged):
    env = {"GCM_ACCESS_LOG": switch} if switch else {}
    with gunicorn_server(tmp_path, workers=1, env=env) as (base, _proc):
        for _ in range(3):
            urllib.request.urlopen(base + "/health", timeout=10).read()
    log = next(tmp_path.glob("gunicorn-*.log")).read_text()
    assert "Listening at: http://127.0.0.1:" in log  # the start-up lines stay
    assert ('"GET /health' in log) is logged
