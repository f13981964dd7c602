package server

import (
	"net/http/httptest"
	"testing"
	"testing/fstest"

	"github.com/gloss/gloss/articles"
	"github.com/gloss/gloss/site"
)

// SecurityHeaders, which the static export's host configuration uses, are
// the headers the server really sends.
func TestSecurityHeadersAreTheServers(t *testing.T) {
	s, err := New(Config{Articles: articles.All(), Web: fstest.MapFS{"app.wasm": {Data: []byte("\x00asm")}}})
	if err != nil {
		t.Fatal(err)
	}
	for target, ancestors := range map[string]string{"/": "'self'", "/?embed=1": "*"} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		for _, h := range site.SecurityHeaders(ancestors) {
			if got := rec.Header().Get(h.Name); got != h.Value {
				t.Errorf("%s: %s is %q, SecurityHeaders says %q", target, h.Name, got, h.Value)
			}
		}
	}
}
