package site

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"strconv"
	"strings"

	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/bundle"
	"github.com/gloss/gloss/internal/goapp"
	"github.com/gloss/gloss/internal/minify"
)

// newBuild reads the assets and the wasm and makes every output that does
// not depend on the articles.
func newBuild(cfg Config) (*build, error) {
	if cfg.Web == nil {
		return nil, errors.New("site: no web assets")
	}
	// The scripts and the style sheet, bundled from their sources
	// (web/js, web/css), in their sources' place.
	web, err := bundle.FS(cfg.Web)
	if err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	cfg.Web = web
	b := &build{cfg: cfg, ancestors: cfg.FrameAncestors}
	if b.base, err = NormalizeBase(cfg.Base); err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	if cfg.Origin != "" {
		if b.origin, err = NormalizeOrigin(cfg.Origin); err != nil {
			return nil, fmt.Errorf("site: %w", err)
		}
	}
	if b.ancestors == "" {
		b.ancestors = "*"
	}
	if b.publisher = cfg.Publisher; b.publisher.Name == "" {
		b.publisher.Name = Info.Name
	}
	if b.publisher.Logo == "" {
		b.publisher.Logo = "/web/icon-512.png"
	}
	if err := checkLogo(b.publisher.Logo); err != nil {
		return nil, fmt.Errorf("site: publisher logo: %w", err)
	}
	if strings.Trim(b.ancestors, sourceListChars) != "" {
		return nil, fmt.Errorf("site: frame ancestors %q: not a CSP source list (origins, 'self', *; separated by spaces)", b.ancestors)
	}
	if b.version = cfg.Version; b.version == "" {
		if b.version, err = Fingerprint(cfg.Web); err != nil {
			return nil, fmt.Errorf("site: fingerprint web assets: %w", err)
		}
	}
	wasm, err := fs.ReadFile(cfg.Web, "app.wasm")
	if err != nil {
		return nil, fmt.Errorf("site: %w (run `make build` to build the wasm)", err)
	}
	root := strings.TrimSuffix(b.base, "/")
	if b.res, err = resourcesOf(cfg.Web, root, wasm); err != nil {
		return nil, err
	}
	lang := siteLang(cfg.Archive.Entries())
	b.goapp, err = goapp.New(goapp.Build{Version: b.version, Resources: b.res, Info: goapp.Info(Info), Loading: i18n.For(lang).Loading})
	if err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	for _, f := range b.goapp.Files() {
		o := fixed(f.Path, KindAsset, f.Body, CacheRevalidate)
		if strings.HasSuffix(f.Path, "/app-worker.js") {
			o.Kind = KindWorker
		} else {
			// app.js, wasm_exec.js and app.css, which a page loads.
			o.Headers = []Header{AssetCORS}
		}
		b.outputs = append(b.outputs, o)
	}
	b.outputs = append(b.outputs, fixed(b.base+"manifest.webmanifest", KindAsset, Manifest(Info), CacheRevalidate))
	if err := b.webOutputs(wasm); err != nil {
		return nil, err
	}
	if _, err := fs.Stat(cfg.Web, "embed.js"); err == nil {
		b.embed = true
	}
	return b, nil
}

// webOutputs are web/'s files under /web/ (scripts and styles minified),
// robots.txt and the tab's icon at the base as hosts look for them, and
// the wasm under its content's name with its compressed copies.
func (b *build) webOutputs(wasm []byte) error {
	err := fs.WalkDir(b.cfg.Web, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if name != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || strings.HasPrefix(name, "app.wasm") {
			return nil
		}
		body, err := fs.ReadFile(b.cfg.Web, name)
		if err != nil {
			return err
		}
		if body, err = minify.File(name, body); err != nil {
			return fmt.Errorf("minify web/%s: %w", name, err)
		}
		o := fixed(b.base+"web/"+name, KindAsset, body, CacheRevalidate)
		o.Versioned = b.res.Query[name]
		o.Headers = []Header{AssetCORS}
		// Hosts look for these at the base. With an origin, the site's
		// robots.txt names its sitemaps too (sitemapOutputs).
		switch {
		case name == "favicon.ico", name == "robots.txt" && b.origin == "":
			o.Paths = append(o.Paths, b.base+name)
		}
		if name == "robots.txt" {
			b.robots = o
		}
		b.outputs = append(b.outputs, o)
		return nil
	})
	if err != nil {
		return fmt.Errorf("site: web assets: %w", err)
	}
	w := fixed(b.res.Wasm, KindWasm, wasm, CacheForever)
	w.Headers = []Header{{goapp.WasmLengthHeader, strconv.Itoa(len(wasm))}, AssetCORS}
	w.Compressed = make(map[string][]byte)
	// The copies `make build` writes beside the wasm (the export checks
	// they are of this build). Brotli's is optional; a gzip copy is made
	// when there is none, so that every host can send one.
	if c, err := fs.ReadFile(b.cfg.Web, "app.wasm.br"); err == nil {
		w.Compressed["br"] = c
	}
	gz, err := fs.ReadFile(b.cfg.Web, "app.wasm.gz")
	if err != nil {
		gz = gzipBest(wasm)
	}
	w.Compressed["gzip"] = gz
	b.wasm = w
	b.outputs = append(b.outputs, w)
	for _, o := range b.outputs {
		o.lasting = true
	}
	return nil
}

// demoOutput is the demo publisher page, embedding article slug, the
// newest. Without an origin its snippet's URLs are relative: the page is
// on the site itself.
func (b *build) demoOutput(archive content.Archive, slug string) (*Output, error) {
	a, err := b.sums.read(archive, slug)
	if err != nil {
		return nil, fmt.Errorf("site: demo page: %w", err)
	}
	page, policy, err := DemoPage(b.origin, b.base, a)
	if err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	p := b.base + "demo/embed"
	o := fixed(p, KindDemo, page, CacheRevalidate)
	o.Paths = append(o.Paths, p+"/")
	o.Type = TypeOf(".html")
	o.Policy = policy
	return o, nil
}

func gzipBest(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// checkLogo accepts an http(s) address or a path on the site.
func checkLogo(logo string) error {
	u, err := url.Parse(logo)
	switch {
	case err != nil:
		return err
	case u.Scheme == "" && u.Host == "" && strings.HasPrefix(u.Path, "/") && !strings.HasPrefix(logo, "//"):
		return nil
	case (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && u.User == nil:
		return nil
	}
	return fmt.Errorf("%q: want an https address or a path on the site, as /web/logo.png", logo)
}

// logoURL is the publisher's logo as an absolute address: on the site's
// origin when it is a path.
func (b *build) logoURL() string {
	if strings.HasPrefix(b.publisher.Logo, "/") {
		return b.origin + strings.TrimSuffix(b.base, "/") + b.publisher.Logo
	}
	return b.publisher.Logo
}
