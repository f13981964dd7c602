package wasmbuild

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/gloss/gloss/internal/wasmpack"
)

// A build gives what the server sends: a wasm module with its data
// segments merged, and the gzip copy of exactly those bytes. (The brotli
// copy is left out here: brotli -q 11 takes half a minute on it.) The
// go-app hello world of bench/floor stands for the wasm: it is built the
// same way, faster.
func TestBuildWritesThePackedWasmAndItsCopies(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "web", "floor.wasm")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	res, err := Build{Root: "../..", Pkg: "./bench/floor", Out: out, Cache: filepath.Join(dir, "cache"), Gzip: true}.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, st, err := wasmpack.Pack(raw); err != nil || st.Skipped != "" || st.Before != st.After || st.Before > 16 {
		t.Errorf("the wasm's data segments are not merged: %+v, %v", st, err)
	}
	if res.Pack.Before <= res.Pack.After {
		t.Errorf("the build merged no data segment: %+v", res.Pack)
	}
	gz, err := os.Open(out + ".gz")
	if err != nil {
		t.Fatal(err)
	}
	defer gz.Close()
	zr, err := gzip.NewReader(gz)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := io.ReadAll(zr); err != nil || !bytes.Equal(b, raw) {
		t.Errorf("the .gz copy is not the wasm (%d bytes, %v)", len(b), err)
	}
	if _, err := os.Stat(res.Work); err != nil {
		t.Errorf("the workspace file: %v", err)
	}
}
