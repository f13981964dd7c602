package server

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
)

// GoAppFiles are go-app's own files, which its handler writes once for the
// build: the server and the export send them as GoAppFile makes them.
var GoAppFiles = []string{"/app.js", "/app-worker.js", "/app.css", "/wasm_exec.js"}

// GoAppFile is go-app's file at path p as h writes it, made fit to send:
// app.js loads the wasm only when web/gloss.js asks (wasmOnRequest),
// streams it straight to the compiler (streamWasm) and runs it in a task
// of its own (runInATaskOfItsOwn), and scripts and styles are minified. Each change to go-app's text is checked: a go-app that
// writes it otherwise fails the build, never the reader.
func GoAppFile(h http.Handler, p string) ([]byte, error) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
	if rec.Code != http.StatusOK || rec.Body.Len() == 0 {
		return nil, fmt.Errorf("go-app's %s: status %d, %d bytes", p, rec.Code, rec.Body.Len())
	}
	b := rec.Body.Bytes()
	if p == "/app.js" {
		var err error
		if b, err = streamWasm(b); err != nil {
			return nil, err
		}
		if b, err = runInATaskOfItsOwn(b); err != nil {
			return nil, err
		}
		if b, err = wasmOnRequest(b); err != nil {
			return nil, err
		}
	}
	b, err := Minify(p, b)
	if err != nil {
		return nil, fmt.Errorf("minify %s: %w", p, err)
	}
	return b, nil
}

// progressFetch is app.js's call that fetches the wasm for
// instantiateStreaming.
var progressFetch = []byte(`fetchWithProgress("`)

// streamWasm makes app.js hand the wasm's response to
// WebAssembly.instantiateStreaming as it comes from the network. go-app
// wraps it in a ReadableStream of its own to count the bytes for its
// loader's percentage; fed from script, the browser decodes the module on
// the main thread as the chunks arrive (about 120 ms at full CPU speed for
// Gloss's wasm), where a network response is compiled off it.
func streamWasm(js []byte) ([]byte, error) {
	if bytes.Count(js, progressFetch) != 1 {
		return nil, errors.New("go-app's app.js does not fetch the wasm as expected; the streaming fix needs updating")
	}
	return bytes.Replace(js, progressFetch, []byte(`fetch("`), 1), nil
}

// goRun is app.js's start of the Go program, right after the module has
// been compiled and instantiated.
var goRun = []byte(`go.run(wasm.instance);`)

// afterNextFrame is a statement of an async function that returns once
// the browser has drawn a frame, in a task of its own.
const afterNextFrame = `await new Promise((r) => { let done = false; const next = () => { if (!done) { done = true; setTimeout(r, 0); } }; requestAnimationFrame(next); setTimeout(next, 100); });`

// runInATaskOfItsOwn makes app.js let the browser breathe between
// instantiating the wasm and running it: the browser finishes the compile
// and instantiation in one task, and the Go program, awaited at once,
// would run in the same one (together about 130 ms at full CPU speed, a
// tap's worth of blocking). It waits for the next frame to be drawn, so a
// card the reader opened meanwhile is on screen before Go starts (or
// 100 ms, in a hidden tab that draws none).
func runInATaskOfItsOwn(js []byte) ([]byte, error) {
	if bytes.Count(js, goRun) != 1 {
		return nil, errors.New("go-app's app.js does not start the Go program as expected; the yield before it needs updating")
	}
	return bytes.Replace(js, goRun, []byte(afterNextFrame+string(goRun)), 1), nil
}

// startWasm is app.js's last top-level statement: it loads and runs the
// wasm as soon as app.js runs.
var startWasm = []byte("\ngoappInitWebAssembly();\n")

// wasmOnRequest leaves the wasm's start to web/gloss.js, which calls
// window.goappStartWasm when the wasm has something to add: on the
// reader's first interaction, or when a new version is ready. app.js itself (the service worker, the
// install and update watchers) still runs when it is loaded.
func wasmOnRequest(js []byte) ([]byte, error) {
	if bytes.Count(js, startWasm) != 1 {
		return nil, errors.New("go-app's app.js does not start the wasm as expected; the start on request needs updating")
	}
	return bytes.Replace(js, startWasm, []byte("\nwindow.goappStartWasm = goappInitWebAssembly;\n"), 1), nil
}
