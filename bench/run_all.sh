#!/usr/bin/env bash
# Run every benchmark and print its figures; each compares against a baseline measured in the same run.
#   bash bench/run_all.sh            full run (~15 min on 2 cores; builds the SYNTHETIC 100x data once, ~400 MB in .cache/)
#   bash bench/run_all.sh --quick    tiny N, 2x synthetic data: checks that every script runs (~1 min)
# All servers bind 127.0.0.1; load is bounded in time and count (see each script's --help).
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=""
if [ "${1:-}" = "--quick" ]; then QUICK="--quick"; fi
# The project's .venv (made by scripts/serve.sh or test.sh) has the packages; a bare python3 may not.
PY=python3; if [ -x .venv/bin/python ]; then PY=.venv/bin/python; fi
run() { echo; echo "### $*"; "$PY" "$@"; }
if [ -z "$QUICK" ]; then run bench/bench_load.py; fi
run bench/bench_callbacks.py $QUICK
run bench/bench_throughput.py $QUICK
run bench/bench_coldstart.py $QUICK
run bench/bench_browser.py $QUICK
