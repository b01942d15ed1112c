/* The speaker view (webapp/speaker.py): the current slide's note, the next slide, a timer,
 * and buttons and keys that step the dashboard window.
 *
 * The dashboard window (assets/slides.js) is the source of truth for the position: it answers
 * "hello" with its state and sends a new state after every step. The deck itself (titles,
 * notes, queries) is read from localStorage, the same origin's store the dashboard writes.
 * Not loaded into the dashboard page (Dash's assets_ignore). CSP: no inline code, no eval.
 */
(function () {
    "use strict";
    var KEY = "gcm-dashboard-deck";
    var link = window.gcmPresenterLink;
    var labels = {views: {}, indicators: {}};
    try { labels = JSON.parse(document.body.getAttribute("data-labels") || "{}"); } catch (e) { /* words only */ }
    var state = null;  // the dashboard's last {index, count, presenting}
    var heard = false;

    function $(id) { return document.getElementById(id); }

    function loadDeck() {
        try {
            var deck = JSON.parse(window.localStorage.getItem(KEY) || "null");
            if (deck && Array.isArray(deck.slides)) { return deck; }
        } catch (e) { /* unreadable: as if empty */ }
        return {slides: []};
    }

    /* A slide's query in words: the view, the indicator and the filters that narrow it. */
    function describe(slide) {
        var params = new URLSearchParams(slide.query || "");
        var parts = [];
        var view = params.get("view") || "map";
        parts.push((labels.views && labels.views[view]) || view);
        var indicator = params.get("indicator");
        if (indicator) { parts.push((labels.indicators && labels.indicators[indicator]) || indicator); }
        [["year", "year"], ["region", "region"], ["subregion", "subregion"], ["income", "income"],
         ["country", "country"], ["highlight", "spotlight"], ["compare", "compare"]].forEach(function (p) {
            var value = params.get(p[0]);
            if (value) { parts.push(p[1] + ": " + value.split(",").join(", ")); }
        });
        return parts.join(" · ");
    }

    function show() {
        var deck = loadDeck();
        var count = deck.slides.length;
        var index = state ? state.index : -1;
        if (index >= count) { index = -1; }
        var current = index >= 0 ? deck.slides[index] : null;
        $("speaker-counter").textContent = current ? (index + 1) + " / " + count :
            (count ? "(not a saved slide)" : "(no saved slides)");
        $("now-title").textContent = current ? current.title :
            (count ? "The dashboard shows a view that is not in the deck." : "Save views as slides in the dashboard first.");
        var note = $("now-note");
        note.textContent = current && current.note ? current.note : (current ? "No note for this slide." : "");
        note.classList.toggle("is-empty", !(current && current.note));
        var next = index + 1 < count ? deck.slides[index + 1] : null;
        $("next-title").textContent = next ? (index + 2) + ". " + next.title : (count ? "End of the deck." : "–");
        $("next-desc").textContent = next ? describe(next) : "";
        $("speaker-prev").disabled = !count || index === 0;
        $("speaker-next").disabled = !count || index === count - 1;
        document.title = (current ? (index + 1) + "/" + count + " " : "") + "Speaker view · GCM Progress Dashboard";
    }

    function status(text) {
        var node = $("speaker-link");
        if (node.textContent !== text) { node.textContent = text; }
    }

    function stepDashboard(delta) {
        if (!heard) { status("No dashboard window is presenting. Open the dashboard and press Present slides."); }
        link.send({type: "step", delta: delta});
    }

    link.listen(function (message) {
        if (message.type !== "state") { return; }
        heard = true;
        state = message;
        status(message.presenting ? "Connected: the dashboard is presenting." :
            "Connected: the dashboard is not in presenter mode yet.");
        show();
    });

    /* ---- timer: counts while running, keeps its total across pauses ---- */
    var elapsed = 0;
    var started = null;
    var ticking = null;

    function seconds() { return Math.floor((elapsed + (started === null ? 0 : Date.now() - started)) / 1000); }

    function paint() {
        var s = seconds();
        var h = Math.floor(s / 3600);
        var m = Math.floor((s % 3600) / 60);
        var text = (h ? h + ":" : "") + (m < 10 ? "0" : "") + m + ":" + (s % 60 < 10 ? "0" : "") + (s % 60);
        var timer = $("timer");
        if (timer.textContent !== text) {
            timer.textContent = text;
            timer.setAttribute("datetime", "PT" + s + "S");
        }
    }

    function toggleTimer() {
        var button = $("timer-toggle");
        if (started === null) {
            started = Date.now();
            ticking = window.setInterval(paint, 250);
            button.textContent = "Pause timer";
            button.setAttribute("aria-pressed", "true");
        } else {
            elapsed += Date.now() - started;
            started = null;
            window.clearInterval(ticking);
            button.textContent = "Resume timer";
            button.setAttribute("aria-pressed", "false");
        }
        paint();
    }

    function resetTimer() {
        elapsed = 0;
        if (started !== null) { started = Date.now(); }
        else { $("timer-toggle").textContent = "Start timer"; }
        paint();
    }

    /* ---- wiring ---- */
    $("speaker-prev").addEventListener("click", function () { stepDashboard(-1); });
    $("speaker-next").addEventListener("click", function () { stepDashboard(1); });
    $("timer-toggle").addEventListener("click", toggleTimer);
    $("timer-reset").addEventListener("click", resetTimer);

    document.addEventListener("keydown", function (event) {
        if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) { return; }
        var onButton = event.target && event.target.closest && event.target.closest("button");
        if (event.key === "ArrowRight" || event.key === "PageDown" || (event.key === " " && !onButton)) {
            event.preventDefault();
            stepDashboard(1);
        } else if (event.key === "ArrowLeft" || event.key === "PageUp") {
            event.preventDefault();
            stepDashboard(-1);
        }
    });

    // The deck may change in the dashboard while this window is open.
    window.addEventListener("storage", function (event) { if (event.key === KEY) { show(); } });

    show();
    paint();
    link.send({type: "hello"});
    // A dashboard opened (or reloaded) later announces itself on its own; ask again meanwhile.
    var asks = 0;
    var asking = window.setInterval(function () {
        if (heard || ++asks > 20) { window.clearInterval(asking); }
        if (!heard) {
            if (asks === 2) { status("Waiting for the dashboard window (open it in this browser and press Present slides)."); }
            link.send({type: "hello"});
        }
    }, 1000);
}());
