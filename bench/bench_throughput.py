"""Throughput of the main render callback under gunicorn (2 workers), against the naive app.

    python bench/bench_throughput.py [--seconds 10] [--connections 8] [--quick]

Both apps run under gunicorn with 2 sync workers on 127.0.0.1 and receive the same POSTs to
/_dash-update-component (the map view, rotating over a few filter states). The load generator is
wrk (Debian package) when installed, else a Python thread pool; both are bounded in time
(``--seconds``) and the thread pool also in count (``--max-requests``). Prints requests/s, p50 and
p99 latency and the error count for each, and the throughput ratio ours/naive.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import _common  # noqa: F401
from _common import gunicorn, percentile

from components.url_state import FilterState, encode

STATES = [FilterState(), FilterState(region=("Africa",)), FilterState(region=("Asia",)),
          FilterState(indicator="sdg16_9_1_birth_registration"), FilterState(year="2019")]


def bodies(base: str) -> list[str]:
    """Render-callback request bodies built from the app's own /_dash-dependencies."""
    with urllib.request.urlopen(base + "/_dash-dependencies", timeout=10) as resp:
        deps = json.load(resp)
    cb = next(c for c in deps if c["output"] == "view-content.children")
    out = []
    for state in STATES:
        inputs = [{"id": i["id"], "property": i["property"], "value": encode(state) or ""} for i in cb["inputs"]]
        out.append(json.dumps({"output": cb["output"], "outputs": {"id": "view-content", "property": "children"},
                               "inputs": inputs, "state": [], "changedPropIds": ["url.search"]}))
    return out


LUA = """
bodies = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("POST", "/_dash-update-component", {["Content-Type"] = "application/json"},
                    bodies[(counter %% #bodies) + 1])
end
"""


def _lua_string(text: str) -> str:
    return "[==[" + text + "]==]"


def run_wrk(base: str, payloads: list[str], seconds: int, connections: int, tmp: Path) -> dict:
    script = tmp / "post.lua"
    script.write_text(LUA % ", ".join(_lua_string(p) for p in payloads))
    out = subprocess.run(["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
                          "--latency", "-s", str(script), base], capture_output=True, text=True,
                         timeout=seconds + 30).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))

    def ms(pct):
        m = re.search(rf"\s{pct}%\s+([\d.]+)(us|ms|s)", out)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors += int(non2xx.group(1)) if non2xx else 0
    return {"tool": "wrk", "requests": total, "rps": rps, "p50": ms(50), "p99": ms(99), "errors": errors}


def run_pool(base: str, payloads: list[str], seconds: int, connections: int, max_requests: int) -> dict:
    lock, times, errors = threading.Lock(), [], [0]
    deadline = time.monotonic() + seconds
    counter = iter(range(max_requests))

    def worker():
        while time.monotonic() < deadline:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            req = urllib.request.Request(base + "/_dash-update-component", data=payloads[i % len(payloads)].encode(),
                                         headers={"Content-Type": "application/json"})
            t0 = time.perf_counter()
            try:
                with urllib.request.urlopen(req, timeout=10) as resp:
                    resp.read()
                    ok = resp.status == 200
            except OSError:
                ok = False
            with lock:
                times.append((time.perf_counter() - t0) * 1000)
                errors[0] += 0 if ok else 1

    start = time.perf_counter()
    with ThreadPoolExecutor(connections) as pool:
        for _ in range(connections):
            pool.submit(worker)
    elapsed = time.perf_counter() - start
    return {"tool": "python thread pool", "requests": len(times), "rps": len(times) / elapsed,
            "p50": percentile(times, 50), "p99": percentile(times, 99), "errors": errors[0]}


def measure(app: str, label: str, args, tmp: Path, env: dict | None = None) -> dict:
    with gunicorn(app, tmp / label, workers=2, env=env, ready_path="/_dash-layout") as (base, _):
        payloads = bodies(base)
        for p in payloads:  # prime the figure cache, as a running site would be
            urllib.request.urlopen(urllib.request.Request(base + "/_dash-update-component", data=p.encode(),
                                   headers={"Content-Type": "application/json"}), timeout=60).read()
        if shutil.which("wrk") and not args.pool:
            result = run_wrk(base, payloads, args.seconds, args.connections, tmp)
        else:
            result = run_pool(base, payloads, args.seconds, args.connections, args.max_requests)
    print(f"{label:<34} {result['tool']:<6} {result['requests']:>6} requests  {result['rps']:8.1f} req/s  "
          f"p50 {result['p50']:7.1f} ms  p99 {result['p99']:7.1f} ms  errors {result['errors']}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--max-requests", type=int, default=20000, help="cap for the thread-pool generator")
    parser.add_argument("--pool", action="store_true", help="use the Python thread pool even if wrk exists")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.seconds, args.connections, args.max_requests = 1, 2, 200
    with tempfile.TemporaryDirectory(prefix="gcm-bench-") as name:
        tmp = Path(name)
        print(f"gunicorn 2 workers, {args.connections} connections, {args.seconds} s per app, 127.0.0.1")
        ours = measure("dashboard:server", "dashboard (filesystem cache)", args, tmp)
        naive = measure("bench.naive_baseline:server", "NAIVE baseline (px, no cache)", args, tmp)
    print(f"throughput ratio ours/naive: {ours['rps'] / max(naive['rps'], 1e-9):.1f}x (target >= 10x); "
          f"errors: {ours['errors'] + naive['errors']}")


if __name__ == "__main__":
    main()
