package server

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"html/template"
	"net/http"
	"regexp"
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
		panic("server: demo.html: " + err.Error())
	}
	m := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindSubmatch(buf.Bytes())
	if m == nil {
		panic("server: demo.html has no <style>")
	}
	sum := sha256.Sum256(m[1])
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}()

// serveDemo serves the demo publisher page, its snippet pointing at this
// server's public origin.
func (s *Server) serveDemo(w http.ResponseWriter, r *http.Request) {
	origin, ok := s.publicOrigin(r)
	if !ok {
		http.Error(w, "bad Host", http.StatusBadRequest)
		return
	}
	page, policy, err := DemoPage(origin, "/", s.cfg.Articles[0])
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Security-Policy", policy)
	// Built for this response's origin, so compressed for it alone.
	encodeFor(r, page).serve(w, r, "text/html; charset=utf-8", CacheRevalidate)
}
