package site

import (
	"mime"
	"path"
)

// Kind says what an output is, for what only some outputs get: a page's
// framing, a host's rules.
type Kind int

// The kinds of output.
const (
	// KindPage is an article's page.
	KindPage Kind = iota
	// KindAsset is a file every page uses: a script, a style, an icon,
	// the manifest, go-app's files.
	KindAsset
	// KindWorker is the service worker, a script with a policy of its own.
	KindWorker
	// KindWasm is the wasm, named by its content.
	KindWasm
	// KindOEmbed is an article's static oEmbed document.
	KindOEmbed
	// KindDemo is the demo publisher page.
	KindDemo
	// KindFeed is a feed or a sitemap of the articles (and cards).
	KindFeed
	// KindFront is a page of the front page.
	KindFront
	// KindImage is an article's or a shared card's link preview image.
	KindImage
	// KindCard is a shared card's page.
	KindCard
)

// Output is one thing the site publishes, at one or more URL paths: the
// same body, type and headers at each.
type Output struct {
	// Paths are its URL paths under the site's base, the first its own:
	// "/a/x" then "/a/x/" for a page (and the base itself for the newest).
	Paths []string
	Kind  Kind
	// Type is its media type.
	Type string
	// Cache is its Cache-Control policy.
	Cache string
	// Versioned is the query ("?v=…") that names this very content: a
	// request with it may be cached for good (pages link assets so).
	Versioned string
	// Policy is its own Content-Security-Policy, when it is not the
	// site's (the demo page); empty otherwise.
	Policy string
	// Headers are its own headers beyond type, cache and security.
	Headers []Header
	// Compressed are copies of the body made at build time, by coding
	// ("br", "gzip"): the wasm's.
	Compressed map[string][]byte
	// Slug names the article a page or an oEmbed document is of
	// (Site.Article reads it); "" for other outputs.
	Slug string

	// entry is the article's place in the site, which keys its page.
	entry *entry
	// lasting is whether the output is the build's, the same for every
	// version of the site's articles.
	lasting bool

	key    string
	body   []byte
	render func() ([]byte, error)
}

// Lasting reports whether the output is the same for every version of
// the site's articles (go-app's files, the assets, the wasm): what is
// made of it may be kept as long as the build.
func (o *Output) Lasting() bool { return o.lasting }

// Path is the output's own URL path.
func (o *Output) Path() string { return o.Paths[0] }

// Key names the output's content: the same key, the same body. It is
// known before the body is made, so a cache can be asked first.
func (o *Output) Key() string {
	if o.key == "" && o.entry != nil {
		return o.entry.key() + o.Path()
	}
	return o.key
}

// Body is the output's body, made on first use: a page is rendered only
// when it is asked for, so a site of any size is built at once. The
// caller keeps it, or not: only fixed outputs hold theirs.
func (o *Output) Body() ([]byte, error) {
	if o.render != nil {
		return o.render()
	}
	return o.body, nil
}

// fixed is an output whose body is known when the site is built.
func fixed(p string, kind Kind, body []byte, cache string) *Output {
	return &Output{Paths: []string{p}, Kind: kind, Type: TypeOf(p), Cache: cache, body: body, key: hash16(body)}
}

// TypeOf is the media type of a file by its name.
func TypeOf(name string) string {
	switch path.Ext(name) {
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".webmanifest":
		return "application/manifest+json"
	case ".json":
		return "application/json"
	case ".html", "":
		return "text/html; charset=utf-8"
	case ".wasm":
		return "application/wasm"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// IsText reports whether a type is text, which is worth compressing.
func IsText(typ string) bool {
	switch typ {
	case "image/svg+xml", "application/manifest+json", "application/json":
		return true
	}
	return len(typ) > 5 && typ[:5] == "text/"
}
