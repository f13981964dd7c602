package main

import (
	"bytes"
	"context"
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
	ctx := context.Background()
	body, status, err := get(ctx, url+"/anchor/app.wasm")
	if err != nil {
		t.Fatal(err)
	}
	if status != http.StatusOK || !bytes.Equal(body, wasm) {
		t.Errorf("/anchor/app.wasm: status %d, %d bytes; want the web folder's app.wasm", status, len(body))
	}
	head, err := http.Head(url + "/anchor/app.wasm")
	if err != nil {
		t.Fatal(err)
	}
	head.Body.Close()
	if typ := head.Header.Get("Content-Type"); typ != "application/wasm" {
		t.Errorf("/anchor/app.wasm is sent as %q, want application/wasm", typ)
	}
	body, status, err = get(ctx, url+"/anchor/compile.js")
	if err != nil {
		t.Fatal(err)
	}
	if status != http.StatusOK || !strings.Contains(string(body), `compileStreaming(fetch("/anchor/app.wasm"))`) {
		t.Errorf("/anchor/compile.js: status %d, %q; want a worker that compiles /anchor/app.wasm", status, body)
	}
}
