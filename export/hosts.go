package export

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/gloss/gloss/internal/goapp"
	"github.com/gloss/gloss/site"
)

// The host configuration written beside the site.
const (
	headersFile = "_headers"
	nginxFile   = "nginx-gloss.conf"
)

// Cache policies. Only the wasm's URL changes with its content (it is
// named by its hash), so only the wasm may be cached for good. Every
// other URL (pages, app.js, the worker, styles, icons) keeps its name
// from one version to the next: it must be revalidated on every use, or
// a reader would pair a new page with an old script for as long as the
// cache lasts. The service worker serves all of them from its own cache
// after the first visit, so revalidation costs little.
const (
	cacheForever    = site.CacheForever
	cacheRevalidate = site.CacheRevalidate
)

// rule is a set of headers for one URL path pattern of the site.
type rule struct {
	path    string
	headers []site.Header
}

// h builds a header list from name, value pairs.
func h(kv ...string) []site.Header {
	var hs []site.Header
	for i := 0; i+1 < len(kv); i += 2 {
		hs = append(hs, site.Header{Name: kv[i], Value: kv[i+1]})
	}
	return hs
}

// security are the headers the server sends with every response, for
// one framed by ancestors; withPolicy puts a page's own CSP in their
// place.
func security(ancestors string) []site.Header { return site.SecurityHeaders(ancestors) }

func withPolicy(policy string) []site.Header {
	return append(site.CommonHeaders(), site.Header{Name: "Content-Security-Policy", Value: policy})
}

// pageAncestors may frame the pages on a host that cannot tell the embed
// view by its query string: the configured publishers, and the site
// itself for its demo page.
func (w *writer) pageAncestors() string {
	if w.site.Ancestors() == "*" {
		return "*"
	}
	return "'self' " + w.site.Ancestors()
}

// assetRules are the headers of every file but those of the outputs
// one rule covers each kind of (pages, the front page, card pages, the
// demo page, oEmbed answers, preview images: as many as the archive has
// articles, and a host's rules are few) and the wasm, one rule per file.
func (w *writer) assetRules() []rule {
	var rules []rule
	for _, f := range w.sortedFiles() {
		if f == headersFile || f == nginxFile || f == ".nojekyll" {
			continue
		}
		switch o := w.files[f]; {
		case o == nil:
		case o.Kind == site.KindPage, o.Kind == site.KindFront, o.Kind == site.KindCard, o.Kind == site.KindDemo,
			o.Kind == site.KindOEmbed, o.Kind == site.KindImage, o.Kind == site.KindWasm:
			continue
		}
		hs := h("Cache-Control", cacheRevalidate)
		if f == "manifest.webmanifest" {
			hs = append(hs, h("Content-Type", "application/manifest+json")...)
		} else if t := w.ownType(f); t != "" {
			hs = append(hs, h("Content-Type", t)...)
		}
		// The output's own headers: CORS for the static assets a page
		// loads (site.AssetCORS).
		if o := w.files[f]; o != nil {
			hs = append(hs, o.Headers...)
		}
		rules = append(rules, rule{w.url(f), hs})
	}
	return rules
}

// wasmHeaders are the wasm's type and cache policy, and its own headers:
// its uncompressed length and CORS (site.AssetCORS).
func (w *writer) wasmHeaders() []site.Header {
	return append(h("Content-Type", "application/wasm", "Cache-Control", cacheForever), w.site.Wasm().Headers...)
}

