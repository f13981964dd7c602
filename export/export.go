// Package export writes Gloss as a static site, for any CDN or static
// host, under any sub-path: every output of the site (package site) as a
// file, and the host configuration derived from them (_headers for
// Netlify and Cloudflare Pages, an nginx snippet). The exported site is
// the server's, byte for byte, path for path, given the same origin.
//
// Export fails, and writes nothing, on anything that would break the
// site: a page that did not render, a missing or stale wasm, a reference
// to a file the export does not hold, a URL outside the base or naming
// localhost. Into a previous export, it changes only the files whose
// content changed: the others keep their modification times, so a sync
// to a CDN uploads what an edit changed and nothing else.
package export

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/site"
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
	// Archive holds the articles to export, in site order (the first is
	// also the page at the base), each read when its page is written.
	Archive content.Archive
	// Articles, when there is no Archive, are the articles to export,
	// already read.
	Articles []content.Article
	// Web holds the static assets and the built app.wasm with its .gz
	// and .br copies, as for the server.
	Web fs.FS
	// Version names the build; empty means a hash of Web, as for the
	// server, so both produce the same pages.
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
	// Changed counts the files whose content differs from the previous
	// export's in the folder (all of them without one).
	Changed int
}

// Export writes the static site described by o.
func Export(o Options) (*Result, error) {
	if o.Warn == nil {
		o.Warn = io.Discard
	}
	w, err := plan(o)
	if err != nil {
		return nil, err
	}
	st := w.site
	switch {
	case !st.Embeddable():
		fmt.Fprintln(o.Warn, "export: no web/embed.js: no oEmbed answers and no demo page")
	case st.Origin() == "":
		fmt.Fprintln(o.Warn, "export: no -origin: og:url, the oEmbed answers and their discovery links are left out, as they need absolute URLs")
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
	w.dir = tmp
	if err := w.write(); err != nil {
		return nil, err
	}
	if err := Check(tmp, st.Base(), st.Origin()); err != nil {
		return nil, err
	}
	res := &Result{Dir: out, Version: st.Version(), Wasm: st.Wasm().Path(), Pages: site.PagePaths(st.Entries())}
	if res.Changed, err = keepUnchanged(tmp, out); err != nil {
		return nil, err
	}
	if res.Files, res.Bytes, err = usage(tmp); err != nil {
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

// plan checks o and builds its site: what Export will write, before
// anything is written.
func plan(o Options) (*writer, error) {
	if o.Archive == nil {
		o.Archive = site.Memory(o.Articles)
	}
	if len(o.Archive.Entries()) == 0 {
		return nil, errors.New("export: no articles")
	}
	if o.Web == nil {
		return nil, errors.New("export: no web assets")
	}
	if o.Out == "" {
		return nil, errors.New("export: no output folder (-out)")
	}
	if o.Warn == nil {
		o.Warn = io.Discard
	}
	if err := checkOrigin(o.Origin); err != nil {
		return nil, err
	}
	if err := checkWasm(o.Web, o.Warn); err != nil {
		return nil, err
	}
	st, err := site.Build(site.Config{
		Archive: o.Archive, Web: o.Web, Version: o.Version,
		Origin: o.Origin, Base: o.Base, FrameAncestors: o.FrameAncestors,
	})
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return newWriter(st), nil
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

// checkOrigin refuses an origin that names this machine: an exported
// site must not refer to it.
func checkOrigin(o string) error {
	if o == "" {
		return nil
	}
	norm, err := site.NormalizeOrigin(o)
	if err != nil {
		return fmt.Errorf("export: %w (put a path in -base)", err)
	}
	u, _ := url.Parse(norm)
	if isLocal(u.Hostname()) {
		return fmt.Errorf("export: origin %q names this machine: an exported site must not refer to it; leave -origin out to test locally", o)
	}
	return nil
}

func isLocal(host string) bool {
	host = strings.ToLower(host)
	return host == "localhost" || strings.HasSuffix(host, ".localhost") ||
		strings.HasPrefix(host, "127.") || host == "::1" || host == "0.0.0.0"
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
