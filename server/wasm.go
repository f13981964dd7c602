package server

import (
	"fmt"
	"io/fs"
	"net/http"
	"strconv"
)

// wasmFiles is app.wasm with its pre-compressed copies, held in memory:
// compressing 7 MB per request would cost more than serving it.
type wasmFiles struct {
	raw, br, gz []byte
}

func loadWasm(web fs.FS) (*wasmFiles, error) {
	raw, err := fs.ReadFile(web, "app.wasm")
	if err != nil {
		return nil, fmt.Errorf("server: %w (run `make build` to build the wasm)", err)
	}
	w := &wasmFiles{raw: raw}
	// The compressed copies are optional: without them the raw wasm is sent.
	w.br, _ = fs.ReadFile(web, "app.wasm.br")
	w.gz, _ = fs.ReadFile(web, "app.wasm.gz")
	return w, nil
}

func (f *wasmFiles) serve(w http.ResponseWriter, r *http.Request, version string) {
	h := w.Header()
	h.Set("Content-Type", "application/wasm")
	h.Set("Vary", "Accept-Encoding")
	h.Set("Cache-Control", "no-cache")
	h.Set(WasmLengthHeader, strconv.Itoa(len(f.raw)))
	body, enc := f.raw, ""
	switch {
	case len(f.br) > 0 && acceptsEncoding(r, "br"):
		body, enc = f.br, "br"
	case len(f.gz) > 0 && acceptsEncoding(r, "gzip"):
		body, enc = f.gz, "gzip"
	}
	etag := `"` + version + "-" + enc + `"`
	h.Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}
