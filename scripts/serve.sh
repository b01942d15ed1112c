#!/usr/bin/env bash
# Set up (project .venv, pip only when requirements changed) and run the dashboard on the shipped
# default data under gunicorn (2 workers). GCM_ACCESS_LOG=1 logs every request.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh requirements.txt

HOST="${GCM_HOST:-127.0.0.1}"; PORT="${GCM_PORT:-8050}"
echo "GCM Progress Dashboard: http://${HOST}:${PORT}/  (Ctrl+C to stop)"
exec "$PY" -m gunicorn -c gunicorn.conf.py --no-control-socket dashboard:server
