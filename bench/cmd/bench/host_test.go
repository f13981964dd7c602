package main

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The compile control's worker fetches the wasm of the web folder the
// bench measures, as a wasm (compileStreaming refuses another type).
func TestHostServesTheWasmTheControlCompiles(t *testing.T) {
	dir := t.TempDir()
	wasm := []byte("\x00asm\x01\x00\x00\x00 the module under test")
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	b := &Bench{webDir: dir}
	h, url, err := b.startHost()
	if err != nil {
		t.Fatal(err)
	}
	defer h.stop()
	get := func(path string) (*http.Response, []byte) {
		t.Helper()
		res, err := http.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		return res, body
	}
	res, body := get("/anchor/app.wasm")
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/wasm" || !bytes.Equal(body, wasm) {
		t.Errorf("/anchor/app.wasm: %s, %q, %d bytes; want the web folder's app.wasm as application/wasm", res.Status, res.Header.Get("Content-Type"), len(body))
	}
	res, body = get("/anchor/compile.js")
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), `compileStreaming(fetch("/anchor/app.wasm"))`) {
		t.Errorf("/anchor/compile.js: %s, %q; want a worker that compiles /anchor/app.wasm", res.Status, body)
	}
}
