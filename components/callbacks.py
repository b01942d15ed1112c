"""Thin callback handlers, wired in one register function.

The URL is the single source of truth: controls write it, and the content is rendered from it,
so links, reloads and back/forward all restore the same view. Every control and panel comes
from the view registry, and outputs are named, so a new view needs no change here.
"""
from __future__ import annotations

from dash import Dash, Input, Output, ctx, html, no_update
from dash.exceptions import PreventUpdate

from . import ids
from .controls import year_options
from .presentation import page_class
from .registry import Registry
from .state_controls import controls_from_state, indicator_for_objectives, state_from_controls


def notice_children(notices: list[str]) -> list | None:
    """The link notices as paragraphs of plain text (React escapes them: links may carry markup)."""
    return [html.P(n) for n in notices] or None


def register(app: Dash, registry: Registry, store, render_cached) -> None:
    """Attach every callback to ``app``; ``store`` serves data, ``render_cached`` renders views."""
    control_ids = [cid for cid, _ in registry.controls]
    panels = {view.name: view.panel_id for view in registry.views if view.controls is not None}

    # Link and controls write each other, so Dash needs them in one callback (no cycle). The
    # controls write the address through a second location (URL_WRITE), which announces it to
    # URL: nothing that reads URL is then an output of this callback, so on a first load Dash
    # runs this, the panels and the render together instead of the render waiting for this.
    @app.callback(
        output={"search": Output(ids.URL_WRITE, "search"),
                "controls": {cid: Output(cid, "value") for cid in control_ids},
                "years": Output(ids.YEAR, "options"),
                "notice": Output(ids.NOTICE, "children")},
        inputs={"search": Input(ids.URL, "search"),
                "controls": {cid: Input(cid, "value") for cid in control_ids},
                "reset": Input(ids.RESET, "n_clicks")},
    )
    def sync_link_and_controls(search, controls, reset):
        snap = store.current()
        dataset, vocab = snap.dataset, snap.vocab
        trigger = ctx.triggered_id
        notices: list[str] = []
        if trigger == ids.RESET:
            state = registry.default_state.with_changes(view=registry.decode(search, vocab)[0].view)
            new_search = registry.encode(state)
        elif trigger in controls:
            state, notices = state_from_controls(controls, vocab, registry, search, trigger)
            if trigger == ids.COUNTRY and state.country:
                state = state.with_changes(view="profile")
            if trigger in (ids.OBJECTIVE, ids.PRINCIPLE):
                state, moved = indicator_for_objectives(state, dataset.indicators, vocab)
                notices += [moved] if moved else []
            new_search = registry.encode(state)
        else:
            state, notices = registry.decode(search, vocab)
            new_search = no_update
        values = controls_from_state(state, registry)
        if trigger == ids.URL and not notices and all(controls.get(cid) == v for cid, v in values.items()):
            # The address a control has just written, coming back through URL: nothing to change
            # (and the control change's own notice stays on screen).
            raise PreventUpdate
        # Leave the control the user is operating alone, and every control that already shows its
        # value: only dependent ones change, and the browser re-renders no unchanged control
        # (tens of ms before each view switch can start rendering).
        values = {cid: (no_update if cid == trigger or controls.get(cid) == value else value)
                  for cid, value in values.items()}
        return {"search": new_search, "controls": values,
                "years": year_options(vocab.years_for(state.indicator)),
                "notice": notice_children(notices)}

    @app.callback(
        output={"panels": {view: Output(panel, "hidden") for view, panel in panels.items()},
                "page": Output(ids.PAGE, "className")},
        inputs={"search": Input(ids.URL, "search")},
    )
    def show_view_options(search):
        state, _ = registry.decode(search, store.current().vocab)
        return {"panels": {view: state.view != view for view in panels}, "page": page_class(state)}

    @app.callback(Output(ids.CONTENT, "children"), Input(ids.URL, "search"))
    def render(search):
        snap = store.current()
        state, _ = registry.decode(search, snap.vocab)
        return render_cached(state, snap)

    # Fill each fragment host (data-src) with its static HTML once React has committed the view.
    # A host React kept (same source: e.g. a slide shown from the kept view, then rendered again
    # from its URL) keeps its filled table and scroll position.
    app.clientside_callback(
        """function(children) {
            window.setTimeout(function() {
                var hosts = document.querySelectorAll("#%s [data-src]");
                hosts.forEach(function(host) {
                    var src = host.dataset.src;
                    if (host.dataset.filled === src && host.childElementCount) { return; }
                    fetch(src, {credentials: "same-origin"}).then(function(r) {
                        if (!r.ok) { throw new Error(r.status); }
                        return r.text();
                    }).then(function(text) {
                        if (host.dataset.src === src) { host.innerHTML = text; host.dataset.filled = src; }
                    }).catch(function() {
                        host.textContent = "This part of the view could not be loaded. Reload the page to try again.";
                    });
                });
            }, 0);
            return window.dash_clientside.no_update;
        }""" % ids.CONTENT,
        Output(ids.FRAGMENTS_DONE, "data"),
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
