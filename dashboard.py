"""Composition root of the GCM Progress Dashboard.

``create_app(settings)`` builds the Flask server, binds the cache, loads and validates the data,
sets the layout and registers callbacks. ``server`` (for ``gunicorn dashboard:server``) is created
on first access, so importing this module stays cheap. ``python dashboard.py`` runs a local server.
"""
from __future__ import annotations

import logging
from pathlib import Path

import dash
from flask import Flask, Response, jsonify, request
from plotly.io.json import to_json_plotly

from components import callbacks
from components.deck import validate_deck
from components.grid_loading import load_grid_on_demand
from components.layout import build_layout
from components.page_template import INDEX_STRING
from components.registry import Registry
from components.view_kit import fragment_path
from components.views import REGISTRY
from data.snapshot import Snapshot, cache_key
from webapp.cache import FigureCache, make_cache
from webapp.datastore import DataStore
from webapp.security import apply_security, callback_error
from webapp.settings import Settings
from webapp import asset_bundle, compressed_assets, deck_export, downloads, plotly_bundle, speaker, xlsx_downloads

HERE = Path(__file__).resolve().parent
log = logging.getLogger("gcm")


def _use_stdlib_json() -> None:
    """Serialise callback responses with the standard library's C encoder, not orjson.

    Dash encodes every response through plotly.io's JSON engine. With orjson (picked
    automatically when installed) plotly first walks the whole response in Python to convert
    values; our figures are already plain lists and dicts, so that walk is pure cost: measured
    2x slower on every shipped view and 55 vs 12 ms for the largest 100x response
    (docs/PERFORMANCE.md). Process-wide, like plotly's own setting.
    """
    import plotly.io as pio
    pio.json.config.default_engine = "json"


def create_app(settings: Settings | None = None, registry: Registry = REGISTRY) -> dash.Dash:
    """Build the whole dashboard for ``settings`` (default: from the environment) with the views
    of ``registry`` (default: the dashboard's own; tests pass one with an extra view)."""
    settings = settings or Settings.from_env()
    _configure_logging()
    server = Flask(__name__)
    # Read by flask-compress when Dash(compress=True) binds it. zstd 9 / brotli 6 instead of the
    # defaults (3 / 4) cut the full plotly.js from 1.44 to 1.29 MB on the wire; versioned bundles
    # are compressed once per worker and kept (webapp/compressed_assets.py), so the higher level
    # costs no time per visitor. Callback JSON compresses in ~1 ms either way.
    server.config.update(COMPRESS_ZSTD_LEVEL=9, COMPRESS_BR_LEVEL=6, **compressed_assets.compress_settings())
    _use_stdlib_json()
    store = DataStore(settings.data_dir, settings.extra_data, settings.reload_seconds,
                      accepted_dir=settings.accepted_dir)
    figure_cache = FigureCache(make_cache(server, settings), cool_down=settings.cache_retry_seconds)

    assets = HERE / "assets"
    # The page's stylesheets and scripts come as two bundles (webapp/asset_bundle.py), plotly.js and
    # the world shapes as deferred scripts (webapp/plotly_bundle.py); the speaker window's files
    # stay out of the page.
    stylesheets, scripts = asset_bundle.register(server, assets, leave_out=speaker.SPEAKER_ASSETS)
    app = dash.Dash(
        __name__, server=server, title="GCM Progress Dashboard", assets_folder=str(assets),
        serve_locally=True, compress=True, update_title=None, index_string=INDEX_STRING,
        assets_ignore=asset_bundle.ASSETS_IGNORE,
        external_stylesheets=stylesheets, external_scripts=plotly_bundle.register(server, assets) + scripts,
        suppress_callback_exceptions=False, on_error=callback_error,
        description="How countries implement the Global Compact for Migration",
    )
    app.enable_dev_tools(debug=False, dev_tools_disable_version_check=True)
    load_grid_on_demand()  # dash-ag-grid's bundle comes with the first data table, not with every page
    compressed_assets.buffer_versioned_files(server)
    app.layout = _layout_per_version(store, registry)

    def render_cached(state, snap: Snapshot):
        key = cache_key(snap, "view", registry.encode(state))
        return figure_cache.get_or_build(key, lambda: registry.render(state, snap.dataset))

    def fragment_cached(view, state, snap: Snapshot) -> str:
        key = cache_key(snap, view.name, registry.encode(state))
        return figure_cache.get_or_build(key, lambda: view.fragment(state, snap.dataset))

    callbacks.register(app, registry, store, render_cached)
    downloads.register(server, store, figure_cache)
    xlsx_downloads.register(server, store, figure_cache)
    deck_export.register(server, store, figure_cache)
    speaker.register(server, store, registry, app.config.requests_pathname_prefix)

    def query_state():
        snap = store.current()
        state, _ = registry.decode(request.query_string.decode("utf-8", "replace"), snap.vocab)
        return state, snap

    for view in registry.with_fragments():
        def serve_fragment(view=view):
            state, snap = query_state()
            return Response(fragment_cached(view, state.with_changes(view=view.name), snap), mimetype="text/html")
        server.add_url_rule("/" + fragment_path(view.name), f"fragment_{view.name}", serve_fragment)

    @server.route("/api/view")
    def rendered_view():
        # assets/slides.js keeps the next slide's rendered view (the same component tree the
        # render callback returns, from the same cache) and swaps it in on the key press, so a
        # slide step waits for no round trip. The view's static fragment is warmed as well.
        state, snap = query_state()
        children = render_cached(state, snap)
        view = registry.by_name[state.view]
        if view.fragment is not None:
            fragment_cached(view, state, snap)
        return Response(to_json_plotly({"children": children}), mimetype="application/json")

    @server.route("/api/validate-deck", methods=["POST"])
    def validate_deck_route():
        # The browser keeps its current deck until this says the imported file is sound.
        slides, problems = validate_deck(request.get_json(silent=True), store.current().vocab)
        return jsonify(ok=not problems, slides=slides, problems=problems)

    @server.route("/health")
    def health():
        snap = store.current()
        # cache: this process's figure-cache hits/misses, so operators (and the shared-cache
        # test) can see that a figure built by one instance is served to another from Redis.
        return jsonify(status="ok", data_version=snap.version, observations=int(len(snap.dataset.observations)),
                       last_data_error=store.last_error or None,
                       cache={"backend": settings.cache_type, "hits": figure_cache.hits,
                              "misses": figure_cache.misses, "bypassed": figure_cache.bypassed,
                              "breaker_open": figure_cache.breaker_open})

    apply_security(app, settings)  # last: its CSP hashes every inline script registered above
    app.gcm_store = store
    app.gcm_registry = registry
    app.gcm_cache = figure_cache
    return app


