/* Download buttons of the data table (CSV, ZIP and Excel): a button names its route in
   data-download-href and its file in data-filename; data-with-query adds the page's query (the
   displayed data). Fetch from the app's own route, show progress on the button, save the file and
   report in the downloads' status line. Wired by delegation: no Dash callback, no inline script. */
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
    var button = event.target.closest ? event.target.closest("[data-download-href]") : null;
    if (!button || button.getAttribute("aria-busy") === "true") { return; }
    var href = button.getAttribute("data-download-href");
    if (button.getAttribute("data-with-query")) { href += window.location.search || ""; }
    var name = button.getAttribute("data-filename");
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
