// The start: go-app's app.js and the wasm, each only once it has
// something to add.
import { startingClass, wasmFailedClass } from "gloss:dom";

// go-app's app.js would start the wasm download as soon as it runs, so
// the server ships it inert (type="gloss/after-paint", its address in
// data-src: a data block may not have a src) and with its wasm start
// left to this script (server/goappfiles.go: window.goappStartWasm).
// The wasm adds only the install and update prompts (app/prompts.go);
// the article and its cards never wait for it, and it never runs before
// it has something to add:
//   - app.js (the service worker that keeps the article for offline
//     reading, the install and update watchers) once the page has
//     loaded and the main thread is idle;
//   - the wasm on the reader's first interaction (a press or a key), or
//     when a new version is ready. (Not when the browser offers to
//     install the app: Chromium does that on nearly every load, often
//     before app.js is there to catch it; go-app's button shows once
//     the wasm runs and app.js has caught an offer.)
// An embedded frame, where neither prompt shows, loads both only once
// the reader interacts with it (a facade): on a phone the frame often
// shares the publisher's main thread, and until then it costs that page
// nothing.
export function startOnDemand(view) {
  var root = view.root, framed = view.framed;
  var appLoaded = false, appRequested = false, wasmWanted = false;
  var startApp = () => {
    if (appRequested) return;
    // app.js needs go-app's wasm_exec.js, a deferred script.
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", startApp);
      return;
    }
    appRequested = true;
    document.querySelectorAll('script[type="gloss/after-paint"]').forEach((inert) => {
      var s = document.createElement("script");
      s.src = inert.getAttribute("data-src");
      s.async = false;
      s.onload = () => {
        appLoaded = true;
        if (wasmWanted) startWasm();
      };
      document.head.appendChild(s);
    });
  };
  // On a reader's first visit, app.js's service worker installs by
  // precaching the app shell, the wasm among it: a download, a decoding
  // and a write of some megabytes. The wasm starts once that has ended,
  // or failed (or after 10 s, on a slow network): it then comes from the
  // cache the worker has just filled instead of being decoded a second
  // time, and the two never share the processor while the reader clicks
  // (together, the wasm's start took 650 ms instead of 386 at CPU 4×:
  // docs/performance.md, item 12.14).
  var afterInstall = (run) => {
    var sw = navigator.serviceWorker;
    if (!sw || sw.controller || !window.glossServiceWorker) return run();
    var started = false;
    var once = () => {
      if (started) return;
      started = true;
      run();
    };
    setTimeout(once, 10000);
    Promise.resolve(window.glossServiceWorker).then(() => {
      return sw.getRegistration();
    }).then((reg) => {
      // A worker that has installed and waits for other tabs has done its
      // work: only one still installing is waited for.
      var w = reg && reg.installing;
      if (!w) return once();
      w.addEventListener("statechange", () => {
        if (w.state === "activated" || w.state === "redundant") once();
      });
    }).catch(once);
  };
  var startWasm = () => {
    wasmWanted = true;
    if (!appLoaded) return startApp();
    var run = window.goappStartWasm;
    if (!run) return;
    window.goappStartWasm = null;
    // The start is under way: nothing shows (go-app's loader only if it
    // fails, web/css/prompts.css); tests and the bench read it.
    root.classList.add(startingClass);
    // A key pressed before the article's first paint waits for it: the
    // article is on screen before anything of the wasm is asked for.
    if (window.performance && performance.getEntriesByType && !performance.getEntriesByType("paint").length) {
      requestAnimationFrame(() => { setTimeout(() => { afterInstall(run); }, 0); });
    } else {
      afterInstall(run);
    }
  };
  var onFirstUse = (f) => {
    var types = framed ? ["pointerdown", "keydown", "focusin"] : ["pointerdown", "keydown"];
    var once = () => {
      types.forEach((type) => { window.removeEventListener(type, once, true); });
      f();
    };
    types.forEach((type) => { window.addEventListener(type, once, true); });
  };
  onFirstUse(startWasm);
  if (!framed) {
    var afterLoad = () => {
      if (window.requestIdleCallback) requestIdleCallback(startApp, { timeout: 4000 });
      else setTimeout(startApp, 1000);
    };
    if (document.readyState === "complete") setTimeout(afterLoad, 0);
    else window.addEventListener("load", () => { setTimeout(afterLoad, 0); });
  }

  // When the wasm cannot load, go-app's loader stops its spinner and shows
  // the exception's own text ("TypeError: Load failed"). Show the loader
  // then, and say what that means to the reader instead.
  document.addEventListener("DOMContentLoaded", () => {
    var icon = document.getElementById("app-wasm-loader-icon");
    var label = document.getElementById("app-wasm-loader-label");
    if (!icon || !label || !window.MutationObserver) return;
    new MutationObserver((_, observer) => {
      if (icon.classList.contains("goapp-spin") || !icon.isConnected) return;
      observer.disconnect();
      label.textContent = "Interactive features could not load; the article and its cards still work.";
      root.classList.add(wasmFailedClass);
    }).observe(icon, { attributes: true, attributeFilter: ["class"] });
  });

  // go-app reports a newly installed version through window.goappOnUpdate,
  // which does nothing until the wasm has started: an update found during
  // the download would be lost. Remember it and pass it on when Go sets
  // its handler.
  var updateReady = false;
  var onUpdate = () => {};
  Object.defineProperty(window, "goappOnUpdate", {
    configurable: true,
    get: () => {
      return () => {
        updateReady = true;
        startWasm();
        onUpdate();
      };
    },
    set: (f) => {
      onUpdate = f;
      if (updateReady) setTimeout(() => { onUpdate(); }, 0);
    },
  });
}
