/* The link between the dashboard window and the speaker view (webapp/speaker.py).
 *
 * Both pages load this file. Messages go over a BroadcastChannel; where a browser has none,
 * a localStorage key whose "storage" event reaches the other same-origin windows carries them.
 * Same origin only: nothing leaves the browser. Exposes window.gcmPresenterLink.
 */
(function () {
    "use strict";
    var NAME = "gcm-presenter";
    var SIGNAL = "gcm-presenter-signal";
    var channel = null;
    var handlers = [];
    try { channel = new BroadcastChannel(NAME); } catch (e) { channel = null; }

    function deliver(message) {
        if (!message || typeof message.type !== "string") { return; }
        handlers.forEach(function (handler) { handler(message); });
    }

    if (channel) {
        channel.onmessage = function (event) { deliver(event.data); };
    } else {
        window.addEventListener("storage", function (event) {
            if (event.key !== SIGNAL || !event.newValue) { return; }
            try { deliver(JSON.parse(event.newValue).message); } catch (e) { /* not ours */ }
        });
    }

    window.gcmPresenterLink = {
        /* Send ``message`` ({type: ..., ...}) to the other windows of this origin. */
        send: function (message) {
            if (channel) { channel.postMessage(message); return; }
            try {
                // A fresh value every time, or an identical message would raise no storage event.
                window.localStorage.setItem(SIGNAL, JSON.stringify({message: message, at: Date.now() + Math.random()}));
            } catch (e) { /* storage disabled: the speaker view cannot follow */ }
        },
        /* Call ``handler(message)`` for every message from another window. */
        listen: function (handler) { handlers.push(handler); },
        transport: channel ? "BroadcastChannel" : "storage"
    };
}());
