/* Maps open country profiles: a click on a country, or Enter on it from the keyboard.
 *
 * Keyboard path (WCAG 2.1.1): plotly draws countries as SVG paths that cannot take focus, and
 * 200 tab stops would bury the rest of the page. So the map is ONE tab stop, a composite widget
 * like a listbox: Left/Right (or Up/Down) move between countries in alphabetical order, Home/End
 * jump to the ends, typing letters jumps to the first country with that name, Enter opens the
 * profile, Escape leaves the country. The current country gets a thick outline in the focus colour
 * on the map, and its name and value are written in a visible line under the map that is also an
 * aria-live region, so screen-reader and sighted keyboard users learn where they are.
 *
 * The profile keeps every other filter of the page (view=profile&country=ISO3 added) and opens
 * the way same-page links do (assets/spa_links.js): pushState plus Dash's own location event.
 *
 * Narrow maps (phones): the key moves from the lower-left corner to rows above the map, where it
 * covers no country (components/figures/map.py sets the column layout and meta.gcm_legend_rows_px).
 * Strict CSP: a static file, no inline code.
 */
(function () {
    "use strict";

    var NARROW = 600;

    function isoOf(point) {
        if (!point) { return null; }
        if (point.location) { return point.location; }
        var c = point.customdata;
        return typeof c === "string" && /^[A-Z]{3}$/.test(c) ? c : null;
    }

    function openProfile(iso3) {
        var params = new URLSearchParams(window.location.search);
        params.set("view", "profile");
        params.set("country", iso3);
        window.history.pushState({}, "", "?" + params.toString().replace(/%2C/g, ","));
        window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
        window.scrollTo(0, 0);
    }

    function plainText(html) {
        // DOMParser builds an inert document: nothing in the text can run or load.
        var doc = new DOMParser().parseFromString(String(html || "").replace(/<br\s*\/?>/gi, ". "), "text/html");
        return (doc.body && doc.body.textContent) || "";
    }

    /* Every country on the map once: {iso, name, text}, sorted by name. */
    function countries(gd) {
        var seen = {}, out = [];
        (gd.data || []).forEach(function (trace) {
            if (trace.hoverinfo === "skip" || !trace.text) { return; }
            var ids = trace.type === "choropleth" ? trace.locations : trace.customdata;
            if (!ids) { return; }
            Array.prototype.forEach.call(ids, function (iso, k) {
                if (typeof iso !== "string" || seen[iso]) { return; }
                var text = typeof trace.text === "string" ? trace.text : trace.text[k];
                var match = /<b>(.*?)<\/b>/.exec(String(text || ""));
                seen[iso] = true;
                out.push({iso: iso, name: match ? plainText(match[1]) : iso, text: plainText(text)});
            });
        });
        out.sort(function (a, b) { return a.name.localeCompare(b.name); });
        return out;
    }

    /* SVG elements drawing ``iso3``: its country shape, or the point of a small area. */
    function shapesOf(gd, iso3) {
        var found = [];
        gd.querySelectorAll(".choroplethlocation").forEach(function (el) {
            if (el.__data__ && el.__data__.loc === iso3) { found.push(el); }
        });
        gd.querySelectorAll(".scattergeo .trace, g.trace.scattergeo").forEach(function (group) {
            var cd = group.__data__;
            var trace = cd && cd[0] && cd[0].trace;
            if (!trace || !trace.customdata || trace.hoverinfo === "skip") { return; }
            group.querySelectorAll("path.point").forEach(function (el, k) {
                if (trace.customdata[k] === iso3) { found.push(el); }
            });
        });
        return found;
    }

    function clearMark(gd) {
        gd.querySelectorAll(".gcm-map-focus").forEach(function (el) {
            el.classList.remove("gcm-map-focus");
        });
    }

    function mark(gd, iso3) {
        clearMark(gd);
        shapesOf(gd, iso3).forEach(function (el) {
            el.classList.add("gcm-map-focus");
            el.parentNode.appendChild(el);  // on top of its neighbours, so the whole outline shows
        });
    }

    function statusLine(host) {
        var line = host.parentNode.querySelector(".map-keyboard-status");
        if (!line) {
            line = document.createElement("p");
            line.className = "map-keyboard-status";
            line.setAttribute("aria-live", "polite");
            line.id = (host.id || "map") + "-keyboard-status";
            host.parentNode.insertBefore(line, host.nextSibling);
        }
        return line;
    }

    function bindKeys(host, gd) {
        if (host.dataset.gcmMapKeys) { return; }
        host.dataset.gcmMapKeys = "1";
        host.setAttribute("tabindex", "0");
        host.setAttribute("role", "application");
        host.setAttribute("aria-roledescription", "map");
        host.setAttribute("aria-label", "Map. Arrow keys move between countries, typing a name jumps to it, " +
                          "Enter opens the country's profile.");
        var line = statusLine(host);
        host.setAttribute("aria-describedby", line.id);
        var state = {index: -1, typed: "", typedAt: 0};

        function show() {
            var list = countries(gd);
            var c = list[state.index];
            if (!c) { return; }
            mark(gd, c.iso);
            line.textContent = c.text + ". Enter opens the profile of " + c.name + ".";
        }

        host.addEventListener("focus", function () {
            if (state.index < 0) {
                line.textContent = "Map: use the arrow keys to move between countries, Enter to open a profile.";
            } else { show(); }
        });
        host.addEventListener("blur", function () { clearMark(gd); });
        host.addEventListener("keydown", function (event) {
            if (event.target !== host || event.altKey || event.ctrlKey || event.metaKey) { return; }
            var list = countries(gd);
            if (!list.length) { return; }
            var key = event.key;
            if (key === "ArrowRight" || key === "ArrowDown") {
                state.index = (state.index + 1) % list.length;
            } else if (key === "ArrowLeft" || key === "ArrowUp") {
                state.index = state.index <= 0 ? list.length - 1 : state.index - 1;
            } else if (key === "Home") {
                state.index = 0;
            } else if (key === "End") {
                state.index = list.length - 1;
            } else if (key === "Enter") {
                if (state.index >= 0 && list[state.index]) { openProfile(list[state.index].iso); }
                event.preventDefault();
                return;
            } else if (key === "Escape") {
                state.index = -1;
                clearMark(gd);
                line.textContent = "";
                return;
            } else if (key.length === 1 && /\S/.test(key)) {
                var now = Date.now();
                state.typed = (now - state.typedAt < 900 ? state.typed : "") + key.toLowerCase();
                state.typedAt = now;
                for (var k = 0; k < list.length; k++) {
                    if (list[k].name.toLowerCase().indexOf(state.typed) === 0) { state.index = k; break; }
                }
            } else {
                return;
            }
            event.preventDefault();
            show();
        });
    }

    function fitLegend(gd) {
        // Phones: the key's column would cover half of a small map; put it in rows on top.
        var layout = gd.layout || {};
        var meta = layout.meta || {};
        if (!meta.gcm_legend_rows_px || !gd._fullLayout || !window.Plotly) { return; }
        var narrow = gd.clientWidth < NARROW;
        var rows = layout.legend && layout.legend.orientation === "h";
        if (narrow === rows) { return; }
        var top = (layout.margin && layout.margin.t) || 0;
        // At phone width every key entry takes its own row: make room for all of them.
        var entries = gd.querySelectorAll(".legend .traces").length;
        var size = (layout.legend && layout.legend.font && layout.legend.font.size) || 14;
        var extra = Math.round(entries * size * 1.5 + 12);
        if (!narrow) { extra = -(gd.dataset.gcmLegendExtra ? Number(gd.dataset.gcmLegendExtra) : extra); }
        else { gd.dataset.gcmLegendExtra = String(extra); }
        window.Plotly.relayout(gd, narrow ? {
            "legend.orientation": "h", "legend.x": 0, "legend.xanchor": "left", "legend.y": 1,
            "legend.yanchor": "bottom", "legend.borderwidth": 0, "margin.t": top + extra
        } : {
            "legend.orientation": "v", "legend.x": 0, "legend.xanchor": "left", "legend.y": 0,
            "legend.yanchor": "bottom", "legend.borderwidth": 1, "margin.t": Math.max(10, top + extra)
        });
    }

    function bind(gd) {
        if (!gd._fullLayout || !gd._fullLayout.geo) { return; }
        var host = gd.closest(".chart-graph") || gd.parentNode;
        bindKeys(host, gd);
        if (gd.dataset.gcmMapClick) { return; }
        gd.dataset.gcmMapClick = "1";
        gd.on("plotly_click", function (event) {
            var iso3 = isoOf(event && event.points && event.points[0]);
            if (iso3) { openProfile(iso3); }
        });
        gd.on("plotly_afterplot", function () { fitLegend(gd); });
        fitLegend(gd);
    }

    function scan() {
        document.querySelectorAll(".chart-graph .js-plotly-plot").forEach(function (gd) {
            if (typeof gd.on === "function") { bind(gd); }
        });
    }

    var pending = false;
    new MutationObserver(function () {
        if (pending) { return; }
        pending = true;
        window.requestAnimationFrame(function () { pending = false; scan(); });
    }).observe(document.documentElement, {childList: true, subtree: true});
    window.addEventListener("resize", function () {
        document.querySelectorAll(".chart-graph .js-plotly-plot").forEach(function (gd) {
            if (gd.dataset.gcmMapClick) { fitLegend(gd); }
        });
    });
}());
