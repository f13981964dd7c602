package server

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"

	ui "github.com/gloss/gloss/app"
)

// Server is Gloss's HTTP handler.
type Server struct {
	cfg      Config
	app      http.Handler
	pages    map[string]Page
	wasm     *wasmFiles
	manifest []byte
	static   http.Handler
	version  string
	embed    *embedding
}

// New pre-renders every page and loads the wasm, so that a broken build
// fails here, at start-up, and not in a reader's browser.
func New(cfg Config) (*Server, error) {
	if len(cfg.Articles) == 0 {
		return nil, errors.New("server: no articles to serve")
	}
	if cfg.Web == nil {
		return nil, errors.New("server: no web assets")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	version := cfg.Version
	if version == "" {
		v, err := Fingerprint(cfg.Web)
		if err != nil {
			return nil, fmt.Errorf("server: fingerprint web assets: %w", err)
		}
		version = v
	}
	wasm, err := loadWasm(cfg.Web)
	if err != nil {
		return nil, err
	}
	ui.Routes(cfg.Articles, nil)
	h := AppHandler(cfg.Articles, version)
	s := &Server{
		cfg:      cfg,
		app:      h,
		pages:    make(map[string]Page),
		wasm:     wasm,
		static:   http.StripPrefix("/web", http.FileServerFS(cfg.Web)),
		version:  version,
		manifest: Manifest(Info),
	}
	for _, p := range Paths(cfg.Articles) {
		page, err := Render(h, p)
		if err != nil {
			return nil, fmt.Errorf("server: %w", err)
		}
		s.pages[p] = page
		if p != "/" {
			s.pages[p+"/"] = page
		}
	}
	if err := s.initEmbedding(); err != nil {
		return nil, err
	}
	return s, nil
}

// Version is the version the server was started with.
func (s *Server) Version() string { return s.version }

// ServeHTTP serves a request, with security headers.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.setSecurityHeaders(w, r)
	s.route(w, r)
}

func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	path := r.URL.Path
	switch {
	case path == "/web/app.wasm":
		s.wasm.serve(w, r, s.version)
	case strings.HasPrefix(path, "/web/"):
		s.serveStatic(w, r)
	case path == "/manifest.webmanifest":
		w.Header().Set("Content-Type", "application/manifest+json")
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(s.manifest)
	case path == "/oembed":
		s.serveOEmbed(w, r)
	case path == "/demo/embed":
		s.serveDemo(w, r)
	case path == "/robots.txt":
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/web/robots.txt"
		s.serveStatic(w, r2)
	default:
		if page, ok := s.page(r, path); ok {
			s.servePage(w, r, page)
			return
		}
		if isAppResource(path) {
			s.app.ServeHTTP(w, r)
			return
		}
		http.NotFound(w, r)
	}
}

// isAppResource reports whether go-app's handler serves path: its scripts,
// styles and manifest. Pages come from the pre-rendered cache instead, and
// go-app's other routes (robots.txt proxying, for one) are not used.
func isAppResource(path string) bool {
	switch path {
	case "/app.js", "/app-worker.js", "/app.css", "/wasm_exec.js":
		return true
	}
	return false
}

func (s *Server) servePage(w http.ResponseWriter, r *http.Request, p Page) {
	h := w.Header()
	etag := `"` + s.version + `"`
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", etag)
	h.Set("Vary", "Accept-Encoding")
	h.Set("Content-Type", "text/html; charset=utf-8")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := p.HTML
	if acceptsEncoding(r, "gzip") {
		h.Set("Content-Encoding", "gzip")
		body = p.Gzip
	}
	h.Set("Content-Length", fmt.Sprint(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

func (s *Server) serveStatic(w http.ResponseWriter, r *http.Request) {
	if strings.HasSuffix(r.URL.Path, "/") {
		http.NotFound(w, r)
		return
	}
	if _, err := fs.Stat(s.cfg.Web, strings.TrimPrefix(r.URL.Path, "/web/")); err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	s.static.ServeHTTP(w, r)
}
