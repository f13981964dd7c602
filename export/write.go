package export

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/gloss/gloss/site"
)

// writer writes one export into dir.
type writer struct {
	site *site.Site
	dir  string
	// files are the files of the export, relative to dir, with slashes,
	// and the output each holds (nil for the host configuration): known
	// before any is written, so the host configuration is derived from
	// them.
	files map[string]*site.Output
}

// newWriter plans the export of st: a file for each path of each output
// (and for the wasm's compressed copies), and the host configuration.
func newWriter(st *site.Site) *writer {
	w := &writer{site: st, files: make(map[string]*site.Output)}
	for o := range st.Outputs() {
		for _, p := range o.Paths {
			w.files[w.fileOf(o, p)] = o
		}
		for _, ext := range compressedExt {
			if _, ok := o.Compressed[ext[0]]; ok {
				w.files[w.fileOf(o, o.Path())+ext[1]] = o
			}
		}
	}
	for _, f := range []string{headersFile, nginxFile, ".nojekyll"} {
		w.files[f] = nil
	}
	return w
}

// compressedExt are the file extensions of compressed copies, by coding.
var compressedExt = [][2]string{{"br", ".br"}, {"gzip", ".gz"}}

// write writes every output of the site, then the host configuration
// derived from them.
func (w *writer) write() error {
	var outputs []*site.Output
	for o := range w.site.Outputs() {
		outputs = append(outputs, o)
	}
	// Pages are rendered on every core.
	work := make(chan *site.Output)
	errs := make(chan error, len(outputs))
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for o := range work {
				errs <- w.writeOutput(o)
			}
		}()
	}
	for _, o := range outputs {
		work <- o
	}
	close(work)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	if err := w.checkRoutes(); err != nil {
		return err
	}
	if err := w.writeFile(headersFile, w.headers()); err != nil {
		return err
	}
	if err := w.writeFile(nginxFile, w.nginx()); err != nil {
		return err
	}
	// GitHub Pages runs Jekyll on a branch unless told not to; Jekyll
	// would drop nothing of Gloss's today but costs a build and ignores
	// files starting with "_".
	return w.writeFile(".nojekyll", nil)
}

// writeOutput writes o at the file names hosts look for at each of its
// paths: a path ending in "/" (the base, /a/x/) as its index.html, which
// every host serves there; a page's /a/x as a/x.html too (GitHub Pages,
// Netlify and Cloudflare Pages serve it at /a/x; nginx with the shipped
// snippet), and a shared card's /c/x as c/x.html likewise; anything
// else under its own name. The wasm's compressed
// copies go beside it, as .br and .gz.
func (w *writer) writeOutput(o *site.Output) error {
	body, err := o.Body()
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, p := range o.Paths {
		if err := w.writeFile(w.fileOf(o, p), body); err != nil {
			return err
		}
	}
	for _, ext := range compressedExt {
		if c, ok := o.Compressed[ext[0]]; ok {
			if err := w.writeFile(w.fileOf(o, o.Path())+ext[1], c); err != nil {
				return err
			}
		}
	}
	return nil
}

// fileOf is the file, relative to the export, that serves output o at
// URL path p.
func (w *writer) fileOf(o *site.Output, p string) string {
	rel := strings.TrimPrefix(p, w.site.Base())
	switch {
	case rel == "" || strings.HasSuffix(rel, "/"):
		return rel + "index.html"
	case o.Kind == site.KindPage || o.Kind == site.KindCard || o.Kind == site.KindDemo || o.Kind == site.KindFront:
		return rel + ".html"
	}
	return rel
}

func (w *writer) writeFile(rel string, b []byte) error {
	if _, ok := w.files[rel]; !ok {
		return fmt.Errorf("export: %s was not planned", rel)
	}
	p := filepath.Join(w.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, b, 0o644)
}

// checkRoutes checks that a static host finds every page the server
// serves, at each of its paths.
func (w *writer) checkRoutes() error {
	c := &checker{dir: w.dir, base: w.site.Base()}
	for o := range w.site.Outputs() {
		for _, p := range o.Paths {
			if !c.exists(p) {
				return fmt.Errorf("export: the route %s was not exported", p)
			}
		}
	}
	return nil
}

// sortedFiles lists the files written, in order.
func (w *writer) sortedFiles() []string {
	out := make([]string, 0, len(w.files))
	for f := range w.files {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}
