// The compile worker: gloss.js, run as a worker of its own page (page.js
// starts it), fetches and compiles the wasm at the address the page
// posts, off the page's main thread, warms it, and posts the module
// back, or the error's text.
import { pageDouble } from "./page-double.js";

// V8 compiles each wasm function on its first call, on the thread
// that makes it: on the page's, the Go runtime's start, the packages'
// inits and go-app's start were most of the wasm's main-thread work
// (make bench section 7). Running that start here once (go-app's
// wasm_exec.js, then the program as on the page, waiting for no frame:
// app/pace) compiles their code in this worker; the code is the
// module's, which the page's instance shares. Whatever fails here
// only leaves the page more to compile.
function warm(module, m) {
  return new Promise((done) => {
    var timer = setTimeout(done, 3000);
    var finish = () => {
      clearTimeout(timer);
      done();
    };
    try {
      var u = new URL(String(m.exec), location.href);
      if (u.origin !== location.origin) return finish();
      importScripts(u.href);
      pageDouble(String(m.page), String(m.lang || ""), Object(m.env), finish);
      var go = new Go();
      WebAssembly.instantiate(module, go.importObject).then((inst) => {
        return go.run(inst);
      }).then(finish, finish);
    } catch (e) {
      finish();
    }
  });
}

export function serveCompiles() {
  var post = self.postMessage.bind(self);
  self.onmessage = (e) => {
    var m = e.data || {};
    var url = new URL(String(m.wasm), location.href);
    if (url.origin !== location.origin) return post("not this site's wasm: " + url.href);
    WebAssembly.compileStreaming(fetch(url.href)).then((module) => {
      return warm(module, m).then(() => {
        try {
          post(module);
        } catch (err) {
          post(String(err));
        }
      });
    }).catch((err) => {
      post(String(err));
    });
  };
}
