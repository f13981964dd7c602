// Gloss service worker, version {{.Version}}.
//
// It precaches the app shell only: go-app's scripts, the wasm, styles and
// icons, never an article, so a reader's cache does not grow with the
// archive. Each page a reader opens is kept, in a cache of its own that
// outlives versions, and served when the network fails; any other page
// offline gets a short page listing the ones that can be read.
//
// Pages are fetched from the network first, so the first load after a
// deploy shows the new text; a 5xx (a proxy during a deploy) counts as a
// failure. Everything else is served from the cache first.
const cacheName = "gloss-{{.Version}}";
const pagesCache = "gloss-pages";
const resourcesToCache = {{.ResourcesToCache}};
// go-app lists the site's root page too: it is an article, kept like any
// other when it is read.
const shell = resourcesToCache.filter((url) => new URL(url, self.location).href !== self.registration.scope);

// critical are the files without which the app cannot start offline: a
// new version that cannot cache them all does not install, and the
// previous one (with its cache) stays.
const critical = (url) =>
  /\/(app\.js|wasm_exec\.js|app-worker\.js)$/.test(url) || /\.wasm$/.test(url) || /\/web\/gloss\.(css|js)/.test(url);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) =>
        Promise.all(
          shell.map((url) =>
            // A URL named by its content (the wasm) may come from the
            // HTTP cache: the page has just downloaded it. Others are
            // revalidated.
            fetch(url, { cache: /[?-][0-9a-f]{16}(\.wasm)?$|\?v=/.test(url) ? "default" : "no-cache" })
              .then((res) => {
                if (!res.ok) throw new Error(res.status + " " + res.statusText);
                return unredirected(res).then((res) => cache.put(url, res));
              })
              .catch((err) => {
                if (critical(url)) throw new Error("gloss: cannot precache " + url + ": " + err.message);
                console.warn("gloss: not precached", url, err);
              })
          )
        ).catch((err) => caches.delete(cacheName).then(() => Promise.reject(err)))
      )
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k !== cacheName && k !== pagesCache).map((k) => caches.delete(k))
        )
      )
      // Saved before claimed: a page the worker controls is one the
      // reader can expect to reopen offline.
      .then(keepOpenPages)
      .then(() => self.clients.claim())
  );
});

// keepOpenPages keeps the pages open when the worker first takes charge:
// their load came before it, so it never saw them, and the reader has
// read them.
async function keepOpenPages() {
  const pages = await caches.open(pagesCache);
  const open = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  await Promise.all(
    open.map(async (client) => {
      const key = pageKey(client.url);
      if (new URL(client.url).origin !== self.location.origin || (await pages.match(key))) return;
      try {
        const res = await fetch(client.url, { cache: "default" });
        if (res.ok) await keep(pages, client.url, await unredirected(res));
      } catch (err) {
        console.warn("gloss: page not kept", client.url, err);
      }
    })
  );
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (req.mode === "navigate") {
    event.respondWith(networkFirst(event));
    return;
  }
  event.respondWith(cacheFirst(event));
});

// networkFirst and cacheFirst answer at once and write the cache in the
// event's waitUntil: the browser keeps the worker alive until the write
// has ended, and a write that fails says so.
async function networkFirst(event) {
  const req = event.request;
  const pages = await caches.open(pagesCache);
  let res = null;
  try {
    res = await fetch(req);
    if (res.ok) {
      event.waitUntil(written(req.url, keep(pages, req.url, res.clone())));
      return res;
    }
    if (res.status < 500) {
      return res;
    }
  } catch (err) {
    // Offline: the cache answers.
  }
  const cached = await pages.match(pageKey(req.url));
  if (cached) {
    return cached;
  }
  return res || offlinePage(pages);
}

// keep stores a page read at url, and under its canonical address too
// when that differs (the newest article is read at "/"), so that either
// address opens it offline.
async function keep(pages, url, res) {
  const body = await res.blob();
  const copy = () => new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  await pages.put(pageKey(url), copy());
  const m = /<link href="([^"]+)" rel="canonical">/.exec(await body.text());
  if (!m) return;
  const canonical = pageKey(new URL(m[1].replace(/&amp;/g, "&"), url).href);
  if (canonical !== pageKey(url) && canonical.startsWith(self.location.origin + "/")) {
    await pages.put(canonical, copy());
  }
}

async function cacheFirst(event) {
  const req = event.request;
  const cache = await caches.open(cacheName);
  const cached = await cache.match(req);
  if (cached) {
    return cached;
  }
  const res = await fetch(req);
  if (res.ok && res.type === "basic") {
    event.waitUntil(written(req.url, cache.put(req, res.clone())));
  }
  return res;
}

// written reports a cache write that failed (a full quota, an engine
// that refuses the write): the reader's copy is then missing.
function written(url, write) {
  return write.catch((err) => console.warn("gloss: not saved for offline reading", url, err));
}

// offlinePage is what a reader offline gets for a page never opened: the
// pages that can be read, by their titles. It needs nothing from the
// network and, with no cache at all (an engine evicted it), still reads.
async function offlinePage(pages) {
  const items = [];
  const seen = new Set();
  for (const key of await pages.keys()) {
    const res = await pages.match(key);
    // The title is HTML already, escaped as the page has it.
    const title = (/<title>([^<]*)<\/title>/.exec(await res.text()) || [])[1] || escapeHTML(key.url);
    if (seen.has(title)) continue;
    seen.add(title);
    items.push('<li><a href="' + escapeHTML(key.url) + '">' + title + "</a></li>");
  }
  const css = resourcesToCache.find((u) => /\/web\/gloss\.css/.test(u));
  const list = items.length
    ? "<p>These pages (articles, and the pages of shared cards) were saved on this device when you read them:</p><ul>" + items.join("") + "</ul>"
    : "<p>No page has been saved on this device yet: open an article while online to read it offline later.</p>";
  const body =
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    "<title>Offline</title>" +
    (css ? '<link rel="stylesheet" href="' + escapeHTML(css) + '">' : "") +
    '</head><body><main class="gloss gloss-offline"><h1>You are offline</h1>' +
    "<p>This page has not been saved for reading offline.</p>" +
    list +
    "</main></body></html>";
  return new Response(body, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function escapeHTML(s) {
  return s.replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";");
}

// pageKey is the cache key of a page: its path, without query, fragment
// or trailing slash, as static hosts serve /a/x and /a/x/ (and /base and
// /base/) as the same page.
function pageKey(href) {
  const u = new URL(href);
  let path = u.pathname;
  if (path.length > 1 && path.endsWith("/")) {
    path = path.slice(0, -1);
  }
  return u.origin + path;
}

// unredirected copies a response that came through a redirect (a static
// host sends /a/x on to /a/x/): the browser refuses a redirected response
// as the answer to a navigation.
async function unredirected(res) {
  if (!res.redirected) {
    return res;
  }
  return new Response(await res.blob(), {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  });
}
