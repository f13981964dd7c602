// Gloss service worker, version {{.Version}}.
//
// Precaches every resource the pages need, one by one so that a missing
// resource is logged and skipped instead of failing the whole install.
// Pages are fetched from the network first and from the cache when the
// network fails, matched without their query string, so /?utm_source=x
// and /?embed=1 work offline too. Everything else is served from the cache
// first.
const cacheName = "gloss-{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(cacheName).then((cache) =>
      Promise.all(
        resourcesToCache.map((url) =>
          fetch(url, { cache: "reload" })
            .then((res) => {
              if (!res.ok) throw new Error(res.status + " " + res.statusText);
              return unredirected(res).then((res) => cache.put(url, res));
            })
            .catch((err) => console.warn("gloss: not precached", url, err))
        )
      )
    ).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k)))
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (req.mode === "navigate") {
    event.respondWith(networkFirst(req));
    return;
  }
  event.respondWith(cacheFirst(req));
});

async function networkFirst(req) {
  const cache = await caches.open(cacheName);
  try {
    const res = await fetch(req);
    if (res.ok) {
      cache.put(pageKey(req.url), res.clone());
    }
    return res;
  } catch (err) {
    const cached =
      (await cache.match(pageKey(req.url))) ||
      (await cache.match(req, { ignoreSearch: true }));
    if (cached) {
      return cached;
    }
    throw err;
  }
}

async function cacheFirst(req) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(req);
  if (cached) {
    return cached;
  }
  const res = await fetch(req);
  if (res.ok && res.type === "basic") {
    cache.put(req, res.clone());
  }
  return res;
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
