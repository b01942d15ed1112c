/* Excel download buttons of the data table (data-xlsx-href): fetch the workbook from the app's own
   route (with the page's query for the displayed data, as the CSV button does), show progress on
   the button, save it, and report in the downloads' status line. Wired by delegation: no Dash
   callback, no inline script. */
(function () {
  "use strict";
  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url; a.download = name; a.style.display = "none";
    document.body.appendChild(a); a.click();
    window.setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }
  function status(text) {
    var node = document.getElementById("download-status");
    if (node) { node.textContent = text; }
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-xlsx-href]") : null;
    if (!button || button.getAttribute("aria-busy") === "true") { return; }
    var href = button.getAttribute("data-xlsx-href");
    var name = "gcm-dashboard-" + (href.indexOf("full") >= 0 ? "full-dataset" : "displayed") + ".xlsx";
    if (button.getAttribute("data-with-query")) { href += window.location.search || ""; }
    var label = button.textContent;
    button.setAttribute("aria-busy", "true"); button.disabled = true;
    button.classList.add("is-loading"); button.textContent = "Preparing…";
    function done() {
      button.removeAttribute("aria-busy"); button.disabled = false;
      button.classList.remove("is-loading"); button.textContent = label;
    }
    fetch(href, {credentials: "same-origin"}).then(function (r) {
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.blob();
    }).then(function (blob) {
      save(blob, name); done();
      status("Downloaded " + name + " (" + Math.max(1, Math.round(blob.size / 1024)) + " KB).");
    }).catch(function (err) {
      done();
      status("The download failed (" + err.message + "). Try again.");
    });
  });
})();
