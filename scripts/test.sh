#!/usr/bin/env bash
# Set up a fresh machine and run the whole test suite (unit, integration, service, browser) in the
# project .venv (created and updated as in serve.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v redis-server >/dev/null || ! command -v wrk >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver redis-server wrk fonts-dejavu-core >/dev/null
fi
source scripts/venv.sh requirements-dev.txt
if [ -f package.json ]; then npm ci --no-audit --no-fund --silent; fi
exec "$PY" -m pytest "$@"
