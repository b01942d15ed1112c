/* Stand-in for dash_ag_grid.AgGrid until the real bundle is loaded (components/grid_loading.py).
 *
 * The page no longer carries dash-ag-grid's 1.3 MB bundle; only the data table view uses it. When
 * Dash first renders an AgGrid, this component fetches the bundle from Dash's own component route
 * (same origin, so the CSP holds), then renders the real grid with the same props. Loading the
 * bundle replaces window.dash_ag_grid, so later renders use the real component directly.
 */
(function () {
    "use strict";
    if (window.dash_ag_grid || !window.React) { return; }  // the bundle is on the page after all
    var React = window.React;
    var BUNDLE = "_dash-component-suites/dash_ag_grid/dash_ag_grid.min.js";
    var loading = null;

    function prefix() {
        try {
            var cfg = JSON.parse(document.getElementById("_dash-config").textContent);
            return cfg.requests_pathname_prefix || "/";
        } catch (e) { return "/"; }
    }

    function loadBundle() {
        if (!loading) {
            loading = new Promise(function (resolve, reject) {
                var script = document.createElement("script");
                script.src = prefix() + BUNDLE;
                script.onload = function () {
                    var real = window.dash_ag_grid && window.dash_ag_grid.AgGrid;
                    if (real && real !== LazyAgGrid) { resolve(real); } else { reject(new Error("no AgGrid")); }
                };
                script.onerror = function () { reject(new Error("grid bundle not loaded")); };
                document.head.appendChild(script);
            });
            loading.catch(function () { loading = null; });  // a later render may try again
        }
        return loading;
    }

    function LazyAgGrid(props) {
        var real = React.useState(null);
        var failed = React.useState(false);
        React.useEffect(function () {
            var live = true;
            loadBundle().then(function (component) {
                if (live) { real[1](function () { return component; }); }
            }, function () { if (live) { failed[1](true); } });
            return function () { live = false; };
        }, []);
        if (real[0]) { return React.createElement(real[0], props); }
        return React.createElement("div", {
            id: props.id, className: "grid-loading " + (props.className || ""), style: props.style, role: "status"
        }, failed[0] ? "The table could not be loaded. Reload the page to try again." : "Loading the table…");
    }

    window.dash_ag_grid = {AgGrid: LazyAgGrid};
}());