def _configure_logging() -> None:
    # Under gunicorn nothing configures the root logger: send the app's own records to stderr
    # (gunicorn's error log) with time, worker PID and level. Tests and embedders keep theirs.
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO,
                            format="%(asctime)s [%(process)d] [%(levelname)s] %(name)s: %(message)s")


def _layout_per_version(store: DataStore, registry: Registry):
    """The page layout, built once per data version (~0.13 s) instead of on every page load.

    The store builds it for each new snapshot before publishing it (a warmer), so the first page
    load after a data update does not wait for it either."""
    built: dict = {}

    def build(snap: Snapshot):
        layout_ = built.get(snap.version)
        if layout_ is None:
            layout_ = build_layout(snap.dataset, snap.vocab, registry)
            # two entries: the served version and the one being warmed while it is still served
            for old in list(built)[:-1]:
                built.pop(old, None)
            built[snap.version] = layout_
        return layout_

    store.warmers.append(build)

    def layout():
        return build(store.current())

    return layout


_APP: dash.Dash | None = None


def __getattr__(name: str):
    # PEP 562: build the app only when gunicorn (or a test) asks for ``server``.
    global _APP
    if name in ("server", "app"):
        if _APP is None:
            _APP = create_app()
        return _APP.server if name == "server" else _APP
    raise AttributeError(name)


if __name__ == "__main__":
    import sys

    from webapp.settings import SettingsError
    try:
        cfg = Settings.from_env()
    except SettingsError as exc:
        sys.exit(f"Configuration error: {exc}")
    logging.basicConfig(level=logging.INFO)
    print(f"GCM Progress Dashboard on http://{cfg.host}:{cfg.port}/")
    dash_app = create_app(cfg)
    dash_app.gcm_store.start_checker()  # one process: no post_fork hook to start it
    dash_app.run(host=cfg.host, port=cfg.port, debug=False)
