"""Thin callback handlers, wired in one register function.

The URL is the single source of truth: controls write it, and the content is rendered from it,
so links, reloads and back/forward all restore the same view.
"""
from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, State, ctx, html, no_update

from . import ids
from .controls import year_options
from .presentation import page_class
from .state_controls import controls_from_state, keep_indicator_in_scope, state_from_controls
from .url_state import DEFAULT_STATE, decode, encode

CONTROL_IDS = [ids.VIEW_TABS] + [cid for cid, _ in ids.FILTER_CONTROLS]


def register(app: Dash, store, render_cached) -> None:
    """Attach every callback to ``app``; ``store`` serves data, ``render_cached`` renders views."""

    @app.callback(
        Output(ids.URL, "search"),
        [Output(cid, "value") for cid in CONTROL_IDS],
        Output(ids.YEAR, "options"),
        Output(ids.NOTICE, "children"),
        [Output(panel, "hidden") for panel in ids.VIEW_PANELS.values()],
        Output(ids.PAGE, "className"),
        Input(ids.URL, "search"),
        [Input(cid, "value") for cid in CONTROL_IDS],
        Input(ids.RESET, "n_clicks"),
    )
    def sync(search, *values_and_reset):
        snap = store.current()
        dataset, vocab = snap.dataset, snap.vocab
        values = values_and_reset[:-1]
        trigger = ctx.triggered_id
        notices: list[str] = []
        if trigger == ids.RESET:
            state = DEFAULT_STATE.with_changes(view=decode(search, vocab)[0].view)
            new_search = encode(state)
        elif trigger in CONTROL_IDS:
            state, notices = state_from_controls(dict(zip(CONTROL_IDS, values)), vocab, search, trigger)
            if trigger == ids.COUNTRY and state.country:
                state = state.with_changes(view="profile")
            if trigger in (ids.OBJECTIVE, ids.PRINCIPLE):
                state, moved = keep_indicator_in_scope(state, dataset.indicators, vocab)
                notices += [moved] if moved else []
            new_search = encode(state)
        else:
            state, notices = decode(search, vocab)
            new_search = no_update
        controls = controls_from_state(state)
        control_values = [controls[cid] for cid in CONTROL_IDS]
        if trigger in CONTROL_IDS:
            # Leave the control the user is operating alone; only dependent ones change.
            control_values = [no_update if cid == trigger else v for cid, v in zip(CONTROL_IDS, control_values)]
        notice = [html.P(n) for n in notices] or None
        panels_hidden = [state.view != view for view in ids.VIEW_PANELS]
        return (new_search, *control_values, year_options(vocab.years_for(state.indicator)), notice,
                *panels_hidden, page_class(state))

    @app.callback(Output(ids.CONTENT, "children"), Input(ids.URL, "search"))
    def render(search):
        snap = store.current()
        state, _ = decode(search, snap.vocab)
        return render_cached(state, snap)

    # Fill the matrix host with its static HTML fragment once React has committed the view.
    app.clientside_callback(
        """function(children) {
            window.setTimeout(function() {
                var host = document.getElementById("%s");
                if (!host || !host.dataset.src) { return; }
                var src = host.dataset.src;
                fetch(src, {credentials: "same-origin"}).then(function(r) {
                    if (!r.ok) { throw new Error(r.status); }
                    return r.text();
                }).then(function(text) {
                    if (host.dataset.src === src) { host.innerHTML = text; }
                }).catch(function() {
                    host.textContent = "The matrix could not be loaded. Reload the page to try again.";
                });
            }, 0);
            return window.dash_clientside.no_update;
        }""" % ids.MATRIX,
        Output(ids.MATRIX_DONE, "data"),
        Input(ids.CONTENT, "children"),
    )

    # Copy the address the browser shows, which always carries the full state.
    app.clientside_callback(
        """function(n) {
            if (!n) { return window.dash_clientside.no_update; }
            var href = window.location.href;
            if (navigator.clipboard && window.isSecureContext) {
                return navigator.clipboard.writeText(href).then(
                    function() { return "Link copied"; },
                    function() { return "Copy this link: " + href; });
            }
            return "Copy this link: " + href;
        }""",
        Output(ids.COPY_STATUS, "children"),
        Input(ids.COPY_LINK, "n_clicks"),
    )

    # Data-table downloads (assets/gcm_downloads.js): progress on the button while the file is made.
    app.clientside_callback(
        ClientsideFunction(namespace="gcm_downloads", function_name="download"),
        Output(ids.DOWNLOAD_STATUS, "children"),
        Input(ids.DOWNLOAD_DISPLAYED, "n_clicks"), Input(ids.DOWNLOAD_FULL, "n_clicks"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
