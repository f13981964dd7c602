package server

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/gloss/gloss/content"
)

// Header is one HTTP response header.
type Header struct {
	Name, Value string
}

// SecurityHeaders are the security headers the server sends with every
// response, for a response that frameAncestors (a CSP frame-ancestors
// list) may frame: CommonHeaders and the page policy. A static export's
// host configuration sends the same.
func SecurityHeaders(frameAncestors string) []Header {
	return append(CommonHeaders(), PolicyHeader(frameAncestors))
}

// CommonHeaders are the headers of every response, whatever it is.
func CommonHeaders() []Header {
	return []Header{
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "strict-origin-when-cross-origin"},
	}
}

// PolicyHeader is the Content-Security-Policy of Gloss's documents and
// worker, for a response that frameAncestors may frame.
func PolicyHeader(frameAncestors string) Header {
	return Header{"Content-Security-Policy", policy + "; frame-ancestors " + frameAncestors}
}

// The cache policies, the server's and the export's host configuration's
// alike. Only URLs named by their content are cached for good; pages,
// go-app's scripts and the oEmbed answers keep their URL across edits and
// are revalidated on every use.
const (
	CacheForever    = "public, max-age=31536000, immutable"
	CacheRevalidate = "no-cache"
)

// DemoPage is the demo publisher page (what /demo/embed serves) of a
// static site at origin and base, embedding article a, with the
// Content-Security-Policy it needs: its own inline style, and frames of
// the site.
func DemoPage(origin, base string, a content.Article) (page []byte, policy string, err error) {
	var buf bytes.Buffer
	err = demoPage.Execute(&buf, struct {
		Title   string
		Snippet string
		Embed   template.HTML
	}{
		Title:   a.Title,
		Snippet: Snippet(origin, base, a),
		Embed:   template.HTML(Snippet(origin, base, a)), // escaped by Snippet
	})
	if err != nil {
		return nil, "", fmt.Errorf("demo page: %w", err)
	}
	return buf.Bytes(), "default-src 'self'; script-src 'self'; style-src " + demoStyle +
		"; img-src 'self' data:; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'", nil
}
