// Gloss page script. It runs in the head, before the article is parsed and
// long before the wasm arrives, and does only what must happen before
// first paint or must work without the wasm: the reader's whole article.
// The wasm (go-app) adds the install and update prompts.
import {
  embedClass, hideHighlights, narrowQuery, plainClass, startingClass, stateAttr, stateRunning,
  themeClasses, wasmFailedClass, wide,
} from "gloss:dom";

(function () {
  "use strict";
  // This script is also the wasm's compiler, in a worker of the page's
  // (glossCompileWasm, below): it fetches and compiles the module at the
  // address the page posts, off the page's main thread, warms it, and
  // posts the module back, or the error's text.
  if (typeof document === "undefined") {
    // V8 compiles each wasm function on its first call, on the thread
    // that makes it: on the page's, the Go runtime's start, the packages'
    // inits and go-app's start were most of the wasm's main-thread work
    // (make bench section 7). Running that start here once (go-app's
    // wasm_exec.js, then the program as on the page, waiting for no frame:
    // app/pace) compiles their code in this worker; the code is the
    // module's, which the page's instance shares. Whatever fails here
    // only leaves the page more to compile.
    //
    // go-app's start (its set-up, the prompts' mount and first update)
    // needs a page: without one, V8 compiled its code on the page's main
    // thread, in three tasks of 70–160 ms at CPU 4× (docs/performance.md,
    // item 12.19). pageDouble puts a stand-in page in this worker's global
    // scope, just enough of one for that start to run to the prompts'
    // first update (done): a document of plain nodes at the page's address
    // and in its language, go-app's environment as app.js has it, and
    // app.js's functions answering that nothing is offered. What it does
    // not cover only stops the run early.
    var pageDouble = function (href, lang, env, done) {
      var none = function () {};
      var El = function (type, name) {
        this.nodeType = type;
        this.tagName = this.nodeName = name;
        this.childNodes = [];
        this.parentNode = this.parentElement = null;
        this.attrs = {};
        this.style = { setProperty: none, removeProperty: none };
        this.dataset = {};
      };
      var at = function (n, c) {
        if (c.parentNode) c.parentNode.removeChild(c);
        c.parentNode = c.parentElement = n;
        return c;
      };
      El.prototype = {
        get firstChild() { return this.childNodes[0] || null; },
        get firstElementChild() { return this.children[0] || null; },
        get children() { return this.childNodes.filter(function (c) { return c.nodeType === 1; }); },
        setAttribute: function (k, v) {
          this.attrs[k] = String(v);
          if (k === stateAttr && this.attrs[k] === stateRunning) done();
        },
        getAttribute: function (k) { return k in this.attrs ? this.attrs[k] : null; },
        hasAttribute: function (k) { return k in this.attrs; },
        removeAttribute: function (k) { delete this.attrs[k]; },
        appendChild: function (c) { this.childNodes.push(at(this, c)); return c; },
        insertBefore: function (c, ref) {
          if (!ref) return this.appendChild(c);
          this.childNodes.splice(this.childNodes.indexOf(ref), 0, at(this, c));
          return c;
        },
        removeChild: function (c) {
          this.childNodes.splice(this.childNodes.indexOf(c), 1);
          c.parentNode = c.parentElement = null;
          return c;
        },
        replaceChild: function (c, old) {
          at(this, c);
          this.childNodes[this.childNodes.indexOf(old)] = c;
          old.parentNode = old.parentElement = null;
          return old;
        },
        addEventListener: none,
        removeEventListener: none,
        querySelector: function () { return null; },
        querySelectorAll: function () { return []; },
        getElementsByTagName: function () { return []; },
        scrollIntoView: none,
        focus: none,
      };
      var doc = new El(9, "#document");
      var html = doc.appendChild(new El(1, "HTML"));
      html.lang = lang;
      doc.documentElement = html;
      doc.head = html.appendChild(new El(1, "HEAD"));
      doc.body = html.appendChild(new El(1, "BODY"));
      doc.body.appendChild(new El(1, "DIV"));
      doc.createElement = function (t) { return new El(1, String(t).toUpperCase()); };
      doc.createElementNS = function (ns, t) { return new El(1, String(t)); };
      doc.createTextNode = function (v) {
        var t = new El(3, "#text");
        t.nodeValue = t.textContent = t.data = String(v);
        return t;
      };
      doc.getElementById = function () { return null; };
      doc.addEventListener = doc.removeEventListener = none;
      var u = new URL(href);
      var mem = function () {
        var data = {};
        return {
          getItem: function (k) { return k in data ? data[k] : null; },
          setItem: function (k, v) { data[k] = String(v); },
          removeItem: function (k) { delete data[k]; },
          clear: function () { data = {}; },
          key: function () { return null; },
          length: 0,
        };
      };
      var g = self;
      g.document = doc;
      Object.defineProperty(g, "location", {
        configurable: true,
        value: { href: u.href, origin: u.origin, protocol: u.protocol, host: u.host, hostname: u.hostname,
          pathname: u.pathname, search: u.search, hash: u.hash, reload: none },
      });
      g.history = { state: null, pushState: none, replaceState: none };
      g.localStorage = mem();
      g.sessionStorage = mem();
      g.innerWidth = 1024;
      g.innerHeight = 768;
      g.goappGetenv = function (k) { return Object.prototype.hasOwnProperty.call(env, k) ? env[k] : undefined; };
      g.goappIsAppInstallable = g.goappIsAppInstalled = function () { return false; };
      g.goappKeepBodyClean = function () { return none; };
      // Nothing the run does may reach the page: only the module is posted.
      g.postMessage = none;
    };
    var warm = function (module, m) {
      return new Promise(function (done) {
        var timer = setTimeout(done, 3000);
        var finish = function () {
          clearTimeout(timer);
          done();
        };
        try {
          var u = new URL(String(m.exec), location.href);
          if (u.origin !== location.origin) return finish();
          importScripts(u.href);
          pageDouble(String(m.page), String(m.lang || ""), Object(m.env), finish);
          var go = new Go();
          WebAssembly.instantiate(module, go.importObject).then(function (inst) {
            return go.run(inst);
          }).then(finish, finish);
        } catch (e) {
          finish();
        }
      });
    };
    var post = self.postMessage.bind(self);
    self.onmessage = function (e) {
      var m = e.data || {};
      var url = new URL(String(m.wasm), location.href);
      if (url.origin !== location.origin) return post("not this site's wasm: " + url.href);
      WebAssembly.compileStreaming(fetch(url.href)).then(function (module) {
        return warm(module, m).then(function () {
          try {
            post(module);
          } catch (err) {
            post(String(err));
          }
        });
      }).catch(function (err) {
        post(String(err));
      });
    };
    return;
  }
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

  // go-app parses the page's address when it starts and dies on a
  // fragment that is not valid percent-encoding (a mangled shared link):
  // such a fragment names no card, so drop it before the wasm runs.
  // Also on every history change: this listener is added before go-app
  // sets window.onpopstate, so it runs first.
  var dropBadFragment = function () {
    try {
      decodeURIComponent(location.hash);
    } catch (e) {
      history.replaceState(history.state, "", location.pathname + location.search);
    }
  };
  dropBadFragment();
  window.addEventListener("popstate", dropBadFragment);

  // The reader's display choices, set before first paint so nothing
  // flashes: embed mode and theme from the URL, hidden highlights from
  // the last visit.
  var embed = params.get("embed") === "1";
  // Embedded in a publisher's page: the frame talks to it (below).
  var framed = embed && window.parent !== window;
  if (embed) root.classList.add(embedClass);
  var theme = params.get("theme");
  if (Object.prototype.hasOwnProperty.call(themeClasses, theme)) root.classList.add(themeClasses[theme]);
  try {
    if (localStorage.getItem(hideHighlights) === "true") root.classList.add(plainClass);
  } catch (e) {}

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
  var appLoaded = false, appRequested = false, wasmWanted = false;
  var startApp = function () {
    if (appRequested) return;
    // app.js needs go-app's wasm_exec.js, a deferred script.
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", startApp);
      return;
    }
    appRequested = true;
    document.querySelectorAll('script[type="gloss/after-paint"]').forEach(function (inert) {
      var s = document.createElement("script");
      s.src = inert.getAttribute("data-src");
      s.async = false;
      s.onload = function () {
        appLoaded = true;
        if (wasmWanted) startWasm();
      };
      document.head.appendChild(s);
    });
  };
  // Chromium compiles a streamed wasm on the thread that receives the
  // response, and reads a response's body on it too: on the page's, that
  // was one task of about 150 ms at CPU 4× (make bench section 7), during
  // which a reader's click waited; reading the body there and posting it
  // to a worker cost as much (docs/performance.md). go-app's app.js asks
  // this for the module instead (server/goappfiles.go), which a worker
  // running this script fetches and compiles: its request goes through
  // the service worker as the page's would. Where a worker cannot (no
  // Worker, a script that does not load, a module that cannot be posted,
  // a failed fetch), the page fetches and compiles the wasm itself, as
  // go-app would, and a real failure shows as one.
  var src = document.currentScript && document.currentScript.src;
  window.glossCompileWasm = function (url) {
    var here = function () { return WebAssembly.compileStreaming(fetch(url)); };
    if (!src || !window.Worker) return here();
    return new Promise(function (resolve) {
      var w;
      try {
        w = new Worker(src);
      } catch (e) {
        return resolve(here());
      }
      w.onmessage = function (e) {
        w.terminate();
        resolve(e.data instanceof WebAssembly.Module ? e.data : here());
      };
      w.onerror = function (e) {
        e.preventDefault();
        w.terminate();
        resolve(here());
      };
      var exec = document.querySelector('script[src$="wasm_exec.js"]');
      // go-app's environment (app.js's goappEnv) and the page's address
      // and language, for the stand-in page the worker warms the start on.
      var env = typeof goappEnv === "object" ? goappEnv : {};
      w.postMessage({ wasm: new URL(url, location.href).href, exec: exec ? exec.src : "", page: location.href, lang: root.lang, env: env });
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
  var afterInstall = function (run) {
    var sw = navigator.serviceWorker;
    if (!sw || sw.controller || !window.glossServiceWorker) return run();
    var started = false;
    var once = function () {
      if (started) return;
      started = true;
      run();
    };
    setTimeout(once, 10000);
    Promise.resolve(window.glossServiceWorker).then(function () {
      return sw.getRegistration();
    }).then(function (reg) {
      // A worker that has installed and waits for other tabs has done its
      // work: only one still installing is waited for.
      var w = reg && reg.installing;
      if (!w) return once();
      w.addEventListener("statechange", function () {
        if (w.state === "activated" || w.state === "redundant") once();
      });
    }).catch(once);
  };
  var startWasm = function () {
    wasmWanted = true;
    if (!appLoaded) return startApp();
    var run = window.goappStartWasm;
    if (!run) return;
    window.goappStartWasm = null;
    // The start is under way: nothing shows (go-app's loader only if it
    // fails, web/gloss.css); tests and the bench read it.
    root.classList.add(startingClass);
    // A key pressed before the article's first paint waits for it: the
    // article is on screen before anything of the wasm is asked for.
    if (window.performance && performance.getEntriesByType && !performance.getEntriesByType("paint").length) {
      requestAnimationFrame(function () { setTimeout(function () { afterInstall(run); }, 0); });
    } else {
      afterInstall(run);
    }
  };
  var onFirstUse = function (f) {
    var types = framed ? ["pointerdown", "keydown", "focusin"] : ["pointerdown", "keydown"];
    var once = function () {
      types.forEach(function (type) { window.removeEventListener(type, once, true); });
      f();
    };
    types.forEach(function (type) { window.addEventListener(type, once, true); });
  };
  onFirstUse(startWasm);
  if (!framed) {
    var afterLoad = function () {
      if (window.requestIdleCallback) requestIdleCallback(startApp, { timeout: 4000 });
      else setTimeout(startApp, 1000);
    };
    if (document.readyState === "complete") setTimeout(afterLoad, 0);
    else window.addEventListener("load", function () { setTimeout(afterLoad, 0); });
  }

  // A card's first opening laid out its text in the card's fonts and
  // sizes, which the article does not use, for the first time: at CPU 4×
  // that made the first card come 20–40 ms later than the next ones.
  // After the first frame, a copy of each part of the first card (its
  // head, each block of its body, its foot) is laid out once, in a task of
  // its own (each under 30 ms at 4×; the whole card at once was a long
  // task), unseen and unreachable (no ids, inert, hidden from assistive
  // technology), and removed before it is painted: the browser then has
  // those fonts ready. Not in a publisher's frame, which costs the
  // publisher's page nothing until the reader uses it.
  var warmCardFonts = function () {
    var card = document.querySelector(".gloss-card[popover]");
    if (!card) return;
    var parts = [].slice.call(card.querySelectorAll(".gloss-card > :not(.gloss-card-body), .gloss-card-body > *"));
    var next = function () {
      var part = parts.shift();
      if (!part || document.querySelector(":popover-open")) return;
      var copy = card.cloneNode(false);
      copy.appendChild(part.cloneNode(true));
      [copy].concat([].slice.call(copy.querySelectorAll("[id]"))).forEach(function (e) { e.removeAttribute("id"); });
      ["popover", "role", "aria-labelledby", "tabindex"].forEach(function (a) { copy.removeAttribute(a); });
      copy.setAttribute("aria-hidden", "true");
      copy.inert = true;
      copy.style.cssText = "display:block;visibility:hidden;position:fixed;top:0;left:0;pointer-events:none";
      document.body.appendChild(copy);
      copy.getBoundingClientRect();
      copy.remove();
      setTimeout(next, 0);
    };
    next();
  };
  if (!framed) {
    document.addEventListener("DOMContentLoaded", function () {
      requestAnimationFrame(function () { setTimeout(warmCardFonts, 0); });
    });
  }

  // When the wasm cannot load, go-app's loader stops its spinner and shows
  // the exception's own text ("TypeError: Load failed"). Show the loader
  // then, and say what that means to the reader instead.
  document.addEventListener("DOMContentLoaded", function () {
    var icon = document.getElementById("app-wasm-loader-icon");
    var label = document.getElementById("app-wasm-loader-label");
    if (!icon || !label || !window.MutationObserver) return;
    new MutationObserver(function (_, observer) {
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
  var onUpdate = function () {};
  Object.defineProperty(window, "goappOnUpdate", {
    configurable: true,
    get: function () {
      return function () {
        updateReady = true;
        startWasm();
        onUpdate();
      };
    },
    set: function (f) {
      onUpdate = f;
      if (updateReady) setTimeout(function () { onUpdate(); }, 0);
    },
  });

  // The button that opens a card: the phrase in the article, or the
  // "About this article" button for its panel.
  // Kept on the card: the page's nodes are never replaced (a live
  // preview reloads the page), and a click should not search the page.
  function triggerOf(card) {
    if (card.glossTrigger === undefined) card.glossTrigger = document.querySelector('[aria-controls="' + card.id + '"]');
    return card.glossTrigger;
  }

  // The highlighted phrase a trigger belongs to: the label around it
  // (app/article.go), whose line boxes are where the reader sees it.
  function phraseOf(trigger) {
    var p = trigger.parentElement;
    return p && p.classList.contains("gloss-phrase") ? p : trigger;
  }

  // The phrase a press lands in, with its button and card, or null.
  function pressedPhrase(e) {
    var phrase = e.target.closest && e.target.closest(".gloss-phrase");
    var button = phrase && phrase.querySelector(".gloss-mark");
    var card = button && document.getElementById(button.getAttribute("popovertarget"));
    return card ? { phrase: phrase, button: button, card: card } : null;
  }

  // On a wide screen a card opens beside its phrase: below it, or above
  // it where there is more room above; from the phrase's first word on
  // (its right in a right-to-left article), inside the window; clear of
  // every line of a phrase that wraps; in page coordinates, so that it
  // scrolls with its phrase. web/gloss.css anchors it so with CSS anchor
  // positioning for a page without script; this places it in every
  // engine alike, for two reasons. The engines disagree: WebKit (2.50)
  // picks the side as if the page were not scrolled and opens long cards
  // off the top of the window, and Firefox ignores position-try-order
  // and squeezes a long card into the little room below its phrase. And
  // Chromium lays an anchored card out inside showPopover, on the
  // reader's click (about 2 ms, make bench section 3), where one placed
  // here before it opens is laid out once, in the frame that draws it.
  // Nothing of the card is measured: its width and its greatest height
  // are gloss.css's (26rem, 34rem), and a card above its phrase hangs
  // from it by translate.
  //
  // A pointer places the card when it is pressed, before the release
  // that opens it: a finger or a mouse button is held longer than that
  // takes, so the opening does not wait for it. The placement holds while
  // the page is neither scrolled nor resized (placedFor); a key that
  // opens the card, or a script, places it as it opens.
  var placedProps = ["position", "position-area", "position-try-fallbacks", "inset", "margin", "top", "left", "max-height", "translate", "width"];
  // The root's font size in pixels, 1rem: read again after a resize,
  // which zooming fires too.
  var remPx = 0;
  function rem() {
    return remPx || (remPx = parseFloat(getComputedStyle(root).fontSize) || 16);
  }
  function placedFor() {
    return [scrollX, scrollY, innerWidth, innerHeight].join(" ");
  }
  function place(card, trigger) {
    // Everything is read before the card's style is written: a read of
    // the scroll position after a write had the browser recompute the
    // page's style, three times on each press (4 ms at CPU 4×).
    var placed = placedFor();
    var sx = scrollX, sy = scrollY;
    var em = rem();
    var phrase = phraseOf(trigger);
    var t = trigger.getBoundingClientRect(), p = phrase.getBoundingClientRect();
    var vw = root.clientWidth, vh = root.clientHeight;
    var gap = 6;
    var below = vh - p.bottom - 2 * gap, above = p.top - 2 * gap;
    var onTop = below < 34 * em && above > below;
    // As wide as gloss.css makes it, or as the room from the first word
    // to the window's edge, but not under 18rem: then it moves back in.
    if (phrase.glossRtl === undefined) phrase.glossRtl = getComputedStyle(phrase).direction === "rtl";
    var rtl = phrase.glossRtl;
    var w = Math.min(26 * em, innerWidth - 16);
    w = Math.max(Math.min(w, rtl ? t.right - 8 : vw - 8 - t.left), Math.min(w, 18 * em));
    var start = rtl ? t.right - w : t.left;
    var st = card.style;
    st.setProperty("position", "absolute");
    st.setProperty("position-area", "none");
    st.setProperty("position-try-fallbacks", "none");
    st.setProperty("inset", "auto");
    st.setProperty("margin", "0");
    st.setProperty("max-height", Math.floor(Math.min(34 * em, Math.max(onTop ? above : below, 0))) + "px");
    st.setProperty("top", Math.round((onTop ? p.top - gap : p.bottom + gap) + sy) + "px");
    st.setProperty("translate", onTop ? "0 -100%" : "none");
    st.setProperty("width", Math.floor(w) + "px");
    st.setProperty("left", Math.round(Math.max(8, Math.min(start, vw - w - 8)) + sx) + "px");
    card.glossPlaced = placed;
  }
  function unplace(card) {
    placedProps.forEach(function (k) { card.style.removeProperty(k); });
    card.glossPlaced = "";
  }
  // The phrase's button, for a card this script places: one in the
  // article, on a wide screen, not in a frame (gloss.css's own rules).
  function placedBy(card) {
    var trigger = triggerOf(card);
    return !embed && innerWidth >= wide && trigger && trigger.closest(".gloss-article") ? trigger : null;
  }
  function placeCard(card) {
    // place sets every property unplace removes, and reads nothing the
    // card's own style changes: no unplacing first, which would have the
    // next read recompute the page's style.
    var trigger = placedBy(card);
    if (trigger) place(card, trigger);
    else if (card.glossPlaced) unplace(card);
  }
  document.addEventListener("beforetoggle", function (e) {
    var card = e.target;
    if (e.newState !== "open" || !card.hasAttribute || !card.hasAttribute("popover")) return;
    if (card.glossPlaced !== placedFor()) placeCard(card);
  }, true);
  document.addEventListener("pointerdown", function (e) {
    var pressed = pressedPhrase(e);
    if (pressed && !pressed.button.disabled && !pressed.card.matches(":popover-open")) placeCard(pressed.card);
  }, true);
  // An open card is placed again when the window changes size: it may
  // now be wide, or narrow (a bottom sheet, gloss.css's).
  window.addEventListener("resize", function () {
    remPx = 0;
    var card = document.querySelector(".gloss-card:popover-open");
    if (card) placeCard(card);
  });

  // An opened card takes the focus, and the address bar names the open
  // card (a deep link to it), without a history entry. The popover API
  // opens cards without script; this keeps both true to it. (The browser
  // states whether a card is open on its popovertarget button itself.)
  document.addEventListener("toggle", function (e) {
    var card = e.target;
    if (!card.id || !card.hasAttribute || !card.hasAttribute("popover")) return;
    var open = e.newState === "open";
    var trigger = triggerOf(card);
    // Not autofocus: a cross-origin frame refuses it and logs an error.
    // Only while the page has focus, or for the reader's own click: a
    // card a frame reopens on load must not pull focus from the
    // publisher's page.
    var ua = navigator.userActivation;
    if (open && !card.contains(document.activeElement) && (document.hasFocus() || (ua && ua.isActive))) {
      card.focus({ preventScroll: true });
    }
    if (card.glossPlaced && !open) unplace(card);
    // After the card has been drawn: replaceState costs a round trip to
    // the browser process that the reader should not wait for.
    setTimeout(function () {
      var here = location.pathname + location.search;
      if (open) history.replaceState(history.state, "", here + "#" + card.id);
      else if (location.hash === "#" + card.id) history.replaceState(history.state, "", here);
    }, 0);
    // On a phone the card is a bottom sheet, which can cover the phrase
    // the reader tapped: once the card is drawn, the page moves the phrase
    // up above it, where there is room for that, all its lines. (A card
    // next to its phrase moves with it: scrolling would not help.)
    if (open && !embed && trigger && trigger.closest(".gloss-article") && matchMedia(narrowQuery).matches) {
      requestAnimationFrame(function () {
        setTimeout(function () {
          if (!card.matches(":popover-open")) return;
          var c = card.getBoundingClientRect(), p = phraseOf(trigger).getBoundingClientRect();
          var covered = p.bottom > c.top + 1 && p.top < c.bottom - 1 && p.right > c.left && p.left < c.right;
          var by = p.bottom + 8 - c.top;
          if (covered && p.top - by >= 0) window.scrollBy(0, by);
        }, 0);
      });
    }
  }, true);

  // A click on a phrase's words outside its button is passed to the
  // button by the label. When that phrase's card is open, the press has
  // already closed it (a click outside a popover), and the passed-on click
  // would open it again: the reader meant to close it, as a click on the
  // button itself does.
  var closingPhrase = null;
  document.addEventListener("pointerdown", function (e) {
    closingPhrase = null;
    var pressed = pressedPhrase(e);
    if (pressed && !pressed.button.contains(e.target) && pressed.card.matches(":popover-open")) closingPhrase = pressed.phrase;
  }, true);
  document.addEventListener("click", function (e) {
    var phrase = closingPhrase;
    closingPhrase = null;
    if (phrase && e.target.closest && e.target.closest(".gloss-phrase") === phrase && !e.target.closest(".gloss-mark")) e.preventDefault();
  }, true);

  // Printed, every card is an endnote after the article (web/gloss.css);
  // an open one, in the top layer, would print over the article instead.
  window.addEventListener("beforeprint", function () {
    var open = document.querySelector(".gloss-card:popover-open");
    if (open) open.hidePopover();
  });

  // Every link is the browser's: each page is the server's own, and a
  // card's link is its fragment (openFromHash). go-app's in-app router,
  // on window.onclick, would otherwise take links over once the wasm runs
  // (and open new tabs with window.open, without rel=noopener).
  document.addEventListener("click", function (e) {
    if (e.target.closest && e.target.closest("a[href]")) e.stopPropagation();
  });

  // "Copy link" is a link to its card: it always puts the card's address
  // in the address bar, and where the browser offers a clipboard it also
  // copies it and says so (in the page's words, from data-done).
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest(".gloss-permalink");
    if (!link) return;
    // Only now: the first read of navigator.clipboard makes it, which
    // took 4 ms at CPU 4× in the click that opens a card.
    var clip = navigator.clipboard;
    if (!clip || !clip.writeText) return;
    var status = link.parentElement.querySelector(".gloss-copied");
    var url = location.origin + location.pathname + location.search + link.getAttribute("href");
    clip.writeText(url).then(function () {
      if (!status) return;
      status.textContent = status.getAttribute("data-done");
      clearTimeout(status.glossTimer);
      status.glossTimer = setTimeout(function () { status.textContent = ""; }, 3000);
    }, function () {});
  });

  // "Hide highlights": the article reads as plain text and its phrases
  // are no longer buttons. The choice is kept across visits; the root's
  // class was set before first paint (above), the switch and the phrases
  // follow it as soon as they are parsed.
  var setPlain = function (on) {
    root.classList.toggle(plainClass, on);
    var sw = document.getElementById("gloss-plain");
    if (sw) sw.setAttribute("aria-pressed", on ? "true" : "false");
    document.querySelectorAll(".gloss-mark").forEach(function (b) {
      b.disabled = on;
    });
  };
  document.addEventListener("DOMContentLoaded", function () {
    if (root.classList.contains(plainClass)) setPlain(true);
  });
  document.addEventListener("click", function (e) {
    if (!e.target.closest || !e.target.closest("#gloss-plain")) return;
    var on = !root.classList.contains(plainClass);
    setPlain(on);
    try {
      localStorage.setItem(hideHighlights, on ? "true" : "false");
    } catch (err) {}
  });

  // Deep links: /#istanbul-talks opens that card, also before the wasm.
  function openFromHash() {
    dropBadFragment();
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    var card = el && el.closest("[popover]");
    if (!card || card.matches(":popover-open")) return;
    // The card opens next to its phrase, as when the reader clicks it:
    // opened by script, it has its phrase as anchor only when named as the
    // source. The phrase is brought into view first, a fifth of the way
    // down (above a phone's bottom sheet, with room for a card below it),
    // but not in a frame: that would scroll the publisher's page.
    var trigger = triggerOf(card);
    if (trigger && el === card && !embed) window.scrollBy(0, trigger.getBoundingClientRect().top - innerHeight / 5);
    card.showPopover(trigger ? { source: trigger } : undefined);
    if (el !== card && !embed) el.scrollIntoView({ block: "start" });
  }
  // Until the page has loaded, the browser keeps scrolling to the element
  // the address's fragment names: an open card, fixed in the top layer,
  // would pull its phrase out of view. So the card opens after load.
  window.addEventListener("load", function () { setTimeout(openFromHash, 0); });
  window.addEventListener("hashchange", openFromHash);

  // ------------------------------------------------------------------
  // The embed view's first layout. A frame often shares the publisher's
  // main thread (on Android, when memory is short), and laying the whole
  // article out at once was one task of 60–130 ms at CPU 4× there, the
  // publisher's longest (make bench section 8). web/gloss.css starts the
  // article's blocks skipped (content-visibility: auto, so those in view
  // are laid out at once); this lays out the others a few per task, each
  // under 15 ms. Only then does the frame tell the page its height: the
  // article's own, not an estimate.
  var laidOut = !embed, onLaidOut = [];
  var layOut = function () {
    var start = performance.now();
    var blocks = document.querySelectorAll(".gloss-text > *");
    for (var i = 0; i < blocks.length; i++) {
      var s = blocks[i].style;
      if (s.contentVisibility === "visible") continue;
      if (performance.now() - start > 15) return setTimeout(layOut, 0);
      s.contentVisibility = "visible";
      blocks[i].getBoundingClientRect();
    }
    laidOut = true;
    onLaidOut.forEach(function (f) { f(); });
  };
  if (embed) document.addEventListener("DOMContentLoaded", function () { setTimeout(layOut, 0); });

  // ------------------------------------------------------------------
  // Embed protocol: the frame's side of web/embed.js (docs/embedding.md).
  // In embed mode inside a frame, tell the parent page how tall the
  // content is, on load, on every resize and when a card opens or closes,
  // and which card opened or closed. Messages are plain objects:
  //   {gloss: 1, type: "height", height: N}          N in CSS pixels
  //   {gloss: 1, type: "card-open", id: ID, title: T}
  //   {gloss: 1, type: "card-close", id: ID, title: T}
  // Cards are native popovers, so this works before the wasm has loaded.
  if (framed) {
    // Messages go to the parent's origin only: Chromium and Safari name it
    // in ancestorOrigins; embed.js sends the frame a strict-origin
    // referrer for the others. Only where neither is known (a Firefox
    // page that sends no referrer) do they go to any origin: they carry
    // nothing the widget's public page does not show, and the parent of a
    // frame is the page showing it.
    var parentOrigin = "*";
    try {
      var ao = location.ancestorOrigins;
      var from = ao && ao.length ? ao[0] : new URL(document.referrer).origin;
      if (/^https?:\/\/[^/]+$/.test(from)) parentOrigin = from;
    } catch (e) {}
    var post = function (msg) {
      msg.gloss = 1;
      try {
        window.parent.postMessage(msg, parentOrigin);
      } catch (e) {}
    };
    var sent = -1;
    var sendHeight = function () {
      if (!laidOut) return;
      var h = root.getBoundingClientRect().height;
      // An open card stays inside the frame: CSS anchor positioning puts
      // it on a side of its phrase with room for it (web/gloss.css). When
      // neither side has room for the whole card, the frame grows below
      // the phrase until it has.
      var card = document.querySelector(".gloss-card:popover-open");
      var anchor = card && triggerOf(card);
      if (anchor) {
        var rem = parseFloat(getComputedStyle(root).fontSize) || 16;
        var cap = (card.classList.contains("gloss-about") ? 44 : 34) * rem;
        var need = Math.min(card.scrollHeight + card.offsetHeight - card.clientHeight, cap) + 12;
        var a = anchor.getBoundingClientRect();
        var top = a.top + window.scrollY, bottom = a.bottom + window.scrollY;
        if (top < need && h - bottom < need) h = bottom + need;
      }
      h = Math.ceil(h);
      if (h !== sent) {
        sent = h;
        post({ type: "height", height: h });
      }
    };
    // Measured at once, not in an animation frame: browsers skip frames
    // of a cross-origin iframe that is out of view, and the height must
    // reach the page before the reader scrolls to the frame.
    onLaidOut.push(sendHeight);
    window.addEventListener("load", sendHeight);
    // A card the frame grows for is brought into view again once the
    // frame has grown: the reader's click scrolled the page only as far as
    // the frame's old foot.
    var reveal = null;
    window.addEventListener("resize", function () {
      sendHeight();
      if (reveal && reveal.matches(":popover-open")) reveal.scrollIntoView({ block: "nearest", inline: "nearest" });
      reveal = null;
    });
    if (window.ResizeObserver) new ResizeObserver(sendHeight).observe(root);
    document.addEventListener("toggle", function (e) {
      var card = e.target;
      if (!card.classList || !card.classList.contains("gloss-card")) return;
      var title = document.getElementById(card.id + "-title");
      var open = e.newState === "open";
      post({
        type: open ? "card-open" : "card-close",
        id: card.id,
        title: title ? title.textContent.replace(/\s+/g, " ").trim() : "",
      });
      sendHeight();
      // The card is inside the frame but may reach past the part of it
      // the reader sees: bring it into view, which scrolls the page around
      // the frame as little as needed. Only for the reader's own action:
      // a card reopened on load must not scroll the publisher's page.
      var ua = navigator.userActivation;
      reveal = null;
      if (open && ua && ua.isActive) {
        card.scrollIntoView({ block: "nearest", inline: "nearest" });
        if (sent > root.getBoundingClientRect().height + 1) reveal = card;
      }
    }, true);
  }
})();
