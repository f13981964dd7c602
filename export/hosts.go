package export

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/gloss/gloss/server"
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
	cacheForever    = server.CacheForever
	cacheRevalidate = server.CacheRevalidate
)

// rule is a set of headers for one URL path pattern of the site.
type rule struct {
	path    string
	headers []server.Header
}

// h builds a header list from name, value pairs.
func h(kv ...string) []server.Header {
	var hs []server.Header
	for i := 0; i+1 < len(kv); i += 2 {
		hs = append(hs, server.Header{Name: kv[i], Value: kv[i+1]})
	}
	return hs
}

// security are the headers the server sends with every response, for
// one framed by ancestors; withPolicy puts a page's own CSP in their
// place.
func security(ancestors string) []server.Header { return server.SecurityHeaders(ancestors) }

func withPolicy(policy string) []server.Header {
	return append(server.CommonHeaders(), server.Header{Name: "Content-Security-Policy", Value: policy})
}

// pageAncestors may frame the pages on a host that cannot tell the embed
// view by its query string: the configured publishers, and the site
// itself for its demo page.
func (s *site) pageAncestors() string {
	if s.ancestors == "*" {
		return "*"
	}
	return "'self' " + s.ancestors
}

// assetRules are the headers of every file but the pages, the demo page,
// the oEmbed answers and the wasm, one rule per file.
func (s *site) assetRules() []rule {
	var rules []rule
	for _, f := range s.sortedFiles() {
		switch {
		case f == "index.html" || strings.HasPrefix(f, "a/") || strings.HasPrefix(f, "oembed/") || strings.HasPrefix(f, "demo/"),
			f == headersFile || f == nginxFile || f == ".nojekyll",
			strings.HasPrefix(f, s.wasmName):
			continue
		}
		hs := h("Cache-Control", cacheRevalidate)
		if f == "manifest.webmanifest" {
			hs = append(hs, h("Content-Type", "application/manifest+json")...)
		}
		rules = append(rules, rule{s.url(f), hs})
	}
	return rules
}

func (s *site) wasmHeaders() []server.Header {
	return h("Content-Type", "application/wasm",
		"Cache-Control", cacheForever,
		server.WasmLengthHeader, strconv.Itoa(len(s.wasm.raw)))
}

