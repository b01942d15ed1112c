/* Saved views as slides and presenter mode keys.
 *
 * The deck lives in localStorage (no account). A slide is a URL query (the dashboard's whole
 * state), a title and an optional speaker note. Moving between slides changes the URL exactly
 * as spa_links.js does, so the app re-renders from the query string. The next and previous
 * slides' rendered views are fetched in the background and kept here; a step swaps the kept view
 * in at once (Dash's set_props) and then changes the URL, whose render brings the same view.
 * Speaker notes never reach this (shared) window's DOM: the speaker view (webapp/speaker.py,
 * assets/speaker.js) shows them and steps this window over assets/presenter_link.js.
 * CSP: no eval, no inline handlers, no outside origins; everything is wired here.
 */
(function () {
    "use strict";
    var KEY = "gcm-dashboard-deck";
    var FORMAT = "gcm-dashboard-deck";
    var VERSION = 1;
    var MAX_SLIDES = 100;
    var MAX_FILE_BYTES = 512 * 1024;
    var CONTENT = "view-content";
    var KEPT_VIEWS = 6;
    var prefetched = {};  // search -> true once requested
    var kept = {};        // search -> the rendered view as JSON text (parsed afresh for each use)
    var keptOrder = [];

    function prefix() {
        try {
            var cfg = JSON.parse(document.getElementById("_dash-config").textContent);
            return cfg.requests_pathname_prefix || "/";
        } catch (e) { return "/"; }
    }

    /* ---- deck storage ---- */
    function emptyDeck() { return {format: FORMAT, version: VERSION, slides: []}; }

    function loadDeck() {
        var raw = null;
        try { raw = window.localStorage.getItem(KEY); } catch (e) { return emptyDeck(); }
        if (!raw) { return emptyDeck(); }
        try {
            var deck = JSON.parse(raw);
            if (deck && deck.format === FORMAT && deck.version === VERSION && Array.isArray(deck.slides)) {
                return deck;
            }
        } catch (e) { /* fall through */ }
        // Unreadable: keep the old text aside rather than overwrite it.
        try { window.localStorage.setItem(KEY + "-unreadable", raw); } catch (e) { /* ignore */ }
        return emptyDeck();
    }

    function saveDeck(deck) {
        try {
            window.localStorage.setItem(KEY, JSON.stringify(deck));
            return true;
        } catch (e) {
            say("The browser refused to store the deck (storage full or disabled).");
            return false;
        }
    }

    /* ---- URL helpers ---- */
    function withoutPresenter(search) {
        var params = new URLSearchParams(search || "");
        params.delete("presenter");
        var text = params.toString();
        return text ? "?" + text : "";
    }

    function normal(search) {
        var params = new URLSearchParams(withoutPresenter(search));
        var pairs = [];
        params.forEach(function (v, k) { pairs.push(k + "=" + v); });
        return pairs.sort().join("&");
    }

    function isPresenting() {
        var page = document.getElementById("page");
        return !!(page && page.classList.contains("presenter"));
    }

    function slideHref(slide, presenting) {
        var params = new URLSearchParams(slide.query || "");
        if (presenting) { params.set("presenter", "1"); }
        var text = params.toString().replace(/%2C/g, ",");
        return window.location.pathname + (text ? "?" + text : "");
    }

    function navigate(href) {
        window.history.pushState({}, "", href);
        window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
    }

    function currentIndex(deck) {
        var here = normal(window.location.search);
        for (var i = 0; i < deck.slides.length; i++) {
            if (normal(deck.slides[i].query) === here) { return i; }
        }
        var stored = parseInt(window.sessionStorage.getItem(KEY + "-position") || "", 10);
        return isNaN(stored) || stored >= deck.slides.length ? -1 : stored;
    }

    /* ---- prefetch: the neighbouring slides' rendered views, kept in this window ---- */
    // /api/view renders the view into the server's shared cache (and warms its static fragment)
    // and answers with the component tree the render callback would send. A public same-origin
    // route, not Dash's private protocol. Only a few views are kept (each is tens of kB).
    function searchOf(href) { return new URL(href, window.location.href).search; }

    function keep(search, text) {
        if (!(search in kept)) { keptOrder.push(search); }
        kept[search] = text;
        while (keptOrder.length > KEPT_VIEWS) {
            var old = keptOrder.shift();
            delete kept[old];
            delete prefetched[old];
        }
    }

    function prefetch(slide, presenting) {
        var search = searchOf(slideHref(slide, presenting));
        if (prefetched[search]) { return; }
        prefetched[search] = true;
        fetch(prefix() + "api/view" + search, {credentials: "same-origin"})
            .then(function (r) {
                if (!r.ok) { throw new Error(String(r.status)); }
                return r.text();
            })
            .then(function (text) { keep(search, text); })
            .catch(function () { prefetched[search] = false; });
    }

    // Show the kept view of ``href`` now, title and chart together in one commit. The URL change
    // that follows renders the same view from the server (the URL stays the source of truth).
    function showKept(href) {
        var search = searchOf(href);
        var text = kept[search];
        var dc = window.dash_clientside;
        if (!text || search === window.location.search || !dc || typeof dc.set_props !== "function") { return; }
        try {
            dc.set_props(CONTENT, {children: JSON.parse(text).children});
        } catch (e) { /* the URL's own render shows it */ }
    }

    /* ---- stepping through ---- */
    function goTo(index) {
        var deck = loadDeck();
        if (!deck.slides.length) { say("No slides saved yet."); return; }
        index = Math.max(0, Math.min(deck.slides.length - 1, index));
        window.sessionStorage.setItem(KEY + "-position", String(index));
        var presenting = isPresenting();
        var href = slideHref(deck.slides[index], presenting);
        showKept(href);
        navigate(href);
        if (index + 1 < deck.slides.length) { prefetch(deck.slides[index + 1], presenting); }
        if (index > 0) { prefetch(deck.slides[index - 1], presenting); }
        refresh();
    }

    function step(delta) {
        var deck = loadDeck();
        var i = currentIndex(deck);
        goTo(i < 0 ? 0 : i + delta);
    }

    function exitPresenter() {
        var search = withoutPresenter(window.location.search);
        navigate(window.location.pathname + search);
        window.setTimeout(function () {
            var toggle = document.querySelector("#presenter-toggle input");
            if (toggle) { toggle.focus(); }
        }, 50);
    }

    function typing(target) {
        if (!target || !target.closest) { return false; }
        return !!target.closest("input, textarea, select, [contenteditable='true'], [role='combobox'], " +
                                "[role='listbox'], .dash-dropdown");
    }

    document.addEventListener("keydown", function (event) {
        if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || !isPresenting()) {
            return;
        }
        if (event.key === "Escape") { event.preventDefault(); exitPresenter(); return; }
        if (typing(event.target)) { return; }
        if (event.key === "ArrowRight" || event.key === "PageDown") { event.preventDefault(); step(1); }
        if (event.key === "ArrowLeft" || event.key === "PageUp") { event.preventDefault(); step(-1); }
    });

    /* ---- the speaker view: a separate window on the presenter's own screen ---- */
    // This window obeys the speaker view when it is presenting or opened the speaker view, so a
    // second dashboard tab left open elsewhere does not step along.
    var openedSpeaker = false;
    var lastState = "";

    function leading() { return isPresenting() || openedSpeaker; }

    function announce(index, count, force) {
        // Once it has led, it keeps the speaker view informed (e.g. that presenter mode ended).
        if (!window.gcmPresenterLink || !(leading() || lastState)) { return; }
        var state = {type: "state", index: index, count: count, presenting: isPresenting()};
        var signature = JSON.stringify(state);
        if (!force && signature === lastState) { return; }
        lastState = signature;
        window.gcmPresenterLink.send(state);
    }

    function openSpeaker() {
        openedSpeaker = true;
        var speaker = window.open(prefix() + "speaker", "gcm-speaker", "popup,width=1100,height=720");
        if (!speaker) { say("The browser blocked the speaker window; allow pop-ups for this site."); }
        lastState = "";
        window.setTimeout(refresh, 0);
    }

    if (window.gcmPresenterLink) {
        window.gcmPresenterLink.listen(function (message) {
            if (!leading()) { return; }
            if (message.type === "hello") {
                var deck = loadDeck();
                var i = currentIndex(deck);
                var onSlide = i >= 0 && normal(deck.slides[i].query) === normal(window.location.search);
                announce(onSlide ? i : -1, deck.slides.length, true);
            } else if (message.type === "step" && (message.delta === 1 || message.delta === -1)) {
                step(message.delta);
            } else if (message.type === "go" && typeof message.index === "number") {
                goTo(message.index);
            }
        });
    }

    /* ---- the panel ---- */
    function el(tag, attrs, text) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
        if (text) { node.textContent = text; }
        return node;
    }

    function say(message, problems) {
        var status = document.getElementById("slides-status");
        if (!status) { return; }
        status.textContent = message;
        if (problems && problems.length) {
            var list = el("ul", {"class": "deck-problems"});
            problems.forEach(function (p) { list.appendChild(el("li", {}, p)); });
            status.appendChild(list);
        }
    }

    function defaultTitle() {
        var title = document.querySelector("#view-content .gtitle");
        if (title && title.textContent.trim()) { return title.textContent.trim().slice(0, 120); }
        var tab = document.querySelector("#view-tabs input:checked");
        var label = tab && tab.parentNode ? tab.parentNode.textContent.trim() : "View";
        return (label + " " + new Date().toLocaleTimeString()).slice(0, 120);
    }

    function buildPanel(host) {
        host.innerHTML = "";
        host.appendChild(el("p", {"class": "control-help"},
            "Save views as slides in this browser, then present them in order: arrow keys or " +
            "Page Up/Down step through, Esc leaves presenter mode. Speaker notes show only in " +
            "the speaker view, never on the shared screen."));
        host.appendChild(el("label", {"for": "slide-title-input", "class": "control-label"}, "Slide title"));
        host.appendChild(el("input", {id: "slide-title-input", type: "text", maxlength: "120",
                                      "class": "text-input", placeholder: "Defaults to the chart title"}));
        host.appendChild(el("label", {"for": "slide-note-input", "class": "control-label"},
                            "Speaker note (optional)"));
        host.appendChild(el("textarea", {id: "slide-note-input", maxlength: "2000", rows: "2",
                                         "class": "text-input"}));
        var actions = el("div", {"class": "slide-actions"});
        actions.appendChild(el("button", {id: "slide-save", type: "button", "class": "button"},
                               "Save view as slide"));
        actions.appendChild(el("button", {id: "slide-present", type: "button", "class": "button"},
                               "Present slides"));
        actions.appendChild(el("button", {id: "slide-speaker", type: "button", "class": "button",
                                          title: "Notes, next slide and a timer in a separate window"},
                               "Open speaker view"));
        host.appendChild(actions);
        host.appendChild(el("div", {id: "slides-status", role: "status", "aria-live": "polite",
                                    "class": "slides-status"}));
        host.appendChild(el("ol", {id: "slides-list", "class": "slides-list", "aria-label": "Saved slides"}));
        var files = el("div", {"class": "slide-actions"});
        files.appendChild(el("button", {id: "deck-export", type: "button", "class": "button"},
                             "Export deck"));
        files.appendChild(el("button", {id: "deck-pptx", type: "button", "class": "button"},
                             "PowerPoint"));
        files.appendChild(el("button", {id: "deck-html", type: "button", "class": "button"},
                             "Offline HTML"));
        files.appendChild(el("input", {id: "deck-import", type: "file", "class": "file-input",
                                       accept: "application/json,.json"}));
        files.appendChild(el("label", {"for": "deck-import", "class": "button file-button"},
                             "Import deck…"));
        host.appendChild(files);
    }

    function renderList() {
        var list = document.getElementById("slides-list");
        if (!list) { return; }
        var deck = loadDeck();
        var here = currentIndex(deck);
        // Titles and queries only: the speaker notes must never reach this window's DOM.
        var signature = JSON.stringify(deck.slides.map(function (s) { return [s.title, s.query]; })) + "|" + here;
        if (list.getAttribute("data-signature") === signature) { return; }  // keep focus and DOM
        list.setAttribute("data-signature", signature);
        list.innerHTML = "";
        deck.slides.forEach(function (slide, i) {
            var item = el("li", {"class": "slide-item" + (i === here ? " is-current" : "")});
            var name = (i + 1) + ". " + slide.title;
            var show = el("a", {href: slideHref(slide, false), "class": "slide-link",
                                "data-slide": String(i)}, slide.title);
            if (i === here) { show.setAttribute("aria-current", "true"); }
            item.appendChild(show);
            var tools = el("span", {"class": "slide-tools"});
            [["up", "↑", "Move up: "], ["down", "↓", "Move down: "], ["delete", "✕", "Delete: "]]
                .forEach(function (b) {
                    var button = el("button", {type: "button", "class": "icon-button",
                                               "data-slide-action": b[0], "data-slide": String(i),
                                               "aria-label": b[2] + name, title: b[2] + slide.title}, b[1]);
                    tools.appendChild(button);
                });
            item.appendChild(tools);
            list.appendChild(item);
        });
        var present = document.getElementById("slide-present");
        if (present) { present.disabled = !deck.slides.length; }
    }

    function refresh() {
        renderList();
        var deck = loadDeck();
        var counter = document.getElementById("slide-counter");
        var i = currentIndex(deck);
        var onSlide = i >= 0 && normal(deck.slides[i].query) === normal(window.location.search);
        if (counter) {
            // The audience sees this: the position on a saved slide, otherwise nothing.
            var text = onSlide ? (i + 1) + " / " + deck.slides.length : "";
            if (counter.textContent !== text) { counter.textContent = text; }
        }
        if (onSlide && isPresenting() && i + 1 < deck.slides.length) { prefetch(deck.slides[i + 1], true); }
        announce(onSlide ? i : -1, deck.slides.length);
        showSpotlitRow();
    }

    // "Now look at Ghana": bring the first spotlit matrix row into view once the table arrives.
    function showSpotlitRow() {
        var host = document.getElementById("matrix-table");
        var row = host && host.querySelector(".matrix-spotlight");
        if (!row || host.getAttribute("data-spotlit") === host.getAttribute("data-src")) { return; }
        host.setAttribute("data-spotlit", host.getAttribute("data-src"));
        var header = host.querySelector("thead");
        host.scrollTop = Math.max(0, row.offsetTop - (header ? header.offsetHeight : 0) - 8);
    }

    function saveCurrent() {
        var deck = loadDeck();
        if (deck.slides.length >= MAX_SLIDES) { say("The deck is full (" + MAX_SLIDES + " slides)."); return; }
        var titleInput = document.getElementById("slide-title-input");
        var noteInput = document.getElementById("slide-note-input");
        var title = (titleInput.value || "").trim().slice(0, 120) || defaultTitle();
        var note = (noteInput.value || "").slice(0, 2000);
        deck.slides.push({title: title, note: note, query: withoutPresenter(window.location.search)});
        if (saveDeck(deck)) {
            titleInput.value = "";
            noteInput.value = "";
            say("Saved slide " + deck.slides.length + ": " + title + ".");
            refresh();
        }
    }

    function exportDeck() {
        var deck = loadDeck();
        if (!deck.slides.length) { say("There are no slides to export."); return; }
        var blob = new Blob([JSON.stringify(deck, null, 2)], {type: "application/json"});
        var link = el("a", {href: URL.createObjectURL(blob), download: "gcm-slides.json"});
        document.body.appendChild(link);
        link.click();
        window.setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
        say("Exported " + deck.slides.length + " slides as gcm-slides.json.");
    }

    /* The server builds the PowerPoint (charts drawn at 1920x1080) and the offline HTML file
       from the same deck JSON; a deck it rejects gets the import's messages. */
    var FILE_EXPORTS = {
        "deck-pptx": {path: "export/deck.pptx", name: "gcm-slides.pptx", label: "PowerPoint"},
        "deck-html": {path: "export/deck.html", name: "gcm-slides.html", label: "offline HTML"}
    };

    function exportFile(button) {
        var spec = FILE_EXPORTS[button.id];
        var deck = loadDeck();
        if (!deck.slides.length) { say("There are no slides to export."); return; }
        if (button.getAttribute("aria-busy") === "true") { return; }
        button.setAttribute("aria-busy", "true");
        button.disabled = true;
        say("Preparing the " + spec.label + " file of " + deck.slides.length + " slides…");
        function done() { button.removeAttribute("aria-busy"); button.disabled = false; }
        fetch(prefix() + spec.path, {
            method: "POST", credentials: "same-origin",
            headers: {"Content-Type": "application/json"}, body: JSON.stringify(deck)
        }).then(function (r) {
            if (r.ok) { return r.blob(); }
            return r.json().then(function (result) {
                throw {problems: result.problems || [], status: r.status};
            }, function () { throw {problems: [], status: r.status}; });
        }).then(function (blob) {
            done();
            var link = el("a", {href: URL.createObjectURL(blob), download: spec.name});
            document.body.appendChild(link);
            link.click();
            window.setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
            say("Exported " + deck.slides.length + " slides as " + spec.name + ".");
        }).catch(function (err) {
            done();
            if (err && err.problems) {
                say("The " + spec.label + " file was not made (" + err.status + ").", err.problems);
            } else {
                say("The " + spec.label + " file was not made (network problem). Try again.");
            }
        });
    }

    function importDeck(file) {
        if (!file) { return; }
        if (file.size > MAX_FILE_BYTES) { say("That file is too large to be a slide deck; your deck is unchanged."); return; }
        file.text().then(function (text) {
            var parsed;
            try { parsed = JSON.parse(text); } catch (e) {
                say("“" + file.name + "” is not a valid deck file (not JSON). Your deck is unchanged.");
                return;
            }
            return fetch(prefix() + "api/validate-deck", {
                method: "POST", credentials: "same-origin",
                headers: {"Content-Type": "application/json"}, body: JSON.stringify(parsed)
            }).then(function (r) { return r.json(); }).then(function (result) {
                if (!result.ok) {
                    say("“" + file.name + "” was not imported; your deck is unchanged.", result.problems);
                    return;
                }
                var deck = loadDeck();
                var room = MAX_SLIDES - deck.slides.length;
                var added = result.slides.slice(0, room);
                deck.slides = deck.slides.concat(added);
                if (saveDeck(deck)) {
                    say("Imported " + added.length + " slides from “" + file.name + "”, after your " +
                        (deck.slides.length - added.length) + " existing slides." +
                        (added.length < result.slides.length ? " The deck is full; the rest were left out." : ""));
                    refresh();
                }
            });
        }).catch(function () { say("The deck could not be checked (network problem). Your deck is unchanged."); });
    }

    function moveSlide(i, action) {
        var deck = loadDeck();
        var slide = deck.slides[i];
        if (!slide) { return; }
        if (action === "delete") {
            deck.slides.splice(i, 1);
            say("Deleted slide: " + slide.title + ".");
        } else {
            var j = action === "up" ? i - 1 : i + 1;
            if (j < 0 || j >= deck.slides.length) { return; }
            deck.slides[i] = deck.slides[j];
            deck.slides[j] = slide;
            say("Moved “" + slide.title + "” to position " + (j + 1) + ".");
        }
        saveDeck(deck);
        refresh();
        var focus = document.querySelector("[data-slide-action='" + action + "'][data-slide='" +
            (action === "delete" ? Math.min(i, deck.slides.length - 1) : (action === "up" ? i - 1 : i + 1)) + "']") ||
            document.getElementById("slide-save");
        if (focus) { focus.focus(); }
    }

    /* ---- wiring ---- */
    document.addEventListener("click", function (event) {
        var target = event.target.closest ? event.target : event.target.parentNode;
        var action = target.closest("[data-slide-action]");
        if (action) {
            moveSlide(parseInt(action.getAttribute("data-slide"), 10), action.getAttribute("data-slide-action"));
            return;
        }
        var link = target.closest("a[data-slide]");
        if (link && event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey) {
            event.preventDefault();
            event.stopPropagation();
            goTo(parseInt(link.getAttribute("data-slide"), 10));
            return;
        }
        if (target.closest("#slide-save")) { saveCurrent(); return; }
        if (target.closest("#deck-export")) { exportDeck(); return; }
        var fileExport = target.closest("#deck-pptx, #deck-html");
        if (fileExport) { exportFile(fileExport); return; }
        if (target.closest("#presenter-exit")) { exitPresenter(); return; }
        if (target.closest("#presenter-speaker, #slide-speaker")) { openSpeaker(); return; }
        if (target.closest("#slide-present")) {
            var deck = loadDeck();
            if (!deck.slides.length) { say("Save a view as a slide first."); return; }
            window.sessionStorage.setItem(KEY + "-position", "0");
            navigate(slideHref(deck.slides[0], true));
            if (deck.slides.length > 1) { prefetch(deck.slides[1], true); }
        }
    }, true);

    document.addEventListener("change", function (event) {
        if (event.target && event.target.id === "deck-import") {
            importDeck(event.target.files && event.target.files[0]);
            event.target.value = "";
        }
    });

    window.addEventListener("storage", function (event) { if (event.key === KEY) { refresh(); } });
    window.addEventListener("popstate", function () { window.setTimeout(refresh, 0); });
    window.addEventListener("_dashprivate_pushstate", function () { window.setTimeout(refresh, 0); });

    var wasPresenting = false;
    var pending = null;
    function watch() {
        var host = document.getElementById("slides-host");
        var page = document.getElementById("page");
        if (!host || !page || !document.getElementById("view-content")) { return false; }
        buildPanel(host);
        refresh();
        var later = function () {
            var now = isPresenting();
            if (now && !wasPresenting) {
                // The control that switched presenter mode on is now hidden: keep focus in the slide.
                var main = document.getElementById("main");
                if (main && (!document.activeElement || !main.contains(document.activeElement))) { main.focus(); }
            }
            wasPresenting = now;
            // Dropdown menus are portalled to <body>: give it the page's theme too.
            var theme = (page.className.match(/theme-[a-z]+/) || ["theme-light"])[0];
            document.body.className = document.body.className.replace(/\btheme-[a-z]+\b/g, "").trim() + " " + theme;
            if (pending) { window.clearTimeout(pending); }
            pending = window.setTimeout(refresh, 50);
        };
        // Only the page class and the rendered view: refresh() writes elsewhere, so no loop.
        new MutationObserver(later).observe(page, {attributes: true, attributeFilter: ["class"]});
        var content = document.getElementById("view-content");
        if (content) { new MutationObserver(later).observe(content, {childList: true, subtree: true}); }
        later();
        return true;
    }

    // The Dash renderer builds the page after this file runs; wait for the slide panel host.
    if (!watch()) {
        var boot = new MutationObserver(function () { if (watch()) { boot.disconnect(); } });
        boot.observe(document.documentElement, {childList: true, subtree: true});
    }
}());
