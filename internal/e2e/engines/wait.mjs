// What every list of checks shares: the desktop viewport, waiting, and
// the in-page questions they ask.

export const desktop = { width: 1280, height: 800 };

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// until polls fn (in Node) until it returns a truthy value or time runs
// out, then returns its last value. Errors while polling (a page being
// replaced) count as "not yet".
export async function until(fn, ms = 5000) {
  const deadline = Date.now() + ms;
  let v;
  for (;;) {
    try {
      v = await fn();
    } catch {
      v = undefined;
    }
    if (v || Date.now() > deadline) return v;
    await sleep(25);
  }
}

// In-page functions: each is sent to the browser on its own, so they
// cannot use anything outside their body.
export const wasmRequested = () =>
  document.documentElement.classList.contains("gloss-starting") || performance.getEntriesByType("resource").some((e) => /\.wasm(\?|$)/.test(e.name));
export const isOpen = (id) => { const c = document.getElementById(id); return !!c && c.matches(":popover-open"); };
export const noneOpen = () => !document.querySelector(":popover-open");
