"""Shared helpers for the bench scripts: statistics, a bounded gunicorn launcher, printing."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.servers import free_port  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (pct in 0-100) of ``values``."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.4999)))
    return ordered[rank - 1]


def summary(ms: list[float]) -> dict:
    """n, median, p95 and p99 of a list of milliseconds."""
    return {"n": len(ms), "median": statistics.median(ms) if ms else float("nan"),
            "p95": percentile(ms, 95), "p99": percentile(ms, 99)}


def timed_ms(func) -> float:
    start = time.perf_counter()
    func()
    return (time.perf_counter() - start) * 1000


def row(label: str, stats: dict, target: str = "") -> str:
    """One aligned result line."""
    return (f"{label:<44} n={stats['n']:<4} median {stats['median']:8.1f} ms   "
            f"p95 {stats['p95']:8.1f} ms{('   target ' + target) if target else ''}")


@contextmanager
def gunicorn(app: str, tmp: Path, workers: int = 2, env: dict | None = None, ready_path: str = "/",
             timeout: float = 120.0):
    """Run ``gunicorn app`` with the project's gunicorn.conf.py on a free 127.0.0.1 port (no access log); yields (base_url, seconds_to_ready)."""
    port = free_port()
    tmp.mkdir(parents=True, exist_ok=True)
    full_env = {**os.environ, "GCM_HOST": "127.0.0.1", "GCM_PORT": str(port), "GCM_WORKERS": str(workers),
                "GCM_CACHE_DIR": str(tmp / "cache"), "HOME": str(tmp), **(env or {})}
    log = open(tmp / f"gunicorn-{port}.log", "w")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"),
                             "--access-logfile", "/dev/null", "--bind", f"127.0.0.1:{port}",
                             "--workers", str(workers), "--worker-class", "sync", "--timeout", "120",
                             "--no-control-socket", "--error-logfile", "-", app],
                            cwd=ROOT, env=full_env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        ready = _wait(base + ready_path, proc, start, timeout)
        yield base, ready
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _wait(url: str, proc: subprocess.Popen, start: float, timeout: float) -> float:
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {proc.returncode}; see its log")
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if resp.status == 200:
                    resp.read()
                    return time.perf_counter() - start
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"{url} did not answer within {timeout}s")
