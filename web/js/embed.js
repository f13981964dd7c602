// Gloss embed script: turns each <blockquote class="gloss-embed"> linking
// to a Gloss article into an iframe of it, sized to its content. No
// dependencies, no globals, nothing else on the publisher's page touched.
// The message protocol and the events are described in docs/embedding.md.
var frames = [];
var queued = false;

function embed(bq) {
  var a = bq.querySelector("a[href]");
  var url;
  try {
    url = new URL(a.href);
  } catch (e) {
    return;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return;
  // The oEmbed answer's html has its iframe right after the blockquote
  // (for consumers that run no script: docs/embedding.md): that one is
  // the frame, not a second.
  var next = bq.nextElementSibling;
  if (next && next.matches("iframe.gloss-embed")) return adopt(bq, next, url);
  var theme = bq.getAttribute("data-theme");
  url.searchParams.set("embed", "1");
  if (/^(light|dark|auto)$/.test(theme)) url.searchParams.set("theme", theme);

  var f = document.createElement("iframe");
  f.src = url.href;
  f.title = a.textContent.replace(/\s+/g, " ").trim() || "Gloss article";
  f.className = "gloss-embed";
  f.loading = "lazy";
  // The frame learns the page's origin, not its path.
  f.referrerPolicy = "strict-origin";
  // Never navigating or prompting on the publisher's page.
  f.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox");
  var s = f.style;
  s.display = "block";
  s.width = "100%";
  s.border = "0";
  // A light or dark page says so: the frame then stays transparent on it.
  if (theme === "light" || theme === "dark") s.colorScheme = theme;

  // Reserve a height before the frame loads (data-height, from /oembed,
  // estimates it; in view, down to the viewport's bottom), so growing
  // to its content moves nothing the reader sees.
  var r = bq.getBoundingClientRect();
  var est = parseInt(bq.getAttribute("data-height"), 10);
  est = est > 0 && est < 20000 ? est : 480;
  var h = Math.ceil(Math.max(est, r.height, r.top < innerHeight && r.bottom > 0 ? innerHeight - r.top : 0));
  s.height = h + "px";
  // A box takes the space now; the frame, costly to create, replaces
  // it in a task of its own (docs/embedding.md).
  var box = document.createElement("div");
  box.className = f.className;
  box.style.cssText = s.cssText;
  var o = { f: f, el: box, origin: url.origin, h: h, want: h };
  bq.parentNode.replaceChild(box, bq);
  frames.push(o);
  setTimeout(() => {
    if (!box.parentNode) return;
    f.style.height = box.style.height;
    box.parentNode.replaceChild(f, box);
    o.el = f;
  }, 0);
}

// adopt takes the oEmbed html's own iframe f in place of the blockquote
// bq: it keeps its reserved height, and is asked for its height, which
// it may have sent before this script listened.
function adopt(bq, f, url) {
  var src;
  try {
    src = new URL(f.src);
  } catch (e) {
    return;
  }
  if (src.origin !== url.origin) return;
  var s = f.style;
  s.display = "block";
  s.width = "100%";
  s.border = "0";
  var h = Math.ceil(f.getBoundingClientRect().height) || 480;
  s.height = h + "px";
  f.removeAttribute("width");
  f.removeAttribute("height");
  bq.parentNode.removeChild(bq);
  var o = { f: f, el: f, origin: url.origin, h: h, want: h };
  frames.push(o);
  // Nothing in it is private: "*" spares a frame still loading its
  // first document a refused message (and the console its error).
  var ask = () => {
    if (f.contentWindow) f.contentWindow.postMessage({ gloss: 1, type: "ready" }, "*");
  };
  ask();
  f.addEventListener("load", ask);
}

function scan() {
  var list = document.querySelectorAll("blockquote.gloss-embed");
  for (var i = 0; i < list.length; i++) embed(list[i]);
}

// Resize a frame to the height it asked for: growing at once; shrinking
// only to the viewport's bottom while on screen, the rest out of view.
function fit(o) {
  var want = o.want;
  if (want < o.h) {
    var r = o.el.getBoundingClientRect();
    if (r.bottom > 0 && r.top < innerHeight) want = Math.min(o.h, Math.max(want, Math.ceil(innerHeight - r.top)));
  }
  if (want !== o.h) {
    o.h = want;
    o.el.style.height = want + "px";
  }
}

function refit() {
  queued = false;
  for (var i = 0; i < frames.length; i++) if (frames[i].h !== frames[i].want) fit(frames[i]);
}

// A frame in view before its height arrived (the reader jumped to it)
// is stretched to the viewport's bottom, so it then grows out of sight.
function reserve() {
  for (var i = 0; i < frames.length; i++) {
    var o = frames[i];
    if (o.sized) continue;
    var r = o.el.getBoundingClientRect();
    var h = Math.ceil(innerHeight - r.top);
    if (r.top < innerHeight && r.bottom > 0 && h > o.h) {
      o.h = o.want = h;
      o.el.style.height = h + "px";
    }
  }
}

function later() {
  reserve();
  if (!queued) {
    queued = true;
    setTimeout(refit, 100);
  }
}

addEventListener("message", (e) => {
  for (var i = 0; i < frames.length; i++) {
    var o = frames[i];
    if (!e.source || e.source !== o.f.contentWindow) continue;
    if (e.origin !== o.origin) return;
    var d = e.data;
    if (!d || typeof d !== "object" || d.gloss !== 1) return;
    if (d.type === "height") {
      if (typeof d.height === "number" && d.height >= 0 && d.height <= 100000) {
        o.sized = true;
        o.want = Math.ceil(d.height);
        fit(o);
      }
    } else if ((d.type === "card-open" || d.type === "card-close") &&
        typeof d.id === "string" && typeof d.title === "string") {
      o.f.dispatchEvent(new CustomEvent("gloss:" + d.type, {
        bubbles: true,
        detail: { id: d.id.slice(0, 200), title: d.title.slice(0, 500) },
      }));
    }
    return;
  }
});
addEventListener("scroll", later, { passive: true });
addEventListener("resize", later);

scan();
// An async script may run before the parser has reached every snippet.
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