// headers writes _headers, the header rules of Netlify and Cloudflare
// Pages. Both apply every rule that matches a URL, and Cloudflare joins
// the values of a header set by two rules, so no header is set by two
// rules that match the same URL: the catch-all rule sets only what is the
// same for every response.
func (w *writer) headers() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `# Gloss %s, exported for %s: response headers for Netlify and Cloudflare
# Pages, which read this file from the published folder (and do not serve it).
# Written by gloss export; see docs/deploy.md.
#
# - The embed view (?embed=1) cannot be told apart by its query string here,
#   so every page may be framed by: %s
#   (gloss export -frame-ancestors sets it; with nginx or the Go server, only
#   the embed view may be framed).
# - Only the wasm is cached for good: its name is its content's hash.
#   Everything else keeps its URL across versions and is revalidated.
# - The static assets a page loads allow any origin: an embed view sandboxed
#   without allow-same-origin (WordPress's) fetches them from an opaque one.
# - Content-Encoding cannot be set here (Netlify ignores it, and neither host
#   chooses a file by Accept-Encoding): the host compresses the wasm itself
#   (Cloudflare compresses application/wasm). %s carries its
#   uncompressed size for the loading percentage.

`, w.site.Version(), w.site.Base(), w.pageAncestors(), goapp.WasmLengthHeader)
	writeRule := func(r rule) {
		b.WriteString(r.path + "\n")
		for _, h := range r.headers {
			fmt.Fprintf(&b, "  %s: %s\n", h.Name, h.Value)
		}
		b.WriteString("\n")
	}
	all := site.CommonHeaders()
	writeRule(rule{w.site.Base() + "*", all})
	page := append(h("Cache-Control", cacheRevalidate), site.PolicyHeader(w.pageAncestors()))
	writeRule(rule{w.site.Base(), page})
	writeRule(rule{w.url("index.html"), page})
	writeRule(rule{w.url("a/*"), page})
	writeRule(rule{w.url("c/*"), page})
	writeRule(rule{w.url("page/*"), page})
	if w.demoPolicy() != "" {
		writeRule(rule{w.url("demo/*"), append(h("Cache-Control", cacheRevalidate), site.Header{Name: "Content-Security-Policy", Value: w.demoPolicy()})})
	}
	if w.has(site.KindImage) {
		writeRule(rule{w.url("og/*"), h("Cache-Control", cacheRevalidate)})
	}
	if w.oembed() {
		writeRule(rule{w.url("oembed/*"), h("Cache-Control", cacheRevalidate, "Access-Control-Allow-Origin", "*")})
	}
	for _, r := range w.assetRules() {
		// A policy means something for documents and workers only.
		if r.path == w.url("app-worker.js") {
			r.headers = append(r.headers, site.PolicyHeader("'self'"))
		}
		writeRule(r)
	}
	writeRule(rule{w.site.Wasm().Path(), w.wasmHeaders()})
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// nginx writes the nginx snippet: location blocks for the site's base,
// to include in a server block whose root holds the site at its base.
// It needs nothing beyond nginx's core (Debian's nginx-light is enough):
// the wasm's compressed copy is chosen by Accept-Encoding in the
// configuration, not by gzip_static or brotli_static.
func (w *writer) nginx() []byte {
	var b bytes.Buffer
	folder := strings.Trim(w.site.Base(), "/")
	if folder == "" {
		folder = "."
	}
	fmt.Fprintf(&b, `# Gloss %[1]s, exported for %[2]s: nginx configuration.
# Written by gloss export; see docs/deploy.md. Include it in a server block
# whose root holds this folder at %[2]s:
#
#   server {
#       listen 443 ssl;
#       root /srv/www;    # this folder is /srv/www/%[3]s
#       include /srv/www/%[3]s/%[4]s;
#   }
#
# Pages are no-cache; the wasm, named by its content's hash, is immutable,
# and sent brotli- or gzip-compressed as the browser accepts, with its
# uncompressed size in %[5]s for the loading percentage.
# The embed view (?embed=1) may be framed by: %[6]s; other pages only by
# this site, as with Gloss's own server. The static assets a page loads
# allow any origin (a sandboxed embed view's is opaque). Only nginx's core
# modules are used.

`, w.site.Version(), w.site.Base(), folder, nginxFile, goapp.WasmLengthHeader, w.pageAncestors())

	add := func(hs []site.Header) {
		for _, h := range hs {
			fmt.Fprintf(&b, "    add_header %s %s always;\n", h.Name, nginxQuote(h.Value))
		}
	}
	// add_header in a location replaces every add_header above it, so
	// each location lists all of its headers.

	// Pages, and every file not named below.
	fmt.Fprintf(&b, "location %s {\n", w.site.Base())
	fmt.Fprintf(&b, "    set $gloss_frame_ancestors \"'self'\";\n")
	fmt.Fprintf(&b, "    if ($arg_embed = \"1\") {\n        set $gloss_frame_ancestors %s;\n    }\n", nginxQuote(w.pageAncestors()))
	add(security("$gloss_frame_ancestors"))
	add(h("Cache-Control", cacheRevalidate))
	b.WriteString("    # /a/x and /a/x/ are the same page, served with no redirect.\n")
	b.WriteString("    try_files $uri $uri/index.html $uri.html =404;\n}\n\n")

	fmt.Fprintf(&b, "location = %s {\n    types { }\n    default_type application/manifest+json;\n", w.url("manifest.webmanifest"))
	add(security("'self'"))
	add(h("Cache-Control", cacheRevalidate))
	b.WriteString("}\n\n")

	if w.demoPolicy() != "" {
		fmt.Fprintf(&b, "location %s {\n", w.url("demo/"))
		add(withPolicy(w.demoPolicy()))
		add(h("Cache-Control", cacheRevalidate))
		b.WriteString("    try_files $uri $uri/index.html $uri.html =404;\n}\n\n")
	}
	w.nginxAssets(&b, add)
	w.nginxTyped(&b, add)
	if w.oembed() {
		fmt.Fprintf(&b, "location %s {\n", w.url("oembed/"))
		add(security("'self'"))
		add(h("Cache-Control", cacheRevalidate, "Access-Control-Allow-Origin", "*"))
		b.WriteString("}\n\n")
	}

	// The wasm: the copy the browser accepts, by an internal redirect to
	// a location that labels it.
	wasm := w.site.Wasm().Path()
	fmt.Fprintf(&b, "location = %s {\n", wasm)
	if w.site.Wasm().Compressed["br"] != nil {
		fmt.Fprintf(&b, "    if ($http_accept_encoding ~* \"\\bbr\\b\") {\n        rewrite ^ %s.br last;\n    }\n", wasm)
	}
	fmt.Fprintf(&b, "    if ($http_accept_encoding ~* \"\\bgzip\\b\") {\n        rewrite ^ %s.gz last;\n    }\n", wasm)
	w.nginxWasm(&b, "", add)
	b.WriteString("}\n\n")
	encodings := [][2]string{{"gz", "gzip"}}
	if w.site.Wasm().Compressed["br"] != nil {
		encodings = [][2]string{{"br", "br"}, {"gz", "gzip"}}
	}
	for _, e := range encodings {
		fmt.Fprintf(&b, "location = %s.%s {\n    internal;\n", wasm, e[0])
		w.nginxWasm(&b, e[1], add)
		b.WriteString("}\n\n")
	}

	// The host configuration is not part of the site.
	for _, f := range []string{headersFile, nginxFile, ".nojekyll"} {
		fmt.Fprintf(&b, "location = %s {\n    return 404;\n}\n", w.url(f))
	}
	return b.Bytes()
}

