"""gunicorn settings, read from the same environment variables as the app (see README)."""
import sys

from webapp.settings import Settings, SettingsError

try:
    _settings = Settings.from_env()
except SettingsError as exc:  # a bad variable gets one clear line, not a traceback
    sys.exit(f"Configuration error: {exc}")

bind = f"{_settings.host}:{_settings.port}"
workers = _settings.workers
worker_class = "sync"
timeout = 60
graceful_timeout = 10
# Access logs are off unless GCM_ACCESS_LOG=1: one line per request (thousands in an hour of
# exploring) buried the start line with the URL. Errors and the start-up lines stay on stderr.
accesslog = "-" if _settings.access_log else None
errorlog = "-"
# No control socket: it would be written to $HOME, which tests and CI don't own.
control_socket_disable = True
# Import and build the app once in the master, then fork: the workers share the loaded data
# (copy-on-write) and cold start drops from ~2-3 s (two workers importing at once on 2 cores)
# to ~1.2 s (bench/bench_coldstart.py). Redis and file caches are opened lazily, after the fork.
preload_app = True


def post_fork(server, worker):
    """In each new worker, before it takes requests: serve the last accepted data and start the
    background data checker (threads do not survive fork, and a replacement worker must never
    serve the master's start-up copy once the data has changed since)."""
    import dashboard
    dashboard.app.gcm_store.after_fork()
