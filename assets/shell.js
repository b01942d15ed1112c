/* The page shell on a phone: the banner menu and the filters drawer (components/layout.py,
 * assets/phone.css).
 *
 * Both are disclosure buttons (aria-expanded, aria-controls). The drawer covers the page: while
 * it is open the rest of the page is inert, focus moves to its close button, and Esc, the close
 * button or the Filters button close it and return focus to the Filters button. The state is a
 * class on <html>, outside the part of the page React renders. CSP: no inline code.
 */
(function () {
    "use strict";
    var PHONE = window.matchMedia("(max-width: 700px)");
    var OUTSIDE = ".banner, .view-nav, .notice, .content, .footer, .skip-link";

    function $(id) { return document.getElementById(id); }
    function drawerOpen() { return document.documentElement.classList.contains("filters-open"); }

    function setInert(on) {
        document.querySelectorAll(OUTSIDE).forEach(function (node) {
            if (on) { node.setAttribute("inert", ""); } else { node.removeAttribute("inert"); }
        });
    }

    function openDrawer() {
        var toggle = $("filters-toggle");
        document.documentElement.classList.add("filters-open");
        if (toggle) { toggle.setAttribute("aria-expanded", "true"); }
        setInert(true);
        var close = $("filters-close");
        if (close) { close.focus(); }
    }

    function closeDrawer(returnFocus) {
        if (!drawerOpen()) { return; }
        var toggle = $("filters-toggle");
        document.documentElement.classList.remove("filters-open");
        if (toggle) { toggle.setAttribute("aria-expanded", "false"); }
        setInert(false);
        if (returnFocus && toggle) { toggle.focus(); }
    }

    function toggleMenu() {
        var button = $("banner-menu-toggle");
        var open = !document.documentElement.classList.contains("menu-open");
        document.documentElement.classList.toggle("menu-open", open);
        if (button) { button.setAttribute("aria-expanded", String(open)); }
    }

    document.addEventListener("click", function (event) {
        var target = event.target.closest ? event.target : event.target.parentNode;
        if (target.closest("#filters-toggle")) {
            if (drawerOpen()) { closeDrawer(true); } else { openDrawer(); }
        } else if (target.closest("#filters-close")) {
            closeDrawer(true);
        } else if (target.closest("#banner-menu-toggle")) {
            toggleMenu();
        }
    });

    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" || event.defaultPrevented) { return; }
        if (drawerOpen()) {
            // An open dropdown takes the first Esc itself: its menu is portalled outside the
            // drawer (focus in its search box), and its trigger in the drawer is expanded.
            var drawer = $("sidebar");
            var target = event.target;
            var outside = drawer && target && target !== document.body && !drawer.contains(target);
            if (outside || (drawer && drawer.querySelector("[aria-expanded='true']"))) { return; }
            event.preventDefault();
            event.stopPropagation();
            closeDrawer(true);
        } else if (document.documentElement.classList.contains("menu-open")) {
            toggleMenu();
            var button = $("banner-menu-toggle");
            if (button) { button.focus(); }
        }
    }, true);

    // The Filters button says how many filters narrow the view, so a phone user sees that the
    // chart is filtered without opening the drawer (phone.css shows data-active after the label).
    var NARROWING = ["region", "subregion", "commission", "income_group", "flag", "champion", "objective",
                     "principle", "highlight"];
    function countFilters() {
        var toggle = $("filters-toggle");
        if (!toggle) { return; }
        var params = new URLSearchParams(window.location.search);
        var n = NARROWING.filter(function (k) { return params.get(k); }).length;
        if (n) { toggle.setAttribute("data-active", String(n)); } else { toggle.removeAttribute("data-active"); }
    }
    window.addEventListener("popstate", function () { window.setTimeout(countFilters, 0); });
    window.addEventListener("_dashprivate_pushstate", function () { window.setTimeout(countFilters, 0); });

    // A count table that scrolls sideways in its own box (phone.css) must be reachable by
    // keyboard to scroll it: focusable while it overflows, and only then.
    var pendingScrollers = null;
    function markScrollers() {
        pendingScrollers = null;
        document.querySelectorAll("#view-content .analysis-table:not(.table-scroll > .analysis-table)").forEach(function (table) {
            var scrolls = PHONE.matches && table.scrollWidth > table.clientWidth + 1;
            if (scrolls && table.getAttribute("tabindex") !== "0") { table.setAttribute("tabindex", "0"); }
            if (!scrolls && table.hasAttribute("tabindex")) { table.removeAttribute("tabindex"); }
        });
    }
    function soon() { if (!pendingScrollers) { pendingScrollers = window.setTimeout(markScrollers, 150); } }
    window.addEventListener("resize", soon);
    var boot = new MutationObserver(function () {
        var content = document.getElementById("view-content");
        if (!content) { return; }
        boot.disconnect();
        // Dash rewrites the URL itself (replaceState) when a filter changes: recount with each render.
        new MutationObserver(function () { soon(); countFilters(); }).observe(content, {childList: true});
        new MutationObserver(soon).observe(content, {childList: true, subtree: true});
        soon();
        countFilters();
    });
    boot.observe(document.documentElement, {childList: true, subtree: true});

    // Turning the phone sideways (or widening a window) past the breakpoint shows the sidebar
    // in place again: nothing may stay inert.
    var onChange = function () { if (!PHONE.matches) { closeDrawer(false); } soon(); };
    if (PHONE.addEventListener) { PHONE.addEventListener("change", onChange); }
}());
