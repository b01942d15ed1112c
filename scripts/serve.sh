#!/usr/bin/env bash
# Set up and run the dashboard on the shipped default data under gunicorn (2 workers).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -r requirements.txt

HOST="${GCM_HOST:-127.0.0.1}"; PORT="${GCM_PORT:-8050}"
echo "GCM Progress Dashboard: http://${HOST}:${PORT}/  (Ctrl+C to stop)"
exec python3 -m gunicorn -c gunicorn.conf.py --no-control-socket dashboard:server
