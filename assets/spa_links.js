/* Same-page links inside static HTML blocks (the matrix) change the URL without a reload,
   exactly as dcc.Link does, so the app re-renders from the new query string. */
document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href^='?']");
    if (!link || event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return;
    }
    event.preventDefault();
    window.history.pushState({}, "", link.getAttribute("href"));
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
    window.scrollTo(0, 0);
});
