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
// list) may frame. A static export's host configuration sends the same.
func SecurityHeaders(frameAncestors string) []Header {
	return []Header{
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "strict-origin-when-cross-origin"},
		{"Content-Security-Policy", policy + "; frame-ancestors " + frameAncestors},
	}
}

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
