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

// Storage may be denied (third-party frames, privacy modes): go-app
// reads localStorage when it starts and would die on the exception, so
// put an in-memory store in its place.
export function keepStorageUsable() {
  ["localStorage", "sessionStorage"].forEach((name) => {
    try {
      window[name].getItem("gloss");
    } catch (e) {
      Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
    }
  });
}
