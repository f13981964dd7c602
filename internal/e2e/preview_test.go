package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	glosssite "github.com/gloss/gloss/site"

	"github.com/chromedp/chromedp"
	"github.com/gloss/gloss/internal/fixtures"
	"github.com/gloss/gloss/server"
	"github.com/gloss/gloss/watch"
)

// An editor's open tab follows the content folder by itself: a saved
// note shows without a reload, a broken one shows its file:line over the
// last good page, and fixing it clears the message.
func TestPreviewTabFollowsTheContentFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, fixtures.FS()); err != nil {
		t.Fatal(err)
	}
	folder, err := watch.OpenArchive(dir)
	if err != nil {
		t.Fatal(err)
	}
	if problems := folder.Problems(); problems != nil {
		t.Fatal(problems)
	}
	s := startSiteOn(t, "127.0.0.1:0", server.Config{Archive: folder, Preview: true})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		folder.Watch(ctx, func(_ []string, problem error) { s.srv.Refresh(problem) })
	}()
	t.Cleanup(func() { cancel(); <-done; s.srv.Close() })

	b := newBrowser(t)
	do(t, b, chromedp.Navigate(s.URL+glosssite.ArticlePath("riverside-library")))
	wasmRuns(t, b)
	note := filepath.Join(dir, "riverside-library", "notes", "visitors.md")
	good, _ := os.ReadFile(note)
	edited := strings.Replace(string(good), "title: Visitor numbers before the closure", "title: Visits before the closure", 1)
	os.WriteFile(note, []byte(edited), 0o644)
	waitFor(t, b, `document.getElementById("visitors-title") && document.getElementById("visitors-title").textContent === "Visits before the closure"`, 10*time.Second)

	os.WriteFile(note, []byte(strings.Replace(edited, "kind: correction", "kind: correction\nkindd: typo", 1)), 0o644)
	waitFor(t, b, `(document.getElementById("gloss-preview-problem") || {}).textContent?.includes("visitors.md:4: unknown field")`, 10*time.Second)
	if got := eval[string](t, b, `document.getElementById("visitors-title").textContent`); got != "Visits before the closure" {
		t.Errorf("behind the problem the page shows %q, want the last good title", got)
	}
	os.WriteFile(note, good, 0o644)
	waitFor(t, b, `!document.getElementById("gloss-preview-problem") && document.getElementById("visitors-title").textContent === "Visitor numbers before the closure"`, 10*time.Second)
}
