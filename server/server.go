package server

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gloss/gloss/site"
)

// Server is Gloss's HTTP handler: it looks the site's outputs up and adds
// what only a server does: encoding negotiation, revalidation, the live
// preview and the oEmbed endpoint. Its site (package site) can be
// replaced while it serves, by SetArticles, for the live preview.
type Server struct {
	cfg  Config
	site atomic.Pointer[site.Site]
	// fixed are the encodings of the site's outputs that do not depend on
	// the articles, by key; pages are kept in pages, within a bound.
	fixedMu sync.Mutex
	fixed   map[string]*encoded
	pages   *lru
	setMu   sync.Mutex
	preview *preview
}

// New builds the site cfg describes, so that a broken build fails here,
// at start-up, and not in a reader's browser. Pages are rendered when
// first asked for, so start-up does not grow with the archive.
func New(cfg Config) (*Server, error) {
	st, err := site.Build(site.Config{
		Archive:        cfg.Archive,
		Articles:       cfg.Articles,
		Web:            cfg.Web,
		Version:        cfg.Version,
		Origin:         cfg.Origin,
		FrameAncestors: cfg.FrameAncestors,
		Preview:        cfg.Preview,
	})
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	s := &Server{cfg: cfg, fixed: make(map[string]*encoded), pages: newLRU(pageCacheBytes)}
	s.site.Store(st)
	if cfg.Preview {
		s.preview = newPreview()
	}
	return s, nil
}

// pageCacheBytes bounds the memory the server keeps pages in, with their
// compressed copies: about a thousand of the seed article's page. A page
// that is not kept is rendered again when asked for.
const pageCacheBytes = 96 << 20

// Version is the version of the build the server was started with.
func (s *Server) Version() string { return s.site.Load().Version() }

// ServeHTTP serves a request, with security headers.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	st := s.site.Load()
	embedView := r.URL.Query().Get("embed") == "1"
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		s.setHeaders(w, st.Headers(notFound, false))
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	path := r.URL.Path
	if o, ok := st.Lookup(path); ok {
		s.setHeaders(w, st.Headers(o, embedView))
		s.serveOutput(w, r, st, o)
		return
	}
	s.setHeaders(w, st.Headers(notFound, embedView))
	switch {
	case path == "/oembed":
		s.serveOEmbed(w, r, st)
	case s.preview != nil && strings.HasPrefix(path, previewPrefix):
		s.preview.ServeHTTP(w, r)
	default:
		http.NotFound(w, r)
	}
}

// notFound stands for what is not an output of the site: an error, the
// oEmbed endpoint, the preview's stream.
var notFound = &site.Output{Paths: []string{""}, Kind: site.KindAsset}

func (s *Server) setHeaders(w http.ResponseWriter, hs []site.Header) {
	h := w.Header()
	for _, x := range hs {
		h.Set(x.Name, x.Value)
	}
}

// serveOutput sends output o in the best coding the request accepts.
func (s *Server) serveOutput(w http.ResponseWriter, r *http.Request, st *site.Site, o *site.Output) {
	cache := o.Cache
	// A URL that names the asset's current content ("?v=" its hash, as
	// the pages write it) never changes meaning: cache it for good.
	if o.Versioned != "" && "?"+r.URL.RawQuery == o.Versioned {
		cache = site.CacheForever
	}
	if (o.Kind == site.KindPage || o.Kind == site.KindDemo) && st.Origin() == "" {
		// Without a public origin, a page asked for by a loopback
		// address (a newsroom's preview, a test) gets og:url and its
		// oEmbed link for that address (the demo page, its snippet),
		// built for this response alone:
		// nothing is kept per Host, so no client can fill the server
		// with made-up ones, and no other Host gets an absolute URL it
		// named itself.
		if origin, ok := loopbackOrigin(r); ok {
			body, err := st.PageFor(o, origin)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			encodeFor(r, body).serve(w, r, o.Type, cache)
			return
		}
	}
	if !site.IsText(o.Type) {
		s.serveBinary(w, r, o, cache)
		return
	}
	e, err := s.encoded(o)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	e.serve(w, r, o.Type, cache)
}

// encoded is o's body with its compressed copies, made once and kept:
// for good for the build's outputs, within the bound for the rest (the
// pages, and what is made of the articles).
func (s *Server) encoded(o *site.Output) (*encoded, error) {
	key := o.Key()
	if o.Lasting() {
		s.fixedMu.Lock()
		defer s.fixedMu.Unlock()
		if e, ok := s.fixed[key]; ok {
			return e, nil
		}
	} else if e, ok := s.pages.get(key); ok {
		return e, nil
	}
	body, err := o.Body()
	if err != nil {
		return nil, err
	}
	quality := brotliPage
	if o.Lasting() {
		quality = brotliBest
	}
	e := encode(body, quality)
	if o.Lasting() {
		s.fixed[key] = e
	} else {
		s.pages.put(key, e)
	}
	return e, nil
}

// serveBinary sends an output that is not text: the wasm, in the coding
// the request accepts of its copies, and images. Ranges apply to the body
// as sent (RFC 9110 §14.1.1), so an interrupted download resumes on its
// own bytes.
func (s *Server) serveBinary(w http.ResponseWriter, r *http.Request, o *site.Output, cache string) {
	h := w.Header()
	h.Set("Content-Type", o.Type)
	h.Set("Cache-Control", cache)
	body, err := o.Body()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	etag := o.Key()
	if len(o.Compressed) > 0 {
		h.Set("Vary", "Accept-Encoding")
		var offered []string
		for _, c := range []string{"br", "gzip"} {
			if len(o.Compressed[c]) > 0 {
				offered = append(offered, c)
			}
		}
		if enc := negotiate(r, offered...); enc != "" {
			body, etag = o.Compressed[enc], etag+"-"+enc
			h.Set("Content-Encoding", enc)
		}
	}
	etag = `"` + etag + `"`
	h.Set("ETag", etag)
	if noneMatch(r, etag) {
		h.Del("Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}
