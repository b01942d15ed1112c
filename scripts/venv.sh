#!/usr/bin/env bash
# Sourced by serve.sh and test.sh: create (once) and reuse the project virtual environment .venv,
# and run pip only when the requirements changed. A venv, not the system Python, because Debian's
# and Ubuntu's own python3 refuse `pip install` outside one (PEP 668, "externally-managed-environment").
# Usage: source scripts/venv.sh REQUIREMENTS_FILE   -> sets $PY to the venv's python.

gcm_requirements="$1"
gcm_python="${GCM_PYTHON:-python3}"

if ! command -v "$gcm_python" >/dev/null; then
  echo "error: $gcm_python was not found; install Python 3.11 or newer (Debian: apt-get install python3 python3-venv)" >&2
  exit 1
fi
if ! "$gcm_python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "error: $("$gcm_python" -c 'import sys; print(sys.executable, sys.version.split()[0])') is too old; the dashboard needs Python 3.11 or newer (set GCM_PYTHON to another python)" >&2
  exit 1
fi
# A .venv whose python is gone (made by a Python since removed) is rebuilt rather than half-used.
if [ -d .venv ] && ! .venv/bin/python -c '' >/dev/null 2>&1; then
  echo "Rebuilding .venv: its Python no longer runs." >&2
  rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
  echo "Creating the project environment .venv with $("$gcm_python" -c 'import sys; print(sys.executable, sys.version.split()[0])')…" >&2
  if ! "$gcm_python" -m venv .venv; then
    rm -rf .venv
    echo "error: could not create .venv; on Debian or Ubuntu install the venv module first: apt-get install python3-venv" >&2
    exit 1
  fi
fi
PY="$PWD/.venv/bin/python"

# The stamp is the hash of the requirement file(s) read and of the venv's Python version: pip runs
# again only when one of them changed (or after a failed install, which leaves no stamp).
gcm_stamp=".venv/.requirements-$(basename "$gcm_requirements").sha256"
gcm_hash="$( { cat requirements*.txt; "$PY" -c 'import sys; print(sys.version)'; } | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$gcm_stamp" 2>/dev/null)" != "$gcm_hash" ]; then
  echo "Installing $gcm_requirements into .venv (only when it changed)…" >&2
  rm -f "$gcm_stamp"
  "$PY" -m pip install --quiet --disable-pip-version-check -r "$gcm_requirements"
  echo "$gcm_hash" > "$gcm_stamp"
fi
