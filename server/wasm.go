package server

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/http"
	"strconv"
	"time"
)

// wasmFiles is app.wasm with its pre-compressed copies, held in memory:
// compressing 7 MB per request would cost more than serving it.
type wasmFiles struct {
	raw, br, gz []byte
	etag        string
}

func loadWasm(web fs.FS) (*wasmFiles, error) {
	raw, err := fs.ReadFile(web, "app.wasm")
	if err != nil {
		return nil, fmt.Errorf("server: %w (run `make build` to build the wasm)", err)
	}
	w := &wasmFiles{raw: raw, etag: hash16(raw)}
	// The compressed copies are optional: without them the raw wasm is sent.
	w.br, _ = fs.ReadFile(web, "app.wasm.br")
	w.gz, _ = fs.ReadFile(web, "app.wasm.gz")
	return w, nil
}

// serve sends the wasm in the best coding the client accepts. Under its
// content's name (immutable) it is cached for good; /web/app.wasm, for
// tools and old pages, is revalidated. The identity body honours Range,
// so an interrupted download can resume.
func (f *wasmFiles) serve(w http.ResponseWriter, r *http.Request, immutable bool) {
	h := w.Header()
	h.Set("Content-Type", "application/wasm")
	h.Set("Vary", "Accept-Encoding")
	if immutable {
		h.Set("Cache-Control", CacheForever)
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	h.Set(WasmLengthHeader, strconv.Itoa(len(f.raw)))
	var offered []string
	if len(f.br) > 0 {
		offered = append(offered, "br")
	}
	if len(f.gz) > 0 {
		offered = append(offered, "gzip")
	}
	body, enc := f.raw, negotiate(r, offered...)
	etag := `"` + f.etag + `"`
	switch enc {
	case "br":
		body, etag = f.br, `"`+f.etag+`-br"`
	case "gzip":
		body, etag = f.gz, `"`+f.etag+`-gzip"`
	}
	h.Set("ETag", etag)
	if noneMatch(r, etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	// Ranges apply to the body as sent, compressed or not (RFC 9110
	// §14.1.1), so each coding resumes on its own bytes.
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}
