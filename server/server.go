package server

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/bundle"
	"github.com/gloss/gloss/site"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Server is Gloss's HTTP handler. What it serves of the build (go-app's
// scripts, the wasm, the web assets) is fixed when it starts; its content
// (the articles and their pre-rendered pages) can be replaced while it
// serves, by SetArticles, for the live preview.
type Server struct {
	cfg  Config
	app  *app.Handler
	wasm *wasmFiles
	res  Resources
	// text are the text assets by URL path, minified and compressed
	// once: go-app's scripts, the manifest, and web/'s scripts, styles
	// and other text files.
	text map[string]*encoded
	// etags are the other web/ files' ETags, by name.
	etags   map[string]string
	static  http.Handler
	version string
	content atomic.Pointer[snapshot]
	// rendered are the pages of the current content by pageKey; only
	// SetArticles touches it, under renderMu.
	rendered map[string]*page
	setMu    sync.Mutex
	preview  *preview
}

// New loads the wasm and pre-renders every page, so that a broken build
// fails here, at start-up, and not in a reader's browser.
func New(cfg Config) (*Server, error) {
	if cfg.Web == nil {
		return nil, errors.New("server: no web assets")
	}
	web, err := bundle.FS(cfg.Web)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	cfg.Web = web
	if cfg.Origin != "" {
		o, err := NormalizeOrigin(cfg.Origin)
		if err != nil {
			return nil, fmt.Errorf("server: %w", err)
		}
		cfg.Origin = o
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
	res, err := ResourcesOf(cfg.Web, "", wasm.raw)
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg:     cfg,
		app:     AppHandler(version, res, siteLang(cfg.Articles)),
		wasm:    wasm,
		res:     res,
		static:  http.StripPrefix("/web", http.FileServerFS(cfg.Web)),
		version: version,
	}
	if s.text, err = s.loadText(); err != nil {
		return nil, err
	}
	if cfg.Preview {
		s.preview = newPreview()
	}
	if err := s.SetArticles(cfg.Articles); err != nil {
		return nil, err
	}
	return s, nil
}

// siteLang is the language of the site's loader: its newest article's.
func siteLang(articles []content.Article) string {
	if len(articles) == 0 {
		return ""
	}
	return articles[0].Lang
}

// Version is the version of the build the server was started with.
func (s *Server) Version() string { return s.version }

// ServeHTTP serves a request, with security headers and a log line.
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
	case path == s.res.Wasm:
		s.wasm.serve(w, r, true)
	case path == "/web/app.wasm":
		s.wasm.serve(w, r, false)
	case strings.HasPrefix(path, "/web/"):
		s.serveStatic(w, r)
	case path == "/oembed":
		s.serveOEmbed(w, r)
	case path == "/demo/embed":
		s.serveDemo(w, r)
	case path == "/robots.txt" || path == "/favicon.ico":
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/web" + path
		s.serveStatic(w, r2)
	case s.preview != nil && strings.HasPrefix(path, previewPrefix):
		s.preview.ServeHTTP(w, r)
	default:
		if p, ok := s.content.Load().pages[path]; ok {
			s.servePage(w, r, p)
			return
		}
		if e, ok := s.text[path]; ok && !strings.HasPrefix(path, "/web/") {
			e.serve(w, r, textType(path), "no-cache")
			return
		}
		http.NotFound(w, r)
	}
}

// loadText reads, minifies and compresses every text asset once.
func (s *Server) loadText() (map[string]*encoded, error) {
	text := make(map[string]*encoded)
	for _, p := range GoAppFiles {
		b, err := GoAppFile(s.app, p)
		if err != nil {
			return nil, fmt.Errorf("server: %w", err)
		}
		text[p] = encode(b, brotliBest)
	}
	text["/manifest.webmanifest"] = encode(Manifest(Info), brotliBest)
	err := fs.WalkDir(s.cfg.Web, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || textType(name) == "" {
			return err
		}
		b, err := fs.ReadFile(s.cfg.Web, name)
		if err != nil {
			return err
		}
		if b, err = Minify(name, b); err != nil {
			return fmt.Errorf("minify web/%s: %w", name, err)
		}
		text["/web/"+name] = encode(b, brotliBest)
		return nil
	})
	if err == nil {
		s.etags = make(map[string]string)
		err = fs.WalkDir(s.cfg.Web, ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || textType(name) != "" || strings.HasPrefix(name, "app.wasm") {
				return err
			}
			b, err := fs.ReadFile(s.cfg.Web, name)
			if err == nil {
				s.etags[name] = `"` + hash16(b) + `"`
			}
			return err
		})
	}
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	return text, nil
}

func (s *Server) servePage(w http.ResponseWriter, r *http.Request, p *page) {
	e := p.encoded
	if s.cfg.Origin == "" {
		// Without a public origin, a page asked for by a loopback address
		// (a newsroom's preview, a test) gets og:url and its oEmbed link
		// for that address, built for this response alone: nothing is
		// kept per Host, so no client can fill the server with made-up
		// ones, and no other Host gets an absolute URL it named itself.
		if origin, ok := loopbackOrigin(r); ok {
			body, err := site.WithHead(e.identity, []byte(originLinks(origin, "/", p.article, EndpointHref)))
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			e = encodeFor(r, body)
		}
	}
	e.serve(w, r, "text/html; charset=utf-8", "no-cache")
}

func (s *Server) serveStatic(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/web/")
	// Only files, by their clean names: a folder or an unclean path would
	// have http.FileServer answer with a listing or a redirect.
	if !fs.ValidPath(name) || name == "." || strings.HasSuffix(r.URL.Path, "/") {
		http.NotFound(w, r)
		return
	}
	if info, err := fs.Stat(s.cfg.Web, name); err != nil || info.IsDir() {
		http.NotFound(w, r)
		return
	}
	// A URL that names the asset's current content ("?v=" its hash, as
	// the pages write it) never changes meaning: cache it for good.
	// Anything else (embed.js, which publishers link by name; icons) is
	// revalidated.
	cache := "no-cache"
	if q := s.res.Query[name]; q != "" && "?"+r.URL.RawQuery == q {
		cache = CacheForever
	}
	if e, ok := s.text[r.URL.Path]; ok {
		e.serve(w, r, textType(name), cache)
		return
	}
	w.Header().Set("Cache-Control", cache)
	// Files embedded in the binary have no modification time: an ETag
	// lets a revalidation (the worker's precache, say) end in a 304.
	if tag, ok := s.etags[name]; ok {
		w.Header().Set("ETag", tag)
	}
	s.static.ServeHTTP(w, r)
}
