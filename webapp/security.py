"""HTTP surface hardening: security headers (flask-talisman), size limits and safe errors.

``apply_security(app, settings)`` is called by ``dashboard.create_app`` after every callback is
registered, because the Content-Security-Policy lists the hashes of Dash's inline scripts
(the renderer bootstrap and each clientside callback) and needs them all.

No response body ever carries a traceback or a file path: expected HTTP errors get a short
JSON body; anything unexpected is logged with its traceback and answered with a generic 500.
Malformed callback requests are refused with a 400 before Dash parses them.
"""
from __future__ import annotations

import logging

from dash.exceptions import DependencyException, InvalidResourceError
from flask import jsonify, request
from flask.json.provider import DefaultJSONProvider
from flask_talisman import Talisman
from werkzeug.exceptions import BadRequest, HTTPException, MethodNotAllowed

from .callback_guard import check_callback_body
from .settings import Settings

log = logging.getLogger("gcm.security")

#: Callback payloads are a few kB; 1 MiB leaves room and bounds memory per request.
MAX_CONTENT_LENGTH = 1 * 1024 * 1024
CALLBACK_PATH = "/_dash-update-component"
#: Dash development routes: hot reload (lists the installed component packages) and Jupyter's
#: liveness probe. Dash registers them even with dev tools off; production never needs them.
DEV_TOOL_PREFIXES = ("/_reload-hash", "/_alive_")
#: Cache-Control by path prefix, first match wins. Per-user or per-request answers (callbacks,
#: downloads, health, the deck check) are never stored; pages and fragments may be kept but are
#: revalidated, because their content changes with the data. Versioned assets keep Dash's own.
CACHE_CONTROL = (
    (CALLBACK_PATH, "no-store"),
    ("/download/", "no-store"),
    ("/api/", "no-store"),
    ("/health", "no-store"),
    ("/_dash-layout", "no-cache"),
    ("/_dash-dependencies", "no-cache"),
    ("/fragments/", "no-cache"),
)


def content_security_policy(script_hashes, frame_ancestors: str) -> dict:
    """The CSP: nothing from outside origins; inline scripts only by hash."""
    return {
        "default-src": "'self'",
        "script-src": ["'self'", *script_hashes],
        # Dash components and plotly.js set style attributes and inject <style> elements at
        # run time (hover labels, modebar, dropdown menus); they break without 'unsafe-inline'.
        # Styles cannot run script, so this is the accepted, documented trade-off (docs/SECURITY.md).
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],  # plotly's PNG export and modebar icons
        "font-src": ["'self'", "data:"],
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": frame_ancestors,
    }


class HTMLSafeJSONProvider(DefaultJSONProvider):
    """JSON with <, > and & escaped (as Dash does for its own responses), so user text echoed
    in a JSON answer (e.g. a deck title) can never be read as markup, even if mis-sniffed."""

    def dumps(self, obj, **kwargs) -> str:
        text = super().dumps(obj, **kwargs)
        # these characters only occur inside JSON strings, where the \u escapes mean the same
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def callback_error(err: Exception):
    """Dash ``on_error``: a callback that fails on odd input answers 'no update', never a 500."""
    log.error("Callback %s failed; answered with no update", _callback_name(), exc_info=err)
    return None


def _callback_name() -> str:
    try:
        body = request.get_json(silent=True) or {}
        return str(body.get("output", "?"))[:120]
    except Exception:  # noqa: BLE001 - only used for the log line
        return "?"


def apply_security(app, settings: Settings) -> None:
    """Add headers, limits, request checks and safe error pages to ``app`` (a Dash app)."""
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_CONTENT_LENGTH
    server.debug = False
    server.json = HTMLSafeJSONProvider(server)
    ancestors = settings.frame_ancestors
    Talisman(
        server,
        force_https=False,  # TLS ends at the reverse proxy (docs/OPERATIONS.md)
        strict_transport_security=True,  # sent only on HTTPS requests, so harmless behind HTTP
        frame_options=_frame_options(ancestors),
        content_security_policy=content_security_policy(app.csp_hashes(), ancestors),
        referrer_policy="strict-origin-when-cross-origin",
        session_cookie_secure=False,  # the app sets no cookies; don't break plain-HTTP intranets
    )

    @server.before_request
    def _no_dev_tools():
        if request.path.startswith(DEV_TOOL_PREFIXES):
            return _error(404, "Not Found", "not found")
        return None

    @server.after_request
    def _cache_control(response):
        response.headers.setdefault("Cache-Control", cache_control_for(request.path))
        return response

    @server.before_request
    def _guard_callbacks():
        if request.path != CALLBACK_PATH or request.method != "POST":
            return None
        try:
            body = request.get_json(silent=True)
        except RecursionError:  # absurdly deep nesting
            body = None
        problem = "the body must be JSON" if body is None else check_callback_body(body, app.callback_map)
        if problem:
            return _error(400, "Bad Request", problem)
        return None

    @server.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        if exc.code and exc.code >= 500:
            log.error("HTTP %s on %s %s", exc.code, request.method, request.path)
        response = _error(exc.code or 500, exc.name, _short_reason(exc))
        if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
            response.headers["Allow"] = ", ".join(sorted(exc.valid_methods))  # RFC 9110: every 405 says what is
        return response

    @server.errorhandler(Exception)
    def _unexpected(exc: Exception):
        if isinstance(exc, RecursionError):
            return _error(400, "Bad Request", "the request is nested too deeply")
        if isinstance(exc, (DependencyException, InvalidResourceError)):  # unknown asset path
            return _error(404, "Not Found", "not found")
        log.exception("Unexpected error on %s %s", request.method, request.path)
        return _error(500, "Internal Server Error", "something went wrong; it has been logged")


def cache_control_for(path: str) -> str:
    """The Cache-Control value for a response to ``path`` (see ``CACHE_CONTROL``)."""
    for prefix, value in CACHE_CONTROL:
        if path.startswith(prefix):
            return value
    return "no-cache"  # the page itself and anything else dynamic: revalidate


def _frame_options(ancestors: str):
    if ancestors.strip() == "'self'":
        return "SAMEORIGIN"
    if ancestors.strip() == "'none'":
        return "DENY"
    return None  # other origins may embed: CSP frame-ancestors alone decides


def _short_reason(exc: HTTPException) -> str:
    if exc.code == 413:
        return f"the request is larger than {MAX_CONTENT_LENGTH // 1024} KiB"
    if isinstance(exc, BadRequest):
        return "the request could not be read"
    return exc.name.lower()


def _error(code: int, name: str, reason: str):
    response = jsonify(error=name, reason=reason)
    response.status_code = code
    return response
