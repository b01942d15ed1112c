/* Keep dcc.Graph on the dashboard's own plotly.js (webapp/plotly_bundle.py).
 *
 * dcc.Graph uses window.Plotly when it exists; otherwise it injects a <script> for
 * window._dashPlotlyJSURL, which Dash's renderer sets to the full plotly.js. The page loads the
 * smaller bundle with `defer`, so on a slow connection a graph could mount before that script has
 * run. Pinning the fallback URL to the same bundle makes such a graph wait for it instead of
 * fetching the full one. Runs before the renderer (asset scripts come first).
 */
(function () {
    "use strict";
    var tag = document.querySelector("script[data-plotly-bundle]");
    if (!tag) { return; }
    var url = tag.src;
    Object.defineProperty(window, "_dashPlotlyJSURL", {
        configurable: true,
        get: function () { return url; },
        set: function () { /* the renderer's full-bundle URL is ignored on purpose */ }
    });
}());
