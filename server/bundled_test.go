package server

import (
	"io"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// The scripts and the style sheet are served as the bundles of their
// sources in web/js and web/css, at their old addresses, each page naming
// the bundle's own hash; the sources themselves are not served.
func TestScriptsAndStylesAreServedBundled(t *testing.T) {
	web := fstest.MapFS{"app.wasm": {Data: []byte("\x00asm")}}
	for _, dir := range []string{"js", "css"} {
		err := fs.WalkDir(os.DirFS("../web"), dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile("../web/" + p)
			web[p] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	s := testServer(t, Config{Web: web})
	page := fetch(s, "/")
	html, _ := io.ReadAll(page.Body)
	for _, name := range []string{"gloss.js", "gloss.css", "embed.js"} {
		res := fetch(s, "/web/"+name)
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != 200 || len(body) < 500 || strings.Contains(string(body), "import ") || strings.Contains(string(body), "\n  ") {
			t.Errorf("/web/%s: %d, not one minified bundle: %.200q", name, res.StatusCode, body)
		}
		if name != "embed.js" && !strings.Contains(string(html), "/web/"+name+"?v="+hash16(body)) {
			t.Errorf("the page does not name /web/%s by the served bundle's hash %s", name, hash16(body))
		}
	}
	for _, path := range []string{"/web/js/gloss.js", "/web/js/cards/placement.js", "/web/css/gloss.css", "/web/css/", "/web/js"} {
		if res := fetch(s, path); res.StatusCode != 404 {
			t.Errorf("%s: %d, want 404: the sources are not served", path, res.StatusCode)
		}
	}
}