func (w *writer) nginxWasm(b *bytes.Buffer, encoding string, add func([]site.Header)) {
	b.WriteString("    types { }\n    default_type application/wasm;\n    gzip off;\n")
	add(security("'self'"))
	var hs []site.Header
	for _, wh := range w.wasmHeaders() {
		if wh.Name != "Content-Type" { // default_type sets it above
			hs = append(hs, wh)
		}
	}
	hs = append(hs, h("Vary", "Accept-Encoding")...)
	if encoding != "" {
		hs = append(hs, h("Content-Encoding", encoding)...)
	}
	add(hs)
}

// nginxQuote quotes a value for nginx's configuration.
func nginxQuote(v string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(v) + `"`
}

// url is the URL path of a file of the export, relative to its folder.
func (w *writer) url(rel string) string { return w.site.Base() + rel }

// demoPolicy is the demo page's own policy, "" without the page.
func (w *writer) demoPolicy() string {
	for o := range w.site.Outputs() {
		if o.Kind == site.KindDemo {
			return o.Policy
		}
	}
	return ""
}

// oembed reports whether the export holds static oEmbed documents.
func (w *writer) oembed() bool { return w.has(site.KindOEmbed) }

// has reports whether the export holds a file of an output of kind k.
func (w *writer) has(k site.Kind) bool {
	for _, o := range w.files {
		if o != nil && o.Kind == k {
			return true
		}
	}
	return false
}
