package server

// Publisher embedding, server side: the oEmbed endpoint, the oEmbed
// discovery link in every article page, and the embed snippet they share.
// docs/embedding.md is the publisher's side of it.
//
// The static export (gloss export) reuses the exported functions here with
// its own scheme: BuildPage links each page to FileHref(origin, base,
// slug), and the export writes the document OEmbedFor(origin, base,
// article, 0, 0) as JSON to the file FileHref names. The running server
// uses EndpointHref instead.

import (
	"encoding/json"
	"fmt"
	"html"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/site"
)

// OEmbed is an oEmbed 1.0 response of type "rich".
type OEmbed struct {
	Version      string `json:"version"`
	Type         string `json:"type"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	Title        string `json:"title"`
	// HTML is the embed snippet: a blockquote linking to the article, which
	// web/embed.js turns into a self-sizing iframe.
	HTML   string `json:"html"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
}

// The width an embed is described with when the consumer sets no
// maxwidth: the widget's column (42rem) plus its padding. The iframe is
// as wide as its container whatever the number says.
const oembedWidth = 700

// OEmbedHref names the oEmbed document of an article page, from the
// site's public origin ("https://gloss.example"), the base path the site
// is served under ("/" or "/sub/path/") and the article's slug.
type OEmbedHref func(origin, base, slug string) string

// EndpointHref is the running server's OEmbedHref: its /oembed endpoint,
// asked for the article's URL in JSON.
func EndpointHref(origin, base, slug string) string {
	return origin + cleanBase(base) + "oembed?format=json&url=" + url.QueryEscape(ArticleURL(origin, base, slug))
}

// FileHref is a static site's OEmbedHref: the file oembed/<slug>.json,
// which the export writes from OEmbedFor.
func FileHref(origin, base, slug string) string {
	return origin + cleanBase(base) + "oembed/" + url.PathEscape(slug) + ".json"
}

// ArticleURL is the absolute URL of an article's own page.
func ArticleURL(origin, base, slug string) string {
	return origin + strings.TrimSuffix(cleanBase(base), "/") + site.ArticlePath(url.PathEscape(slug))
}

// EmbedScriptURL is the absolute URL of the embed script.
func EmbedScriptURL(origin, base string) string {
	return origin + cleanBase(base) + "web/embed.js"
}

// Snippet is the HTML a publisher pastes to embed the article: with no
// script it is a link to the article; web/embed.js replaces it with an
// iframe. data-height is the article's estimated height, which embed.js
// reserves so the frame rarely has to grow in front of the reader.
// Everything in it is escaped.
func Snippet(origin, base string, a content.Article) string {
	return `<blockquote class="gloss-embed" data-theme="auto" data-height="` + strconv.Itoa(estimateHeight(a, oembedWidth)) + `"><a ` +
		Attr("href", ArticleURL(origin, base, a.Slug)) + `>` +
		html.EscapeString(a.Title) + `</a></blockquote>` + "\n" +
		`<script async ` + Attr("src", EmbedScriptURL(origin, base)) + `></script>`
}

// OEmbedFor is the oEmbed document of article a. maxwidth and maxheight
// are the consumer's limits, 0 for none.
func OEmbedFor(origin, base string, a content.Article, maxwidth, maxheight int) OEmbed {
	w := oembedWidth
	if maxwidth > 0 && maxwidth < w {
		w = maxwidth
	}
	h := estimateHeight(a, w)
	if maxheight > 0 && h > maxheight {
		h = maxheight
	}
	return OEmbed{
		Version:      "1.0",
		Type:         "rich",
		ProviderName: "Gloss",
		ProviderURL:  origin + cleanBase(base),
		Title:        a.Title,
		HTML:         Snippet(origin, base, a),
		Width:        w,
		Height:       h,
	}
}

// estimateHeight guesses how tall the embedded article is at width w
// pixels, for the oEmbed height, which a consumer may use to reserve
// space. The frame sizes itself to its content in any case. The numbers
// are those of web/gloss.css: a 17px serif at 1.6 line height, about
// 8px a character, 12px of padding each side.
func estimateHeight(a content.Article, w int) int {
	const line, char = 27.2, 8.0
	perLine := max(float64(w-24)/char, 20)
	h := 130.0 // headline, date, tools, padding
	for _, b := range a.Body {
		switch b.Kind {
		case content.Heading:
			h += 56
		case content.List:
			for _, it := range b.Items {
				h += line * float64(lines(content.PlainText(it), perLine-3))
			}
			h += 17
		default:
			h += line*float64(lines(content.PlainText(b.Text), perLine)) + 17
		}
	}
	return int(h)
}

func lines(s string, perLine float64) int {
	return int(float64(utf8.RuneCountInString(s))/perLine) + 1
}

// OEmbedLink is the discovery tag that lets a CMS find the oEmbed
// document at href from the article's page.
func OEmbedLink(href, title string) string {
	return `<link rel="alternate" type="application/json+oembed" ` + Attr("href", href) + ` ` + Attr("title", title) + `>`
}