// headers writes _headers, the header rules of Netlify and Cloudflare
// Pages. Both apply every rule that matches a URL, and Cloudflare joins
// the values of a header set by two rules, so no header is set by two
// rules that match the same URL: the catch-all rule sets only what is the
// same for every response.
func (s *site) headers() []byte {
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
# - Content-Encoding cannot be set here (Netlify ignores it, and neither host
#   chooses a file by Accept-Encoding): the host compresses the wasm itself
#   (Cloudflare compresses application/wasm). %s carries its
#   uncompressed size for the loading percentage.

`, s.version, s.base, s.pageAncestors(), server.WasmLengthHeader)
	writeRule := func(r rule) {
		b.WriteString(r.path + "\n")
		for _, h := range r.headers {
			fmt.Fprintf(&b, "  %s: %s\n", h.Name, h.Value)
		}
		b.WriteString("\n")
	}
	all := server.CommonHeaders()
	writeRule(rule{s.base + "*", all})
	page := append(h("Cache-Control", cacheRevalidate), server.PolicyHeader(s.pageAncestors()))
	writeRule(rule{s.base, page})
	writeRule(rule{s.url("index.html"), page})
	writeRule(rule{s.url("a/*"), page})
	if s.demoPolicy != "" {
		writeRule(rule{s.url("demo/*"), append(h("Cache-Control", cacheRevalidate), server.Header{Name: "Content-Security-Policy", Value: s.demoPolicy})})
	}
	if s.oembed {
		writeRule(rule{s.url("oembed/*"), h("Cache-Control", cacheRevalidate, "Access-Control-Allow-Origin", "*")})
	}
	for _, r := range s.assetRules() {
		// A policy means something for documents and workers only.
		if r.path == s.url("app-worker.js") {
			r.headers = append(r.headers, server.PolicyHeader("'self'"))
		}
		writeRule(r)
	}
	writeRule(rule{s.url(s.wasmName), s.wasmHeaders()})
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// nginx writes the nginx snippet: location blocks for the site's base,
// to include in a server block whose root holds the site at its base.
// It needs nothing beyond nginx's core (Debian's nginx-light is enough):
// the wasm's compressed copy is chosen by Accept-Encoding in the
// configuration, not by gzip_static or brotli_static.
func (s *site) nginx() []byte {
	var b bytes.Buffer
	folder := strings.Trim(s.base, "/")
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
# this site, as with Gloss's own server. Only nginx's core modules are used.

`, s.version, s.base, folder, nginxFile, server.WasmLengthHeader, s.pageAncestors())

	add := func(hs []server.Header) {
		for _, h := range hs {
			fmt.Fprintf(&b, "    add_header %s %s always;\n", h.Name, nginxQuote(h.Value))
		}
	}
	// add_header in a location replaces every add_header above it, so
	// each location lists all of its headers.

	// Pages, and every file not named below.
	fmt.Fprintf(&b, "location %s {\n", s.base)
	fmt.Fprintf(&b, "    set $gloss_frame_ancestors \"'self'\";\n")
	fmt.Fprintf(&b, "    if ($arg_embed = \"1\") {\n        set $gloss_frame_ancestors %s;\n    }\n", nginxQuote(s.pageAncestors()))
	add(security("$gloss_frame_ancestors"))
	add(h("Cache-Control", cacheRevalidate))
	b.WriteString("    # /a/x and /a/x/ are the same page, served with no redirect.\n")
	b.WriteString("    try_files $uri $uri/index.html $uri.html =404;\n}\n\n")

	fmt.Fprintf(&b, "location = %s {\n    types { }\n    default_type application/manifest+json;\n", s.url("manifest.webmanifest"))
	add(security("'self'"))
	add(h("Cache-Control", cacheRevalidate))
	b.WriteString("}\n\n")

	if s.demoPolicy != "" {
		fmt.Fprintf(&b, "location %s {\n", s.url("demo/"))
		add(withPolicy(s.demoPolicy))
		add(h("Cache-Control", cacheRevalidate))
		b.WriteString("    try_files $uri $uri/index.html $uri.html =404;\n}\n\n")
	}
	if s.oembed {
		fmt.Fprintf(&b, "location %s {\n", s.url("oembed/"))
		add(security("'self'"))
		add(h("Cache-Control", cacheRevalidate, "Access-Control-Allow-Origin", "*"))
		b.WriteString("}\n\n")
	}

	// The wasm: the copy the browser accepts, by an internal redirect to
	// a location that labels it.
	wasm := s.url(s.wasmName)
	fmt.Fprintf(&b, "location = %s {\n", wasm)
	if s.wasm.br != nil {
		fmt.Fprintf(&b, "    if ($http_accept_encoding ~* \"\\bbr\\b\") {\n        rewrite ^ %s.br last;\n    }\n", wasm)
	}
	fmt.Fprintf(&b, "    if ($http_accept_encoding ~* \"\\bgzip\\b\") {\n        rewrite ^ %s.gz last;\n    }\n", wasm)
	s.nginxWasm(&b, "", add)
	b.WriteString("}\n\n")
	encodings := [][2]string{{"gz", "gzip"}}
	if s.wasm.br != nil {
		encodings = [][2]string{{"br", "br"}, {"gz", "gzip"}}
	}
	for _, e := range encodings {
		fmt.Fprintf(&b, "location = %s.%s {\n    internal;\n", wasm, e[0])
		s.nginxWasm(&b, e[1], add)
		b.WriteString("}\n\n")
	}

	// The host configuration is not part of the site.
	for _, f := range []string{headersFile, nginxFile, ".nojekyll"} {
		fmt.Fprintf(&b, "location = %s {\n    return 404;\n}\n", s.url(f))
	}
	return b.Bytes()
}

func (s *site) nginxWasm(b *bytes.Buffer, encoding string, add func([]server.Header)) {
	b.WriteString("    types { }\n    default_type application/wasm;\n    gzip off;\n")
	add(security("'self'"))
	var hs []server.Header
	for _, wh := range s.wasmHeaders() {
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
