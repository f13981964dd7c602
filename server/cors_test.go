package server

import (
	"testing"

	"github.com/gloss/gloss/articles"
	"github.com/gloss/gloss/site"
)

// A sandboxed embed view has an opaque origin: the static assets it
// loads allow any origin; pages, the service worker and the manifest do
// not.
func TestStaticAssetsAllowAnyOrigin(t *testing.T) {
	s := newTestServer(t, Config{})
	seed := site.ArticlePath(articles.All()[0].Slug)
	for target, want := range map[string]string{
		s.site.Load().Wasm().Path(): "*", "/web/embed.js": "*", "/app.js": "*", "/wasm_exec.js": "*", "/app.css": "*",
		"/": "", seed: "", seed + "?embed=1": "", "/app-worker.js": "", "/manifest.webmanifest": "",
	} {
		rec := get(s, "localhost:8000", target)
		if rec.Code != 200 {
			t.Errorf("%s: status %d", target, rec.Code)
		}
		if got := rec.Header().Get("Access-Control-Allow-Origin"); got != want {
			t.Errorf("%s: Access-Control-Allow-Origin %q, want %q", target, got, want)
		}
	}
}
