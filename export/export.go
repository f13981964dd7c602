// Package export writes Gloss as a static site, for any CDN or static
// host, under any sub-path: the pre-rendered pages, go-app's scripts and
// service worker, the manifest, the assets and the wasm with its
// compressed copies, a static oEmbed answer per article, and the host
// configuration (_headers for Netlify and Cloudflare Pages, an nginx
// snippet).
//
// Pages come from the same go-app handler and the same rendering as the
// server's (server.AppHandler, server.Render), so they are the server's
// pages byte for byte, apart from what the base path and origin change by
// design: the URLs under the base, og:url and the oEmbed discovery links.
//
// Export fails, and writes nothing, on anything that would break the
// site: a page that did not render, a missing or stale wasm, a reference
// to a file the export does not hold, a URL outside the base or naming
// localhost.
package export

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/bundle"
	"github.com/gloss/gloss/server"
	glosssite "github.com/gloss/gloss/site"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Options say what to export and where.
type Options struct {
	// Out is the folder to write. It must not exist, be empty, or hold a
	// previous export, which is replaced.
	Out string
	// Base is the URL path the site is served under, "/" by default:
	// "/gloss/" for https://user.github.io/gloss/.
	Base string
	// Origin is the site's public origin, as https://cdn.example, with no
	// path. It makes og:url and the oEmbed answers absolute; without it
	// they are left out, as a relative URL means nothing in them.
	Origin string
	// FrameAncestors are the origins allowed to frame the embed view, as
	// in a CSP frame-ancestors list; empty means any site, as for the
	// server.
	FrameAncestors string
	// Articles are the articles to export; the first is also the page at
	// the base.
	Articles []content.Article
	// Web holds the static assets and the built app.wasm with its .gz
	// and .br copies, as for the server.
	Web fs.FS
	// Version names the build; empty means server.Fingerprint(Web), as
	// for the server, so both produce the same pages.
	Version string
	// Warn receives what is worth knowing but does not break the site;
	// nil discards it.
	Warn io.Writer
}

// Result describes a finished export.
type Result struct {
	Dir     string
	Version string
	// Wasm is the URL path of the wasm.
	Wasm string
	// Pages are the URL paths of the pages, as the server serves them.
	Pages []string
	Files int
	Bytes int64
}

// Export writes the static site described by o.
func Export(o Options) (*Result, error) {
	s, err := newSite(o)
	if err != nil {
		return nil, err
	}
	out, err := filepath.Abs(o.Out)
	if err != nil {
		return nil, err
	}
	if err := checkOut(out); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".tmp-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	s.dir = tmp
	if err := s.write(); err != nil {
		return nil, err
	}
	if err := s.checkRoutes(); err != nil {
		return nil, err
	}
	if err := Check(tmp, s.base, s.origin); err != nil {
		return nil, err
	}
	res := &Result{Dir: out, Version: s.version, Wasm: s.base + s.wasmName, Pages: glosssite.PagePaths(o.Articles)}
	res.Files, res.Bytes, err = usage(tmp)
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	if err := os.RemoveAll(out); err != nil {
		return nil, err
	}
	if err := os.Rename(tmp, out); err != nil {
		return nil, err
	}
	return res, nil
}

// checkOut refuses to replace a folder that is not a previous export:
// `-out` pointing at the wrong place must not delete anything.
func checkOut(out string) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) || err == nil && len(entries) == 0 {
		return nil
	}
	if err != nil {
		return err
	}
	for _, f := range []string{"app-worker.js", headersFile, nginxFile} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			return fmt.Errorf("export: %s is not empty and holds no previous export (no %s): not replacing it", out, f)
		}
	}
	return nil
}

// site is one export in progress.
type site struct {
	o        Options
	base     string // "/" or "/sub/path/"
	origin   string // "" or "https://cdn.example"
	version  string
	dir      string
	wasm     wasmFiles
	wasmName string // web/app-<hash>.wasm
	// files are the files written, relative to dir, with slashes.
	files map[string]bool
	// embed is whether the assets hold embed.js: then the site has the
	// oEmbed answers (with an origin) and the demo publisher page.
	embed      bool
	oembed     bool
	demoPolicy string
	ancestors  string
}

