/* Same-page links inside static HTML blocks (the matrix) change the URL without a reload,
   exactly as dcc.Link does, so the app re-renders from the new query string.
   Matrix links carry only what the profile needs (view, country, year, theme, presenter): with
   the whole query in every cell one cached matrix grew to several MB. On click, the page's other
   settings (filters, spotlight, sort) are carried over, so going back to the matrix restores them. */
document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href^='?']");
    if (!link || event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return;
    }
    event.preventDefault();
    var href = link.getAttribute("href");
    if (link.closest(".matrix-table")) {
        var params = new URLSearchParams(window.location.search);
        new URLSearchParams(href.slice(1)).forEach(function (value, key) { params.set(key, value); });
        href = "?" + params.toString().replace(/%2C/g, ",");
    }
    window.history.pushState({}, "", href);
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
    window.scrollTo(0, 0);
});
