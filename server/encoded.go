package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"sync"

	"github.com/andybalholm/brotli"
)

// encoded is a response body with its compressed copies, each made once,
// when first asked for: a reader's browser gets brotli where it accepts
// it, else gzip. Making them lazily keeps start-up and an edit's preview
// to rendering alone.
type encoded struct {
	identity []byte
	etag     string // the identity body's hash, unquoted
	quality  int    // brotli's

	gzOnce, brOnce sync.Once
	gzip, br       []byte
}

func (e *encoded) gzipped() []byte {
	e.gzOnce.Do(func() {
		if e.gzip == nil {
			e.gzip = gzipBest(e.identity)
		}
	})
	return e.gzip
}

func (e *encoded) brotli() []byte {
	e.brOnce.Do(func() {
		if e.br == nil {
			e.br = brotliOf(e.identity, e.quality)
		}
	})
	return e.br
}

// Brotli qualities: the best for what is compressed once per build, and
// one that keeps a preview edit or a page rendering quick.
const (
	brotliBest = 11
	brotliPage = 9
	brotliFast = 5
)

func encode(b []byte, brQuality int) *encoded {
	return &encoded{identity: b, etag: hash16(b), quality: brQuality}
}

// encodeFor is b for one response alone (a body built for its request):
// compressed fast, and only in the coding r will get.
func encodeFor(r *http.Request, b []byte) *encoded {
	e := encode(b, brotliFast)
	if negotiate(r, "br", "gzip") == "gzip" {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
		zw.Write(b)
		zw.Close()
		e.gzip = buf.Bytes()
	}
	return e
}

func brotliOf(b []byte, quality int) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, quality)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func gzipBest(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// serve sends e as ctype with the cache policy cache, in the best coding
// the request accepts. Each coding has its own ETag.
func (e *encoded) serve(w http.ResponseWriter, r *http.Request, ctype, cache string) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", cache)
	h.Add("Vary", "Accept-Encoding")
	body, etag := e.identity, e.etag
	enc := negotiate(r, "br", "gzip")
	switch enc {
	case "br":
		body, etag = e.brotli(), etag+"-br"
	case "gzip":
		body, etag = e.gzipped(), etag+"-gzip"
	}
	etag = `"` + etag + `"`
	h.Set("ETag", etag)
	if noneMatch(r, etag) {
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

func hash16(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}