func newSite(o Options) (*site, error) {
	if len(o.Articles) == 0 {
		return nil, errors.New("export: no articles")
	}
	if o.Web == nil {
		return nil, errors.New("export: no web assets")
	}
	web, err := bundle.FS(o.Web)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	o.Web = web
	if o.Out == "" {
		return nil, errors.New("export: no output folder (-out)")
	}
	base, err := normalizeBase(o.Base)
	if err != nil {
		return nil, err
	}
	origin, err := normalizeOrigin(o.Origin)
	if err != nil {
		return nil, err
	}
	if o.Warn == nil {
		o.Warn = io.Discard
	}
	s := &site{o: o, base: base, origin: origin, files: make(map[string]bool), ancestors: o.FrameAncestors}
	if s.ancestors == "" {
		s.ancestors = "*"
	}
	if strings.Trim(s.ancestors, sourceListChars) != "" {
		return nil, fmt.Errorf("export: frame ancestors %q: not a CSP source list (origins, 'self', *; separated by spaces)", s.ancestors)
	}
	s.version = o.Version
	if s.version == "" {
		if s.version, err = server.Fingerprint(o.Web); err != nil {
			return nil, fmt.Errorf("export: fingerprint web assets: %w", err)
		}
	}
	if _, err := fs.Stat(o.Web, "embed.js"); err == nil {
		s.embed = true
	}
	switch {
	case !s.embed:
		fmt.Fprintln(o.Warn, "export: no web/js/embed.js: no oEmbed answers and no demo page")
	case origin == "":
		fmt.Fprintln(o.Warn, "export: no -origin: og:url, the oEmbed answers and their discovery links are left out, as they need absolute URLs")
	}
	if s.wasm, err = loadWasm(o.Web, o.Warn); err != nil {
		return nil, err
	}
	res, err := s.res("")
	if err != nil {
		return nil, err
	}
	s.wasmName = strings.TrimPrefix(res.Wasm, "/")
	return s, nil
}

// The characters the base and the frame ancestors may hold. Both are
// written unescaped into _headers lines and nginx directives, where a
// tab, a line break, a brace, a semicolon or a "$" would start another
// header, directive or variable.
const (
	alnum           = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	basePathChars   = alnum + "-._~/"
	sourceListChars = alnum + " '*:/.-_+="
)

// normalizeBase turns "gloss", "/gloss" or "/gloss/" into "/gloss/".
func normalizeBase(b string) (string, error) {
	if b == "" {
		return "/", nil
	}
	if strings.Trim(b, basePathChars) != "" {
		return "", fmt.Errorf("export: base %q: a path, as /gloss/, of letters, digits and - . _ ~ / only", b)
	}
	for _, seg := range strings.Split(b, "/") {
		if seg == "." || seg == ".." {
			return "", fmt.Errorf("export: base %q: no . or .. segments", b)
		}
	}
	clean := path.Clean("/" + b)
	if clean == "/" {
		return "/", nil
	}
	return clean + "/", nil
}

// normalizeOrigin checks an origin: scheme and host, nothing else.
func normalizeOrigin(o string) (string, error) {
	if o == "" {
		return "", nil
	}
	norm, err := server.NormalizeOrigin(o)
	if err != nil {
		return "", fmt.Errorf("export: %w (put a path in -base)", err)
	}
	u, _ := url.Parse(norm)
	if isLocal(u.Hostname()) {
		return "", fmt.Errorf("export: origin %q names this machine: an exported site must not refer to it; leave -origin out to test locally", o)
	}
	return norm, nil
}

func isLocal(host string) bool {
	host = strings.ToLower(host)
	return host == "localhost" || strings.HasSuffix(host, ".localhost") ||
		strings.HasPrefix(host, "127.") || host == "::1" || host == "0.0.0.0"
}

// url is the URL path of a file of the export, relative to its folder.
func (s *site) url(rel string) string { return s.base + rel }

