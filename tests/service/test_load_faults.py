"""Load and faults against real gunicorn (2 sync workers) on 127.0.0.1, bounded in count and time.

- 50 concurrent connections for 30 s: 0 failed requests.
- one worker killed by PID mid-load: gunicorn replaces it; at most the in-flight requests fail.
- redis-server stopped mid-load: answers stay correct and uncached (logged), then the cache is
  used again when Redis is back (new keys appear in Redis, "Cache available again" is logged).
"""
from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.servers import ClientThreads, free_port, gunicorn_server

pytestmark = pytest.mark.service

RENDERS = ["?view=uneven", "?view=map", "?view=matrix", "?view=map&region=Africa", "?view=uneven&uneven=all"]


def _render_body(search: str) -> bytes:
    return json.dumps({"output": "view-content.children",
                       "outputs": {"id": "view-content", "property": "children"},
                       "inputs": [{"id": "url", "property": "search", "value": search}],
                       "state": [], "changedPropIds": ["url.search"]}).encode()


class Load(ClientThreads):
    """``threads`` clients, each sending GET /, GET /health and render POSTs in turn until stopped."""

    def __init__(self, port: int, threads: int):
        super().__init__(port, threads)
        self.ok = 0
        self.failures: list[tuple[float, str]] = []
        self.summaries: set[str] = set()

    def request(self, n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            kind = n % 4
            if kind == 0:
                conn.request("GET", "/")
            elif kind == 1:
                conn.request("GET", "/health")
            else:
                conn.request("POST", "/_dash-update-component", body=_render_body(RENDERS[n % len(RENDERS)]),
                             headers={"Content-Type": "application/json"})
            resp = conn.getresponse()
            body = resp.read()
            if resp.status != 200:
                raise RuntimeError(f"HTTP {resp.status}: {body[:100]!r}")
            if kind >= 2:  # a correct answer, not just a 200
                first = json.loads(body)["response"]["view-content"]["children"][0]["props"]["children"]
                if RENDERS[n % len(RENDERS)] == "?view=uneven":
                    with self.lock:
                        self.summaries.add(first)
            with self.lock:
                self.ok += 1
        except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
            with self.lock:
                self.failures.append((time.monotonic(), f"{type(exc).__name__}: {exc}"[:200]))
        finally:
            conn.close()



def _children(pid: int) -> set[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return {int(p) for p in out.split()}


def _log(tmp_path: Path) -> str:
    return "".join(p.read_text(errors="replace") for p in tmp_path.glob("gunicorn-*.log"))


def test_fifty_connections_for_thirty_seconds(tmp_path):
    with gunicorn_server(tmp_path, workers=2) as (base, _proc):
        port = int(base.rsplit(":", 1)[1])
        started = time.monotonic()
        with Load(port, threads=50) as load:
            time.sleep(30)
        elapsed = time.monotonic() - started
    print(f"\n50 connections, {elapsed:.0f} s: {load.ok} ok, {len(load.failures)} failed "
          f"({load.ok / elapsed:.0f} req/s)")
    assert not load.failures, load.failures[:5]
    assert load.ok > 300 and len(load.summaries) == 1


def test_killed_worker_is_replaced(tmp_path):
    with gunicorn_server(tmp_path, workers=2) as (base, proc):
        port = int(base.rsplit(":", 1)[1])
        # /health answers as soon as one worker is up; wait for the second before killing one.
        deadline = time.monotonic() + 30
        before = _children(proc.pid)
        while len(before) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            before = _children(proc.pid)
        assert len(before) == 2, before
        with Load(port, threads=20) as load:
            time.sleep(4)
            victim = sorted(before)[0]
            os.kill(victim, signal.SIGKILL)
            killed_at = time.monotonic()
            deadline = killed_at + 20
            while time.monotonic() < deadline:
                after = _children(proc.pid)
                if len(after) == 2 and victim not in after:
                    break
                time.sleep(0.2)
            ok_at_replacement = load.ok
            time.sleep(4)  # keep loading the replaced pool
        assert victim not in after and len(after) == 2, (before, after)
        assert load.ok > ok_at_replacement  # the new pool answers
    print(f"\nworker {victim} killed: {load.ok} ok, {len(load.failures)} failed: {load.failures}")
    # a sync worker serves one request at a time: only the request it held may fail
    assert len(load.failures) <= 1, load.failures


def _start_redis(port: int, folder: Path) -> subprocess.Popen:
    proc = subprocess.Popen([shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1",
                             "--save", "", "--appendonly", "no", "--dir", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("redis-server did not start")


def _redis_keys(port: int) -> int:
    import redis
    return len(redis.Redis(host="127.0.0.1", port=port, socket_timeout=2).keys("gcm:*"))


def test_redis_outage_is_survived(tmp_path):
    if shutil.which("redis-server") is None:
        pytest.fail("redis-server is not installed; run scripts/test.sh")
    rport = free_port()
    redis_proc = _start_redis(rport, tmp_path)
    # a short retry so the closed breaker is seen within the test (production default: 30 s)
    env = {"GCM_REDIS_URL": f"redis://127.0.0.1:{rport}/0", "GCM_CACHE_TYPE": "redis",
           "GCM_CACHE_RETRY_SECONDS": "2"}
    try:
        with gunicorn_server(tmp_path, workers=2, env=env) as (base, _proc):
            port = int(base.rsplit(":", 1)[1])
            with Load(port, threads=10) as load:
                time.sleep(3)
                assert _redis_keys(rport) > 0  # the cache is in use
                redis_proc.terminate()
                redis_proc.wait(10)
                down_ok = load.ok
                time.sleep(5)
                answered_while_down = load.ok - down_ok
                redis_proc = _start_redis(rport, tmp_path)  # empty again: no saved state
                time.sleep(5)
                keys_after = _redis_keys(rport)
    finally:
        redis_proc.terminate()
        redis_proc.wait(10)
    log = _log(tmp_path)
    print(f"\nredis outage: {load.ok} ok ({answered_while_down} while down), {len(load.failures)} failed, "
          f"{keys_after} keys after restart")
    assert not load.failures, load.failures[:5]
    assert answered_while_down > 20 and len(load.summaries) == 1  # same correct answer throughout
    assert "Cache unavailable, serving uncached" in log and "Cache available again" in log
    assert keys_after > 0  # new figures were stored: the cache is used again
