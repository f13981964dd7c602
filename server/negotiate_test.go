package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func TestNegotiate(t *testing.T) {
	for _, c := range []struct {
		accept string
		want   string
	}{
		{"", ""},
		{"gzip", "gzip"},
		{"br", "br"},
		{"gzip, br", "br"}, // the server's preference: br first
		{"br;q=0, gzip", "gzip"},
		{"br;Q=0, gzip", "gzip"}, // the parameter name is case-insensitive
		{"BR;q=0.0, GZIP;q=0.5", "gzip"},
		{"x-gzip", "gzip"},
		{"*", "br"},
		{"*;q=0", ""},
		{"gzip;q=0, *", "br"},
		{"br;q=bogus, gzip", "gzip"},
		{"identity", ""},
		{" , ;;, br ; q = 1 ", "br"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		if c.accept != "" {
			r.Header.Set("Accept-Encoding", c.accept)
		}
		if got := negotiate(r, "br", "gzip"); got != c.want {
			t.Errorf("Accept-Encoding %q: %q, want %q", c.accept, got, c.want)
		}
	}
}

func TestNoneMatch(t *testing.T) {
	for _, c := range []struct {
		header string
		want   bool
	}{
		{`"abc"`, true},
		{`W/"abc"`, true},
		{`"x", W/"abc"`, true},
		{`*`, true},
		{`"abcd"`, false},
		{``, false},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		if c.header != "" {
			r.Header.Set("If-None-Match", c.header)
		}
		if got := noneMatch(r, `"abc"`); got != c.want {
			t.Errorf("If-None-Match %q: %v, want %v", c.header, got, c.want)
		}
	}
}

// A page answers a revalidation with 304 whatever form the ETag comes
// back in, and its gzip and identity bodies have their own ETags.
func TestPageRevalidation(t *testing.T) {
	s := testServer(t, Config{})
	etag := func(enc string) string {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Encoding", enc)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, r)
		return rec.Header().Get("ETag")
	}
	plain, gz := etag(""), etag("gzip")
	if plain == gz || strings.HasSuffix(plain, `-"`) || !strings.HasPrefix(plain, `"`) {
		t.Fatalf("ETags %s (identity) and %s (gzip)", plain, gz)
	}
	for _, inm := range []string{plain, "W/" + plain, `"other", ` + plain, "*"} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("If-None-Match", inm)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, r)
		if rec.Code != http.StatusNotModified {
			t.Errorf("If-None-Match %s: status %d, want 304", inm, rec.Code)
		}
	}
}

// An interrupted wasm download resumes: the wasm honours Range, and is
// cached for good under its content's name.
func TestWasmRangeAndImmutableName(t *testing.T) {
	s := testServer(t, Config{})
	r := httptest.NewRequest("GET", s.site.Load().Wasm().Path(), nil)
	r.Header.Set("Range", "bytes=4-")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, r)
	body, _ := io.ReadAll(rec.Body)
	if rec.Code != http.StatusPartialContent || string(body) != " raw bytes" {
		t.Errorf("Range: status %d, body %q", rec.Code, body)
	}
	if cc := rec.Header().Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("the hashed wasm is sent with Cache-Control %q", cc)
	}
	if !strings.HasPrefix(s.site.Load().Wasm().Path(), "/web/app-") || !strings.HasSuffix(s.site.Load().Wasm().Path(), ".wasm") {
		t.Errorf("the wasm's URL is %s", s.site.Load().Wasm().Path())
	}
}

// Browsers ask every site for /favicon.ico: a 404 there is a console error
// on a publisher's page.
func TestFaviconIsServed(t *testing.T) {
	s := testServer(t, Config{Web: fstest.MapFS{
		"app.wasm":    {Data: []byte("\x00asm")},
		"favicon.ico": {Data: []byte("\x00\x00\x01\x00")},
	}})
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/favicon.ico", nil))
	if rec.Code != 200 || rec.Body.Len() == 0 {
		t.Errorf("/favicon.ico: status %d, %d bytes", rec.Code, rec.Body.Len())
	}
}