func (s *site) write() error {
	h := s.handler()
	if err := s.writePages(h); err != nil {
		return err
	}
	for _, p := range server.GoAppFiles {
		body, err := server.GoAppFile(h, p)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if err := s.writeFile(p[1:], body); err != nil {
			return err
		}
	}
	if err := s.writeFile("manifest.webmanifest", server.Manifest(server.Info)); err != nil {
		return err
	}
	if err := s.writeWeb(); err != nil {
		return err
	}
	if s.embed {
		if err := s.writeOEmbed(); err != nil {
			return err
		}
	}
	if err := s.writeFile(headersFile, s.headers()); err != nil {
		return err
	}
	if err := s.writeFile(nginxFile, s.nginx()); err != nil {
		return err
	}
	// GitHub Pages runs Jekyll on a branch unless told not to; Jekyll
	// would drop nothing of Gloss's today but costs a build and ignores
	// files starting with "_".
	return s.writeFile(".nojekyll", nil)
}

// handler is the server's go-app handler with every URL under the base.
func (s *site) handler() *app.Handler {
	root := strings.TrimSuffix(s.base, "/")
	// go-app prefixes its own files, the /web/ assets and the wasm with
	// the resources' root, and tells the wasm (GOAPP_ROOT_PREFIX) to
	// strip the prefix before it matches a route.
	res, _ := s.res(root) // read once already by newSite
	lang := ""
	if len(s.o.Articles) > 0 {
		lang = s.o.Articles[0].Lang
	}
	return server.AppHandler(s.version, res, lang)
}

// writePages writes every page at the file names hosts look for: "/" as
// index.html; /a/x as a/x.html (GitHub Pages, Netlify and Cloudflare
// Pages serve it at /a/x) and a/x/index.html (every host serves it at
// /a/x/, most also at /a/x by a redirect, nginx with the shipped snippet
// without one).
func (s *site) writePages(h http.Handler) error {
	var oembed server.OEmbedHref
	if s.embed {
		oembed = server.FileHref
	}
	for i, a := range s.o.Articles {
		page, err := server.BuildPage(h, a, s.origin, s.base, oembed, false)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		body := page.HTML
		// go-app writes a "not found" page, or an empty one, without
		// complaint: a page must show its article.
		for _, want := range []string{"<title>" + html.EscapeString(a.Title) + "</title>", `id="app-wasm-loader"`, `<body`} {
			if !bytes.Contains(body, []byte(want)) {
				return fmt.Errorf("export: page of %q did not render its article: no %s in it", a.Slug, want)
			}
		}
		if i == 0 {
			if err := s.writeFile("index.html", body); err != nil {
				return err
			}
		}
		rel := strings.TrimPrefix(glosssite.ArticlePath(a.Slug), "/")
		if err := s.writeFile(rel+".html", body); err != nil {
			return err
		}
		if err := s.writeFile(rel+"/index.html", body); err != nil {
			return err
		}
	}
	return nil
}

// res are the build's resources under root.
func (s *site) res(root string) (server.Resources, error) {
	r, err := server.ResourcesOf(s.o.Web, root, s.wasm.raw)
	if err != nil {
		return r, fmt.Errorf("export: %w", err)
	}
	return r, nil
}

// checkRoutes checks that a static host finds a page at every path the
// server serves one: "/" and each article's path, with and without its
// trailing slash, as the routes of the wasm match both.
func (s *site) checkRoutes() error {
	c := &checker{dir: s.dir, base: s.base}
	for _, p := range glosssite.PagePaths(s.o.Articles) {
		for _, q := range []string{p, strings.TrimSuffix(p, "/") + "/"} {
			if !c.exists(s.base + strings.TrimPrefix(q, "/")) {
				return fmt.Errorf("export: the route %s was not exported", q)
			}
		}
	}
	return nil
}