// NormalizeOrigin checks a public origin given on the command line
// ("https://gloss.example", "http://localhost:8000") and returns it in
// the form absolute URLs are built with: lower-case host, no default
// port, no trailing slash.
func NormalizeOrigin(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("origin %q: want scheme://host[:port], as https://gloss.example", s)
	}
	host, ok := canonicalHost(u.Scheme, u.Host)
	if !ok {
		return "", fmt.Errorf("origin %q: bad host", s)
	}
	return u.Scheme + "://" + host, nil
}

// canonicalHost validates a host[:port] and returns it lower-case and
// without the scheme's default port. It accepts DNS names, IPv4 and
// bracketed IPv6 addresses: nothing that could break out of a URL or an
// attribute.
func canonicalHost(scheme, hostport string) (string, bool) {
	host, port := hostport, ""
	if i := strings.LastIndexByte(hostport, ':'); i >= 0 && !strings.HasSuffix(hostport, "]") {
		host, port = hostport[:i], hostport[i+1:]
		if n, err := strconv.Atoi(port); err != nil || n <= 0 || n > 65535 || strconv.Itoa(n) != port {
			return "", false
		}
	}
	host = strings.ToLower(host)
	if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
		if ip := net.ParseIP(host[1 : len(host)-1]); ip == nil || ip.To4() != nil {
			return "", false
		}
	} else if host == "" || len(host) > 253 || strings.Trim(host, "abcdefghijklmnopqrstuvwxyz0123456789.-") != "" {
		return "", false
	}
	if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		port = ""
	}
	if port != "" {
		host += ":" + port
	}
	return host, true
}

// publicOrigin is the origin absolute URLs are built on for r:
// Config.Origin, or else the request's own scheme and Host. A Host a
// client made up only ever comes back to that client: the oEmbed
// endpoint serves only URLs on that same host, and everything built from
// it is escaped.
func (s *Server) publicOrigin(r *http.Request) (string, bool) {
	if s.cfg.Origin != "" {
		return s.cfg.Origin, true
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	host, ok := canonicalHost(scheme, r.Host)
	if !ok {
		return "", false
	}
	return scheme + "://" + host, true
}

// serveOEmbed answers GET /oembed?url=<article URL>&format=json
// [&maxwidth=N][&maxheight=N]: 400 for a malformed query, 404 for a URL
// this server does not serve, 501 for a format other than JSON.
func (s *Server) serveOEmbed(w http.ResponseWriter, r *http.Request) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		http.Error(w, "oembed: malformed query", http.StatusBadRequest)
		return
	}
	for name, vals := range q {
		if len(vals) > 1 {
			http.Error(w, "oembed: "+name+" given more than once", http.StatusBadRequest)
			return
		}
	}
	raw := q.Get("url")
	if raw == "" {
		http.Error(w, "oembed: the url parameter is required", http.StatusBadRequest)
		return
	}
	var limits [2]int
	for i, name := range []string{"maxwidth", "maxheight"} {
		v, ok := q[name]
		if !ok {
			continue
		}
		n, err := strconv.Atoi(v[0])
		if err != nil || n <= 0 || n > 100000 {
			http.Error(w, "oembed: "+name+" must be a positive whole number of pixels", http.StatusBadRequest)
			return
		}
		limits[i] = n
	}
	if f := q.Get("format"); f != "" && f != "json" {
		http.Error(w, "oembed: only format=json is implemented", http.StatusNotImplemented)
		return
	}
	target, err := url.Parse(raw)
	if err != nil {
		http.Error(w, "oembed: url is not a URL", http.StatusBadRequest)
		return
	}
	origin, ok := s.publicOrigin(r)
	path := target.EscapedPath()
	if path == "" {
		path = "/"
	}
	p, served := s.content.Load().pages[path]
	if !ok || !served || !sameHost(target, origin) {
		http.Error(w, "oembed: not a page of this Gloss server", http.StatusNotFound)
		return
	}
	body, err := json.Marshal(OEmbedFor(origin, "/", p.article, limits[0], limits[1]))
	if err != nil {
		http.Error(w, "oembed: "+err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", CacheRevalidate)
	// The document is public; a CMS may fetch it from its editor's page.
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

// sameHost reports whether u is an http(s) URL on the host of origin.
// The scheme may differ: a CMS may be given the http address of an https
// site; the snippet always uses origin.
func sameHost(u *url.URL, origin string) bool {
	if (u.Scheme != "http" && u.Scheme != "https") || u.User != nil || u.Opaque != "" {
		return false
	}
	host, ok := canonicalHost(u.Scheme, u.Host)
	if !ok {
		return false
	}
	_, want, _ := strings.Cut(origin, "://")
	return host == want
}

// cleanBase makes a base path start and end with a slash.
func cleanBase(base string) string {
	if !strings.HasPrefix(base, "/") {
		base = "/" + base
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return base
}
