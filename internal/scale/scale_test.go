// Package scale tests Gloss with an archive of 200 articles. It runs
// without the race detector, beside the browser tests: rendering 200 pages
// under it takes minutes and proves nothing more.
package scale

import (
	"fmt"
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gloss/gloss/articles"
	"github.com/gloss/gloss/content/parse"
	"github.com/gloss/gloss/export"
	"github.com/gloss/gloss/server"
)

// An archive of 200 articles passes gloss check, serves every page, and
// exports: nothing in Gloss is sized for one article.
func TestTwoHundredArticles(t *testing.T) {
	if testing.Short() {
		t.Skip("200 articles take a few seconds")
	}
	dir := t.TempDir()
	// The seed shows shared cards: its copies find them in the library
	// beside them.
	if err := os.CopyFS(filepath.Join(dir, "cards"), mustSub(t, articles.FS(), "cards")); err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		slug := fmt.Sprintf("copy-%03d", i)
		if err := os.CopyFS(filepath.Join(dir, slug), mustSub(t, articles.FS(), "ukraine-talks-2024")); err != nil {
			t.Fatal(err)
		}
	}
	if articles, _, err := parse.Check([]string{dir}); err != nil || articles != 200 {
		t.Fatalf("gloss check: %d articles, %v", articles, err)
	}
	list, err := parse.Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("../../web/app.wasm"); err != nil {
		t.Fatal("web/app.wasm is missing: run `make build` first (make test does)")
	}
	web := os.DirFS("../../web")
	start := time.Now()
	srv, err := server.New(server.Config{Articles: list, Web: web})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest("GET", "/a/"+a.Slug, nil))
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), `<link href="/a/`+a.Slug+`" rel="canonical">`) {
			t.Fatalf("/a/%s: status %d, or not its article", a.Slug, rec.Code)
		}
	}
	t.Logf("server.New with 200 articles: %s", time.Since(start))
	start = time.Now()
	res, err := export.Export(export.Options{Out: filepath.Join(t.TempDir(), "dist"), Articles: list, Web: web})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("export of 200 articles: %s", time.Since(start))
	if len(res.Pages) != 200 {
		t.Errorf("exported %d article pages, want 200", len(res.Pages))
	}
}

func mustSub(t *testing.T, fsys fs.FS, dir string) fs.FS {
	t.Helper()
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		t.Fatal(err)
	}
	return sub
}
