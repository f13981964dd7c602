package export

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/gloss/gloss/site"
)

// nginxAssets writes the locations of the assets with headers of their
// own (site.AssetCORS: the static assets a page loads, which a sandboxed
// embed view fetches cross-origin): one prefix location for web/, whose
// files all have the same, and an exact one for each other path (go-app's
// app.js, wasm_exec.js and app.css; a web/ file hosts look for at the
// base). The pages' location above sends none of them.
func (w *writer) nginxAssets(b *bytes.Buffer, add func([]site.Header)) {
	web := w.url("web/")
	var webHeaders []site.Header
	exact := map[string][]site.Header{}
	for o := range w.site.Outputs() {
		if o.Kind != site.KindAsset || len(o.Headers) == 0 {
			continue
		}
		for _, p := range o.Paths {
			switch {
			case !strings.HasPrefix(p, web):
				exact[p] = o.Headers
			case webHeaders == nil:
				webHeaders = o.Headers
			case !slices.Equal(webHeaders, o.Headers):
				exact[p] = o.Headers
			}
		}
	}
	location := func(match string, hs []site.Header) {
		fmt.Fprintf(b, "location %s {\n", match)
		add(security("'self'"))
		add(append(h("Cache-Control", cacheRevalidate), hs...))
		b.WriteString("}\n\n")
	}
	if webHeaders != nil {
		location("^~ "+web, webHeaders)
	}
	paths := make([]string, 0, len(exact))
	for p := range exact {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		location("= "+p, exact[p])
	}
}

// ownType is the media type of file f of the export when a host would
// not send it by f's extension: the feeds' (application/atom+xml,
// application/feed+json) and the sitemaps' (application/xml, where
// hosts say text/xml), "" otherwise. Feed readers and validators go by
// the type.
func (w *writer) ownType(f string) string {
	o := w.files[f]
	// The wasm and its compressed copies have locations of their own.
	if o == nil || o.Kind == site.KindWasm || o.Type == site.TypeOf(f) {
		return ""
	}
	return o.Type
}

// nginxTyped writes an exact location for each file with a type of its
// own (ownType), which nginx's types table would name otherwise.
func (w *writer) nginxTyped(b *bytes.Buffer, add func([]site.Header)) {
	for _, f := range w.sortedFiles() {
		t := w.ownType(f)
		if t == "" {
			continue
		}
		fmt.Fprintf(b, "location = %s {\n    types { }\n    default_type %s;\n", w.url(f), t)
		add(security("'self'"))
		add(append(h("Cache-Control", cacheRevalidate), w.files[f].Headers...))
		b.WriteString("}\n\n")
	}
}
