package goapp

import (
	"bytes"
	"fmt"
	"net/http"

	"github.com/gloss/gloss/internal/minify"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// File is one file of go-app's, at its URL path (under the build's
// root), as Gloss sends it.
type File struct {
	Path string
	Body []byte
}

// Files are go-app's own files of the build.
func (a *Adapter) Files() []File { return a.files }

// goAppFileNames are go-app's own files, which its handler writes once
// for the build.
var goAppFileNames = []string{"/app.js", "/app-worker.js", "/app.css", "/wasm_exec.js"}

// goAppFiles are go-app's files as h writes them, made fit to send:
// app.js with appJSChanges, and scripts and styles minified. go-app has
// no API for them but its handler: it is asked once per build, in memory.
func goAppFiles(h *app.Handler) ([]File, error) {
	var files []File
	for _, p := range goAppFileNames {
		b, err := goAppFile(h, p)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: h.Resources.Package() + p, Body: b})
	}
	return files, nil
}

func goAppFile(h http.Handler, p string) ([]byte, error) {
	req, err := http.NewRequest(http.MethodGet, p, nil)
	if err != nil {
		return nil, err
	}
	var w memWriter
	h.ServeHTTP(&w, req)
	if w.code != 0 && w.code != http.StatusOK || w.body.Len() == 0 {
		return nil, fmt.Errorf("go-app's %s: status %d, %d bytes", p, w.code, w.body.Len())
	}
	b := w.body.Bytes()
	if p == "/app.js" {
		for _, c := range appJSChanges {
			if bytes.Count(b, []byte(c.old)) != 1 {
				return nil, fmt.Errorf("go-app's app.js no longer has %q once; %s needs updating", c.old, c.what)
			}
			b = bytes.Replace(b, []byte(c.old), []byte(c.new), 1)
		}
	}
	b, err = minify.File(p, b)
	if err != nil {
		return nil, fmt.Errorf("minify %s: %w", p, err)
	}
	return b, nil
}

// memWriter keeps what go-app's handler writes.
type memWriter struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (w *memWriter) Header() http.Header {
	if w.header == nil {
		w.header = make(http.Header)
	}
	return w.header
}

func (w *memWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
}

func (w *memWriter) Write(b []byte) (int, error) { return w.body.Write(b) }

// afterNextFrame is a statement of an async function that returns once
// the browser has drawn a frame, in a task of its own (or after 100 ms, in
// a hidden tab that draws none).
const afterNextFrame = `await new Promise((r) => { let done = false; const next = () => { if (!done) { done = true; setTimeout(r, 0); } }; requestAnimationFrame(next); setTimeout(next, 100); });`

// appJSChanges are what Gloss changes in go-app's app.js, each a text that
// must occur exactly once: a go-app that writes app.js otherwise fails the
// build, never the reader.
var appJSChanges = []struct{ old, new, what string }{
	// Compile the wasm in a worker, off the page's main thread:
	// web/gloss.js's glossCompileWasm gives the compiled module, which
	// app.js then instantiates. Chromium decodes a streamed module on the
	// thread that receives it: on the page's, go-app's byte-counting
	// stream (for its loader's percentage) cost about 120 ms at full CPU
	// speed, and the network response itself still about 150 ms at CPU
	// 4×, in one task (make bench section 7).
	{`fetchWithProgress("`, `glossCompileWasm("`, "the compile in a worker"},
	// The module posted from the worker is deserialized in the task that
	// receives it (about 8 ms at CPU 4×), and the instantiation (about 14
	// ms) would follow in the same task: they are two.
	{`let instantiateStreaming = WebAssembly.instantiateStreaming;`,
		`let instantiateStreaming = async (module, importObject) => { const compiled = await module; await new Promise((r) => setTimeout(r, 0)); return { instance: await WebAssembly.instantiate(compiled, importObject) }; };`,
		"the instantiation of a compiled module, in a task of its own"},
	// Let the browser draw between instantiating the wasm and running
	// it: the compile and instantiation finish in one task, and the Go
	// program, awaited at once, would run in the same one (together about
	// 130 ms at full CPU speed). A card the reader opened meanwhile is on
	// screen before Go starts.
	{`go.run(wasm.instance);`, afterNextFrame + `go.run(wasm.instance);`, "the yield before go.run"},
	// Leave the wasm's start to web/gloss.js, which calls
	// window.goappStartWasm when the wasm has something to add: on the
	// reader's first interaction, or when a new version is ready. app.js
	// itself (the service worker, the install and update watchers) still
	// runs when it is loaded.
	{"\ngoappInitWebAssembly();\n", "\nwindow.goappStartWasm = goappInitWebAssembly;\n", "the wasm's start on request"},
	// web/gloss.js starts the wasm on a first visit once the service
	// worker has installed: this promise settles once app.js has
	// registered it, or failed to.
	{"\ngoappInitServiceWorker();\n", "\nwindow.glossServiceWorker = goappInitServiceWorker();\n", "the service worker's registration"},
}
