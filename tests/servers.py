"""Start real services for tests: gunicorn running the dashboard, and redis-server."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """An unused TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float = 30.0) -> None:
    """Poll ``url`` until it answers 200 or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError as exc:
            last = exc
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout}s: {last}")


@contextmanager
def gunicorn_server(tmp_path: Path, workers: int = 2, env: dict | None = None):
    """Run ``gunicorn dashboard:server`` on a free loopback port; yields the base URL."""
    port = free_port()
    full_env = {**os.environ, "GCM_HOST": "127.0.0.1", "GCM_PORT": str(port), "GCM_WORKERS": str(workers),
                "GCM_CACHE_DIR": str(tmp_path / "cache"),
                "GCM_ACCEPTED_DIR": str(tmp_path / "accepted"), "HOME": str(tmp_path), **(env or {})}
    log = open(tmp_path / f"gunicorn-{port}.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py",
                             "--no-control-socket", "dashboard:server"],
                            cwd=ROOT, env=full_env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/health", 60)
        yield base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@contextmanager
def redis_server(tmp_path: Path):
    """Run a throwaway Debian redis-server on a free loopback port; yields its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("redis-server is not installed; scripts/test.sh installs it")
    port = free_port()
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(tmp_path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield f"redis://127.0.0.1:{port}/0", proc
    finally:
        proc.terminate()
        proc.wait(10)


class ClientThreads:
    """``threads`` client threads, each calling ``self.request(n)`` with its own running count
    until stopped; use as a context manager (start on enter, stop and join on exit).

    Subclasses implement ``request(n)`` and record what they need under ``self.lock``."""

    def __init__(self, port: int, threads: int):
        self.port = port
        self.threads = threads
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self._running: list[threading.Thread] = []

    def request(self, n: int) -> None:
        raise NotImplementedError

    def _loop(self, offset: int) -> None:
        n = offset
        while not self.stop.is_set():
            self.request(n)
            n += 1

    def __enter__(self):
        for i in range(self.threads):
            thread = threading.Thread(target=self._loop, args=(i,), daemon=True)
            thread.start()
            self._running.append(thread)
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self._running:
            thread.join(40)
