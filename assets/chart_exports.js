/* Chart exports: the buttons above every chart save it as PNG or SVG, offline, in the browser.
 *
 * On screen a chart's title, subtitle and source are page text (they wrap to the chart's width);
 * the figure keeps them in layout.meta.export (components/figures/anatomy.py). An export draws
 * them back in, so a downloaded image always carries its title and source.
 * CSP: no eval, no inline handlers, no outside origins.
 */
(function () {
    "use strict";
    var EXPORTS = {
        "png-slide": {format: "png", width: 1280, height: 720, scale: 1.5, suffix: "-1920x1080"},
        "svg-slide": {format: "svg", width: 1280, height: 720, scale: 1.5, suffix: "-1920x1080"},
        "png-screen": {format: "png", scale: 1, suffix: "-screen"}
    };

    /** The figure with its anatomy (title, source line and their margins) put back. */
    function exportFigure(gd) {
        var layout = Object.assign({}, gd.layout);
        var saved = layout.meta && layout.meta.export;
        if (saved) {
            layout.title = saved.title;
            layout.annotations = saved.annotations;
            layout.margin = saved.margin;
        }
        // The on-screen size is not the export's: let the export size the figure.
        delete layout.width;
        delete layout.height;
        return {data: gd.data, layout: layout, config: {topojsonURL: (gd._context || {}).topojsonURL}};
    }

    function exportChart(button) {
        var spec = EXPORTS[button.getAttribute("data-export")];
        var host = document.getElementById(button.getAttribute("data-graph"));
        var gd = host && (host.classList.contains("js-plotly-plot") ? host : host.querySelector(".js-plotly-plot"));
        if (!spec || !gd || !window.Plotly) { return; }
        var options = {format: spec.format, scale: spec.scale,
                       filename: (button.getAttribute("data-filename") || "gcm-chart") + spec.suffix,
                       width: spec.width || gd._fullLayout.width,
                       height: spec.height || gd._fullLayout.height};
        window.Plotly.downloadImage(exportFigure(gd), options);
    }

    document.addEventListener("click", function (event) {
        var target = event.target.closest ? event.target : event.target.parentNode;
        var button = target && target.closest("[data-export]");
        if (button) { exportChart(button); }
    });
}());
