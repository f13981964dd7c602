// Storage that always answers.

// An in-memory Storage: where the browser's is denied, and for the
// compile worker's stand-in page.
export function memoryStorage() {
  var data = {};
  return {
    getItem: (k) => { return k in data ? data[k] : null; },
    setItem: (k, v) => { data[k] = String(v); },
    removeItem: (k) => { delete data[k]; },
    clear: () => { data = {}; },
    key: (i) => { return Object.keys(data)[i] || null; },
    get length() { return Object.keys(data).length; },
  };
}

// Storage may be denied (third-party frames, privacy modes, a sandbox
// without allow-same-origin): go-app reads localStorage when it starts
// and would die on the exception, so put an in-memory store in its
// place. It returns whether storage was denied.
export function keepStorageUsable() {
  var denied = false;
  ["localStorage", "sessionStorage"].forEach((name) => {
    try {
      window[name].getItem("gloss");
    } catch (e) {
      denied = true;
      Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
    }
  });
  return denied;
}

// A frame denied storage is denied a service worker too (a sandbox's
// opaque origin; a browser that blocks the site's data), and go-app's
// app.js would log the refusal on the publisher's console: there, the
// page has no service worker API, so app.js registers none. The article
// and its cards need neither. (A frame with partitioned storage,
// third-party cookies blocked or not, gets a partitioned worker.) Called
// before app.js runs.
export function dropServiceWorker() {
  try {
    delete Navigator.prototype.serviceWorker;
  } catch (e) {}
}