// writeWeb copies the assets, and the wasm under its content's name.
func (s *site) writeWeb() error {
	err := fs.WalkDir(s.o.Web, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != "." && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		switch p {
		case "app.wasm", "app.wasm.gz", "app.wasm.br":
			return nil
		}
		b, err := fs.ReadFile(s.o.Web, p)
		if err != nil {
			return err
		}
		// Sent as the server sends them: scripts and styles minified.
		if b, err = server.Minify(p, b); err != nil {
			return fmt.Errorf("minify web/%s: %w", p, err)
		}
		return s.writeFile("web/"+p, b)
	})
	if err != nil {
		return fmt.Errorf("export: copying web assets: %w", err)
	}
	// The server answers /robots.txt and /favicon.ico from web/.
	for _, f := range []string{"robots.txt", "favicon.ico"} {
		if b, err := fs.ReadFile(s.o.Web, f); err == nil {
			if err := s.writeFile(f, b); err != nil {
				return err
			}
		}
	}
	if err := s.writeFile(s.wasmName, s.wasm.raw); err != nil {
		return err
	}
	if err := s.writeFile(s.wasmName+".gz", s.wasm.gz); err != nil {
		return err
	}
	if s.wasm.br != nil {
		return s.writeFile(s.wasmName+".br", s.wasm.br)
	}
	return nil
}

func (s *site) writeFile(rel string, b []byte) error {
	p := filepath.Join(s.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	s.files[rel] = true
	return os.WriteFile(p, b, 0o644)
}

// wasmFiles is app.wasm with its compressed copies.
type wasmFiles struct {
	raw, gz, br []byte
}

// loadWasm reads the wasm and checks it is there, is a wasm, knows every
// article, and that its compressed copies are of the same build.
func loadWasm(web fs.FS, warn io.Writer) (wasmFiles, error) {
	var w wasmFiles
	raw, err := fs.ReadFile(web, "app.wasm")
	if err != nil {
		return w, fmt.Errorf("export: %w: build the wasm first (make build)", err)
	}
	if !bytes.HasPrefix(raw, []byte("\x00asm")) {
		return w, errors.New("export: app.wasm is not a WebAssembly module")
	}
	w.raw = raw
	info, err := fs.Stat(web, "app.wasm")
	if err != nil {
		return w, err
	}
	if gz, err := fs.ReadFile(web, "app.wasm.gz"); err == nil {
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			return w, fmt.Errorf("export: app.wasm.gz: %w", err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(plain, raw) {
			return w, errors.New("export: app.wasm.gz is not app.wasm compressed (a stale copy?): rebuild with make build")
		}
		w.gz = gz
	} else {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zw.Write(raw)
		zw.Close()
		w.gz = b.Bytes()
	}
	br, err := fs.ReadFile(web, "app.wasm.br")
	if err != nil {
		fmt.Fprintln(warn, "export: no web/app.wasm.br: hosts will send the gzip copy (install brotli and run make wasm for a ~25% smaller download)")
		return w, nil
	}
	brInfo, err := fs.Stat(web, "app.wasm.br")
	if err != nil {
		return w, err
	}
	if brInfo.ModTime().Before(info.ModTime().Truncate(time.Second)) { // brotli copies the mtime, to the second
		return w, errors.New("export: app.wasm.br is older than app.wasm (a stale copy?): rebuild with make build")
	}
	// Go has no brotli decoder; the brotli tool, when there, checks the
	// copy is of this build.
	if tool, err := exec.LookPath("brotli"); err == nil {
		cmd := exec.Command(tool, "-d", "-c")
		cmd.Stdin = bytes.NewReader(br)
		plain, err := cmd.Output()
		if err != nil || !bytes.Equal(plain, raw) {
			return w, errors.New("export: app.wasm.br is not app.wasm compressed (a stale copy?): rebuild with make build")
		}
	}
	w.br = br
	return w, nil
}

// usage counts the files of dir and their bytes.
func usage(dir string) (files int, size int64, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		files++
		size += info.Size()
		return nil
	})
	return files, size, err
}

// sortedFiles lists the files written, in order.
func (s *site) sortedFiles() []string {
	var out []string
	for f := range s.files {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}
