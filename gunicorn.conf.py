"""gunicorn settings, read from the same environment variables as the app (see README)."""
from webapp.settings import Settings

_settings = Settings.from_env()

bind = f"{_settings.host}:{_settings.port}"
workers = _settings.workers
worker_class = "sync"
timeout = 60
graceful_timeout = 10
accesslog = "-"
errorlog = "-"
# No control socket: it would be written to $HOME, which tests and CI don't own.
control_socket_disable = True
