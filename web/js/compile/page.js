// The page's side of the compile worker (worker.js).

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
export function compileInWorker(root) {
  var src = document.currentScript && document.currentScript.src;
  window.glossCompileWasm = (url) => {
    var here = () => { return WebAssembly.compileStreaming(fetch(url)); };
    if (!src || !window.Worker) return here();
    return new Promise((resolve) => {
      var w;
      try {
        w = new Worker(src);
      } catch (e) {
        return resolve(here());
      }
      w.onmessage = (e) => {
        w.terminate();
        resolve(e.data instanceof WebAssembly.Module ? e.data : here());
      };
      w.onerror = (e) => {
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
}
