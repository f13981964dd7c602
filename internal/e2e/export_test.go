package e2e

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	glosssite "github.com/gloss/gloss/site"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/export"
	"github.com/gloss/gloss/internal/browsertest"
	"github.com/gloss/gloss/internal/e2e/catalog"
	"github.com/gloss/gloss/internal/fixtures"
)

// staticHost serves a folder under a path with Go's plain file server,
// as a static host would: no Gloss code, folders redirected to their
// slash, and the type of the wasm from its extension.
type staticHost struct {
	URL string
	hs  *browsertest.Server
}

func startStaticHost(t *testing.T, dir, base string) *staticHost {
	t.Helper()
	files := http.StripPrefix(strings.TrimSuffix(base, "/"), http.FileServer(http.Dir(dir)))
	mux := http.NewServeMux()
	mux.Handle(base, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			w.Header().Set("Content-Type", "application/wasm")
		}
		files.ServeHTTP(w, r)
	}))
	hs, err := browsertest.Serve("", mux)
	if err != nil {
		t.Fatal(err)
	}
	h := &staticHost{URL: hs.URL, hs: hs}
	t.Cleanup(h.Stop)
	return h
}

// Stop closes the host and every connection, as if it went away.
func (h *staticHost) Stop() { h.hs.Close() }

var (
	rootPath = regexp.MustCompile(`(?:href|src|content)="(/[^"]*)"|["'\x60](/[^"'\x60\s]*)["'\x60]`)
	hostRef  = regexp.MustCompile(`(?i)localhost|127\.0\.0\.1`)
)

// scanExport reads every text file of the export: none may name this
// machine or a path outside base.
func scanExport(t *testing.T, dir, base string) {
	t.Helper()
	texts := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".wasm", ".gz", ".br", ".png":
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		texts++
		rel, _ := filepath.Rel(dir, p)
		if m := hostRef.Find(b); m != nil {
			t.Errorf("%s names %s", rel, m)
		}
		for _, m := range rootPath.FindAllStringSubmatch(string(b), -1) {
			u := m[1] + m[2]
			// A lone "/" in a script is a character, not a URL.
			if strings.HasPrefix(u, "//") || (u == "/" && strings.HasSuffix(rel, ".js")) {
				continue
			}
			if !strings.HasPrefix(u, base) && u+"/" != base {
				t.Errorf("%s refers to %s, outside %s", rel, u, base)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("scanned %d text files", texts)
}

// TestExportOnAStaticHost exports the site under /gloss/, serves it with
// a plain file server and reads it as a reader would: the article and
// its cards, another article, a deep link to a card, the embed snippet
// on a publisher's page, and every page again with the host gone.
func TestExportOnAStaticHost(t *testing.T) {
	const base = "/gloss/"
	dir := filepath.Join(t.TempDir(), "site")
	start := time.Now()
	res, err := export.Export(export.Options{Out: dir, Base: base, Articles: catalog.Articles(), Web: os.DirFS(env.web)})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("export: %d files, %.1f MB in %s", res.Files, float64(res.Bytes)/1e6, time.Since(start).Round(time.Millisecond))
	scanExport(t, dir, base)
	host := startStaticHost(t, dir, base)
	site := host.URL + strings.TrimSuffix(base, "/")
	ctx := newBrowser(t)

	// A deep link opens its card before and after the wasm runs: the
	// wasm's routes match under the prefix, or go-app would show "not
	// found" in place of the article.
	notes := anchored(seed)
	deep := notes[1]
	do(t, ctx, chromedp.Navigate(site+seedPath+"#"+deep.ID))
	waitFor(t, ctx, openCard(deep.ID), 10*time.Second)
	wasmRuns(t, ctx)
	waitFor(t, ctx, openCard(deep.ID), 5*time.Second)
	do(t, ctx, chromedp.KeyEvent(kb.Escape))
	waitFor(t, ctx, noCardOpen, 5*time.Second)

	// The article's cards open by click and close with Escape.
	for _, n := range notes[:3] {
		do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(n.ID))))
		waitFor(t, ctx, openCard(n.ID), 5*time.Second)
		title := eval[string](t, ctx, fmt.Sprintf(`document.getElementById(%q).innerText`, n.ID+"-title"))
		if title != n.Title {
			t.Errorf("card %s: title %q, want %q", n.ID, title, n.Title)
		}
		do(t, ctx, chromedp.KeyEvent(kb.Escape))
		waitFor(t, ctx, noCardOpen, 5*time.Second)
	}

	// Another article at its own path (the host redirects /a/x to /a/x/),
	// and the front page at the base without its slash (redirected to
	// it), leading to the seed.
	other := fixtures.Parsed()[0]
	openArticle(t, ctx, site+glosssite.ArticlePath(other.Slug), other)
	do(t, ctx, chromedp.Navigate(site))
	waitFor(t, ctx, `[...document.querySelectorAll(".gloss-front-title a")].some(a => a.pathname === "`+base+`a/`+seed.Slug+`")`, 10*time.Second)

	// The worker has installed, precached and taken control of the page.
	waitFor(t, ctx, `!!navigator.serviceWorker.controller`, 30*time.Second)

	if _, err := os.Stat(filepath.Join(env.web, "js", "embed.js")); err == nil {
		embedOnAPublishersPage(t, ctx, host.URL, base, other)
	} else {
		t.Log("no web/js/embed.js: the embed snippet is not tested")
	}

	// Offline: the worker precached every page under the base. (The base
	// without its slash is outside the worker's scope: offline, only the
	// address with the slash works, which is the one the app uses.)
	host.Stop()
	for _, p := range []string{seedPath + "?utm_source=x", seedPath} {
		openArticle(t, ctx, site+p, seed)
	}
	for _, p := range []string{glosssite.ArticlePath(other.Slug), glosssite.ArticlePath(other.Slug) + "/"} {
		openArticle(t, ctx, site+p, other)
	}
	do(t, ctx, chromedp.Navigate(site+frontPath))
	waitFor(t, ctx, `!!document.querySelector(".gloss-front-title")`, 10*time.Second)
}

