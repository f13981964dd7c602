package site

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"regexp"

	"github.com/gloss/gloss/content"
)

// demo.html is a made-up publisher's page with the embed snippet in it,
// served at /demo/embed: what a reader of a publisher's site sees.
//
//go:embed demo.html
var demoHTML string

var demoPage = template.Must(template.New("demo").Parse(demoHTML))

// demoStyle is the CSP source of the demo page's own <style>, which its
// Content-Security-Policy allows: a publisher's page is not Gloss's and
// has its own styles. It is the hash of the style as the template writes
// it out, since html/template rewrites CSS (it drops comments); the style
// holds no template action, so any data gives the same.
var demoStyle = func() string {
	var buf bytes.Buffer
	if err := demoPage.Execute(&buf, struct {
		Title, Snippet string
		Embed          template.HTML
	}{}); err != nil {
		panic("site: demo.html: " + err.Error())
	}
	m := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindSubmatch(buf.Bytes())
	if m == nil {
		panic("site: demo.html has no <style>")
	}
	sum := sha256.Sum256(m[1])
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}()

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
