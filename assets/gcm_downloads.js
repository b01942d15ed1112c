/* Download buttons of the data table: fetch the file from the app's own download route, show
   progress on the button while it is prepared, then save it. Registered as a Dash clientside
   function (no inline script, no eval). */
(function () {
  "use strict";
  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url; a.download = name; a.style.display = "none";
    document.body.appendChild(a); a.click();
    window.setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }
  function download(nDisplayed, nFull, search) {
    var dc = window.dash_clientside;
    var trig = (dc.callback_context && dc.callback_context.triggered) || [];
    if (!trig.length || !trig[0].value) { return dc.no_update; }
    var id = trig[0].prop_id.split(".")[0];
    var button = document.getElementById(id);
    if (!button || button.getAttribute("aria-busy") === "true") { return dc.no_update; }
    var href = button.getAttribute("data-href") + (id === "download-displayed" ? (search || "") : "");
    var name = id === "download-displayed" ? "gcm-dashboard-displayed.csv" : "gcm-dashboard-full-dataset.zip";
    var label = button.textContent;
    button.setAttribute("aria-busy", "true"); button.disabled = true;
    button.classList.add("is-loading"); button.textContent = "Preparing…";
    function done() {
      button.removeAttribute("aria-busy"); button.disabled = false;
      button.classList.remove("is-loading"); button.textContent = label;
    }
    return fetch(href, {credentials: "same-origin"}).then(function (r) {
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.blob();
    }).then(function (blob) {
      save(blob, name); done();
      return "Downloaded " + name + " (" + Math.max(1, Math.round(blob.size / 1024)) + " KB).";
    }).catch(function (err) {
      done();
      return "The download failed (" + err.message + "). Try again.";
    });
  }
  window.dash_clientside = Object.assign({}, window.dash_clientside);
  window.dash_clientside.gcm_downloads = {download: download};
})();