// openArticle loads url, checks it shows article a, waits for the wasm
// and opens the first card.
func openArticle(t *testing.T, ctx context.Context, url string, a content.Article) {
	t.Helper()
	do(t, ctx, chromedp.Navigate(url))
	waitFor(t, ctx, `!!document.querySelector(".gloss-article")`, 10*time.Second)
	text := eval[string](t, ctx, `document.querySelector(".gloss-article").innerText`)
	if want := plain(a.Body[0]); !strings.Contains(text, want[:min(40, len(want))]) {
		t.Fatalf("%s: the article %q is not on the page", url, a.Slug)
	}
	wasmRuns(t, ctx)
	n := anchored(a)[0]
	do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(n.ID))))
	waitFor(t, ctx, openCard(n.ID), 5*time.Second)
	do(t, ctx, chromedp.KeyEvent(kb.Escape))
	waitFor(t, ctx, noCardOpen, 5*time.Second)
}

// embedOnAPublishersPage puts the embed snippet of article a, pointing at
// the export, on a page of another origin: embed.js must replace it with
// a frame of the exported page, which opens the card the link names and
// tells the publisher's page so.
func embedOnAPublishersPage(t *testing.T, ctx context.Context, siteOrigin, base string, a content.Article) {
	t.Helper()
	n := anchored(a)[0]
	snippet := glosssite.Snippet(siteOrigin, base, a)
	// The link names a card: the frame opens it.
	link := `href="` + glosssite.ArticleURL(siteOrigin, base, a.Slug) + `"`
	if !strings.Contains(snippet, link) {
		t.Fatalf("the snippet has no %s:\n%s", link, snippet)
	}
	snippet = strings.Replace(snippet, link, strings.TrimSuffix(link, `"`)+`#`+n.ID+`"`, 1)
	page := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Publisher</title>
<script>document.addEventListener("gloss:card-open", function (e) { window.glossOpened = e.detail.id; });</script>
</head><body><h1>The Harbour Gazette</h1>` + snippet + `</body></html>`
	pub, err := browsertest.Serve("", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()

	do(t, ctx, chromedp.Navigate(pub.URL+"/"))
	waitFor(t, ctx, `!!document.querySelector("iframe.gloss-embed")`, 10*time.Second)
	src := eval[string](t, ctx, `document.querySelector("iframe.gloss-embed").src`)
	want := siteOrigin + strings.TrimSuffix(base, "/") + glosssite.ArticlePath(a.Slug) + "?embed=1"
	if !strings.HasPrefix(src, want) {
		t.Errorf("the embed frame loads %s, want %s…", src, want)
	}
	waitFor(t, ctx, fmt.Sprintf(`window.glossOpened === %q`, n.ID), 30*time.Second)
	h := eval[float64](t, ctx, `document.querySelector("iframe.gloss-embed").getBoundingClientRect().height`)
	if h < 100 {
		t.Errorf("the embed frame is %.0f px tall", h)
	}
}
