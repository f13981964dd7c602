package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/gloss/gloss/site"
)

// documented are the statuses the server answers with. No request gets a
// redirect: nothing a client sends can send a reader elsewhere.
var documented = map[int]bool{200: true, 206: true, 304: true, 400: true, 404: true, 405: true, 416: true, 501: true}

// FuzzRouter sends arbitrary paths, queries and headers: the server never
// panics, answers only documented statuses, never redirects, and never
// echoes a made-up host into a page.
func FuzzRouter(f *testing.F) {
	for _, seed := range [][6]string{
		{"GET", "/", "", "gzip", "", ""},
		{"GET", "/a/one/", "embed=1&theme=dark", "br;q=0, gzip", `W/"x"`, "localhost:8000"},
		{"HEAD", "/web/app.wasm", "", "br", "", ""},
		{"GET", "/web/index.html", "", "", "", "evil.example"},
		{"GET", "/web/gloss.css", "v=zzz", "", "*", "[::1]:1"},
		{"GET", "/oembed", "url=http://localhost/a/one&maxwidth=-1", "", "", ""},
		{"POST", "/%2e%2e/etc/passwd", "%zz", "", "", "a'b"},
		{"GET", "/_gloss/events", "", "", "", ""},
		{"GET", "/web/.", "", "", "", ""},
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3], seed[4], seed[5])
	}
	s := testServer(f, Config{})
	f.Fuzz(func(t *testing.T, method, path, query, accept, inm, host string) {
		if method != "GET" && method != "HEAD" && method != "POST" {
			method = "GET"
		}
		if !strings.HasPrefix(path, "/") {
			path = "/" + path
		}
		r := httptest.NewRequest(method, "/", nil)
		r.URL = &url.URL{Path: path, RawQuery: query}
		r.RequestURI = r.URL.RequestURI()
		r.Host = host
		r.Header.Set("Accept-Encoding", accept)
		r.Header.Set("If-None-Match", inm)
		r.Header.Set("Range", "bytes=0-"+strings.Repeat("9", len(host)%4))
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, r)
		if !documented[rec.Code] {
			t.Fatalf("%s %s?%s (Host %q): status %d", method, path, query, host, rec.Code)
		}
		if loc := rec.Header().Get("Location"); loc != "" {
			t.Fatalf("%s %s?%s: redirects to %q", method, path, query, loc)
		}
		if strings.Contains(rec.Header().Get("Content-Type"), "html") && host != "" && !isLoopbackName(host) &&
			strings.Contains(rec.Body.String(), "//"+host) {
			t.Fatalf("%s %s (Host %q): the page names the request's host", method, path, host)
		}
	})
}

func isLoopbackName(host string) bool {
	r := httptest.NewRequest("GET", "/", nil)
	r.Host = host
	_, ok := loopbackOrigin(r)
	return ok
}

// FuzzOEmbedQuery sends arbitrary oEmbed queries: the answer is 200 with a
// valid document for this server's article only, or a 4xx/501 error.
func FuzzOEmbedQuery(f *testing.F) {
	for _, q := range []string{
		"url=http%3A%2F%2Flocalhost%3A8000%2Fa%2Fone&format=json",
		"url=http://localhost:8000/&maxwidth=300&maxheight=100",
		"url=http://evil.example/a/one",
		"url=javascript:alert(1)",
		"url=http://localhost:8000/a/one&url=x",
		"maxwidth=99999999999999999999",
		"%",
	} {
		f.Add(q)
	}
	s := testServer(f, Config{})
	f.Fuzz(func(t *testing.T, query string) {
		r := httptest.NewRequest("GET", "/", nil)
		r.URL = &url.URL{Path: "/oembed", RawQuery: query}
		r.Host = "localhost:8000"
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, r)
		switch rec.Code {
		case http.StatusOK:
			var doc site.OEmbed
			if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil || doc.Type != "rich" || doc.Width <= 0 || doc.Height <= 0 {
				t.Fatalf("%q: 200 with a bad document (%v): %s", query, err, rec.Body.Bytes())
			}
			if !strings.Contains(doc.HTML, `href="http://localhost:8000/a/one"`) {
				t.Fatalf("%q: the snippet links elsewhere: %s", query, doc.HTML)
			}
		case http.StatusBadRequest, http.StatusNotFound, http.StatusNotImplemented:
		default:
			t.Fatalf("%q: status %d", query, rec.Code)
		}
	})
}
