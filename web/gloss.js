// Gloss page script. It runs in the head, before the article is parsed and
// long before the wasm arrives, and does only what must happen before
// first paint or must work without the wasm. Everything else is Go.
(function () {
  "use strict";
  var root = document.documentElement;
  var params = new URLSearchParams(location.search);

  // Storage may be denied (third-party frames, privacy modes): go-app
  // reads localStorage when it starts and would die on the exception, so
  // put an in-memory store in its place.
  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      window[name].getItem("gloss");
    } catch (e) {
      var data = {};
      var mem = {
        getItem: function (k) { return k in data ? data[k] : null; },
        setItem: function (k, v) { data[k] = String(v); },
        removeItem: function (k) { delete data[k]; },
        clear: function () { data = {}; },
        key: function (i) { return Object.keys(data)[i] || null; },
        get length() { return Object.keys(data).length; },
      };
      Object.defineProperty(window, name, { value: mem, configurable: true });
    }
  });

  // The reader's display choices, set before first paint so nothing
  // flashes: embed mode and theme from the URL, hidden highlights from
  // the last visit.
  if (params.get("embed") === "1") root.classList.add("gloss-embed");
  var theme = params.get("theme");
  if (theme === "light" || theme === "dark") root.classList.add("gloss-theme-" + theme);
  try {
    if (localStorage.getItem("gloss.hideHighlights") === "true") root.classList.add("gloss-plain");
  } catch (e) {}

  // go-app reports a newly installed version through window.goappOnUpdate,
  // which does nothing until the wasm has started: an update found during
  // the download would be lost. Remember it and pass it on when Go sets
  // its handler.
  var updateReady = false;
  var onUpdate = function () {};
  Object.defineProperty(window, "goappOnUpdate", {
    configurable: true,
    get: function () {
      return function () {
        updateReady = true;
        onUpdate();
      };
    },
    set: function (f) {
      onUpdate = f;
      if (updateReady) setTimeout(function () { onUpdate(); }, 0);
    },
  });

  // A trigger says whether its card is open. The popover API opens cards
  // without script; this keeps aria-expanded true to it.
  document.addEventListener("toggle", function (e) {
    var card = e.target;
    if (!card.id || !card.hasAttribute || !card.hasAttribute("popover")) return;
    var open = e.newState === "open";
    document.querySelectorAll('[aria-controls="' + card.id + '"]').forEach(function (b) {
      b.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }, true);

  // Links that open a new tab are left to the browser, with their
  // rel=noopener; go-app would otherwise intercept them with window.open.
  document.addEventListener("click", function (e) {
    if (e.target.closest && e.target.closest('a[target="_blank"]')) e.stopPropagation();
  });

  // Deep links: /#istanbul-talks opens that card, also before the wasm.
  function openFromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    var card = el && el.closest("[popover]");
    if (!card || card.matches(":popover-open")) return;
    card.showPopover();
    if (el !== card) el.scrollIntoView({ block: "start" });
  }
  document.addEventListener("DOMContentLoaded", openFromHash);
  window.addEventListener("hashchange", openFromHash);
})();
