package e2e

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	glosssite "github.com/gloss/gloss/site"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/e2e/catalog"
	"github.com/gloss/gloss/internal/fixtures"
	"github.com/gloss/gloss/server"
)

func TestArticleTextIsInTheRawHTML(t *testing.T) {
	s := startSite(t)
	res, err := http.Get(s.URL + "/?utm_source=x")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	text := visibleText(string(body))
	for _, b := range seed.Body {
		want := plain(b)
		if !strings.Contains(text, want) {
			t.Errorf("raw HTML lacks the paragraph %.60q…", want)
		}
	}
	for _, h := range []string{"X-Content-Type-Options", "Content-Security-Policy"} {
		if res.Header.Get(h) == "" {
			t.Errorf("page has no %s header", h)
		}
	}
	if strings.Contains(string(body), "user-scalable=0") {
		t.Error("the viewport forbids zooming")
	}
}

func TestWorksOfflineAfterOneVisit(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	visit(t, ctx, s.URL+"/")
	other := articleNamed(t, "riverside-library")
	do(t, ctx, chromedp.Navigate(s.URL+glosssite.ArticlePath(other.Slug)))
	wasmRuns(t, ctx)
	s.Stop()

	// Every page read: the default article with any query, the embed
	// view, the other article at its own path.
	for _, page := range []struct {
		path    string
		article content.Article
	}{
		{"/", seed}, {"/?utm_source=x", seed}, {"/?embed=1", seed},
		{glosssite.ArticlePath(seed.Slug), seed}, // its canonical address
		{glosssite.ArticlePath(other.Slug), other},
	} {
		a, path := page.article, page.path
		n := anchored(a)[0]
		do(t, ctx, chromedp.Navigate(s.URL+path))
		waitFor(t, ctx, `!!document.querySelector(".gloss-article")`, 10*time.Second)
		text := eval[string](t, ctx, `document.querySelector(".gloss-article").innerText`)
		if !strings.Contains(text, plain(a.Body[0])[:40]) {
			t.Fatalf("offline %s: article text missing", path)
		}
		wasmRuns(t, ctx)
		do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(n.ID))))
		waitFor(t, ctx, openCard(n.ID), 5*time.Second)
		do(t, ctx, chromedp.KeyEvent(kb.Escape))
	}

	// An article never opened: a page that says so and lists the ones
	// that can be read.
	do(t, ctx, chromedp.Navigate(s.URL+glosssite.ArticlePath("hostile")))
	waitFor(t, ctx, `!!document.querySelector("h1")`, 10*time.Second)
	text := eval[string](t, ctx, `document.body.innerText`)
	if !strings.Contains(text, "You are offline") || !strings.Contains(text, seed.Title) || !strings.Contains(text, other.Title) {
		t.Errorf("offline page for an unread article says:\n%s", text)
	}
}

// The icons a page names (the tab's, the home screen's) and its manifest
// are there offline after a single visit: the service worker precaches
// them. One that only the worker's runtime cache kept was missing for a
// reader who had opened one page, a failed request and a console error on
// every offline load (the page fetched it before the worker controlled
// it).
func TestTheIconsAreThereOfflineAfterOneVisit(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	visit(t, ctx, s.URL+"/")
	s.Stop()
	do(t, ctx, chromedp.Navigate(s.URL+"/"))
	waitFor(t, ctx, `!!document.querySelector(".gloss-article")`, 10*time.Second)
	type links struct {
		Named   int      `json:"named"`
		Missing []string `json:"missing"`
	}
	l := eval[links](t, ctx, `(async () => {
  const named = [...document.querySelectorAll('link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]')];
  const missing = [];
  for (const l of named) if (!(await fetch(l.href).then((r) => r.ok, () => false))) missing.push(l.getAttribute("href"));
  return { named: named.length, missing };
})()`)
	if l.Named < 2 {
		t.Errorf("the page names %d icon or manifest link(s): the check reads none", l.Named)
	}
	if len(l.Missing) > 0 {
		t.Errorf("offline after one visit, the page's %v cannot be fetched", l.Missing)
	}
}

// After an edit, the first load shows the new text: pages come from the
// network first, and the wasm (old or new) renders the page's own data.
func TestFirstLoadAfterAContentChangeShowsTheNewText(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	visit(t, ctx, s.URL+"/")

	edited := catalog.Articles()
	edited[0].Title = "A corrected headline"
	if err := s.srv.SetArticles(edited); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Reload())
	wasmRuns(t, ctx)
	if got := eval[string](t, ctx, `document.getElementById("gloss-headline").innerText`); got != "A corrected headline" {
		t.Errorf("the first load after the edit shows the headline %q", got)
	}
}

// A deploy that cannot serve the wasm (a 404 half-way through) must not
// cost the reader the app offline: the new worker does not install, and
// the previous one keeps its cache. A 503 from a proxy shows the cached
// page, not the error.
func TestAFailedDeployKeepsTheOfflineCopy(t *testing.T) {
	first := startSiteOn(t, "127.0.0.1:0", server.Config{Version: "v1"})
	ctx := newBrowser(t)
	visit(t, ctx, first.URL+"/")
	first.Stop()

	addr := strings.TrimPrefix(first.URL, "http://")
	broken := startSiteOn(t, addr, server.Config{Version: "v2"}, func(s *site) {
		s.wrap = func(h http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if strings.HasSuffix(r.URL.Path, ".wasm") {
					http.NotFound(w, r)
					return
				}
				h.ServeHTTP(w, r)
			})
		}
	})
	do(t, ctx, chromedp.Reload())
	waitFor(t, ctx, `!!document.querySelector(".gloss-article")`, 10*time.Second)
	// The update check has run and failed (the worker's install rejects).
	waitFor(t, ctx, `navigator.serviceWorker.getRegistration().then(r => !r.installing)`, 30*time.Second)
	time.Sleep(time.Second)
	broken.Stop()

	proxy := startSiteOn(t, addr, server.Config{Version: "v2"}, func(s *site) {
		s.wrap = func(h http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Error(w, "bad gateway", http.StatusServiceUnavailable)
			})
		}
	})
	for _, phase := range []string{"503 from a proxy", "offline"} {
		do(t, ctx, chromedp.Navigate(first.URL+"/"))
		waitFor(t, ctx, `!!document.querySelector(".gloss-article")`, 10*time.Second)
		wasmRuns(t, ctx)
		if phase == "503 from a proxy" {
			proxy.Stop()
		}
	}
}

func TestWasmIsServedCompressedWithItsLength(t *testing.T) {
	s := startSite(t)
	// app.js names the wasm by its content's hash.
	res, err := http.Get(s.URL + "/app.js")
	if err != nil {
		t.Fatal(err)
	}
	js, _ := io.ReadAll(res.Body)
	res.Body.Close()
	wasm := regexp.MustCompile(`/web/app-[0-9a-f]{16}\.wasm`).Find(js)
	if wasm == nil {
		t.Fatalf("app.js names no wasm: %.300s", js)
	}
	req, _ := http.NewRequest("GET", s.URL+string(wasm), nil)
	req.Header.Set("Accept-Encoding", "gzip")
	res, err = http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.Header.Get("Content-Encoding") != "gzip" || res.Header.Get("Content-Type") != "application/wasm" ||
		!strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
		t.Errorf("wasm headers %v", res.Header)
	}
	if res.Header.Get("X-Gloss-Wasm-Length") == "" || len(body) == 0 {
		t.Errorf("wasm: %d bytes, length header %q", len(body), res.Header.Get("X-Gloss-Wasm-Length"))
	}
}

func TestUpdateBarAppearsWhenANewVersionIsDeployed(t *testing.T) {
	first := startSiteOn(t, "127.0.0.1:0", server.Config{Version: "v1"})
	ctx := newBrowser(t)
	visit(t, ctx, first.URL+"/")
	if eval[bool](t, ctx, `!!document.getElementById("gloss-update")`) {
		t.Fatal("update bar shown before any update")
	}
	first.Stop()

	// The same origin now serves a new version.
	addr := strings.TrimPrefix(first.URL, "http://")
	startSiteOn(t, addr, server.Config{Version: "v2"})
	do(t, ctx, chromedp.Reload())
	wasmRuns(t, ctx)
	waitFor(t, ctx, `!!document.getElementById("gloss-update")`, 30*time.Second)
	text := eval[string](t, ctx, `document.getElementById("gloss-update").innerText`)
	if !strings.Contains(text, "new version") {
		t.Errorf("update bar says %q", text)
	}
}

// A resource that cannot be fetched must not keep the worker from
// installing: go-app's own worker fails whole on one 404.
func TestWorkerInstallsDespiteAMissingResource(t *testing.T) {
	web := t.TempDir()
	if err := os.CopyFS(web, os.DirFS(env.web)); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(web, "icon-maskable-512.png")); err != nil {
		t.Fatal(err)
	}
	s := startSiteOn(t, "127.0.0.1:0", server.Config{Web: os.DirFS(web)})
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.URL+"/"))
	waitFor(t, ctx, `!!navigator.serviceWorker.controller`, 30*time.Second)
	wasmRuns(t, ctx)
	s.Stop()
	do(t, ctx, chromedp.Reload())
	wasmRuns(t, ctx)
}

// addScriptOnLoad runs src in every document the tab loads, before the
// page's own scripts.
func addScriptOnLoad(src string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		return err
	})
}

// The wasm carries no article: the pages it renders bring their own. A
// sentence of a test-only article, served here, is nowhere in it.
func TestWasmHoldsNoArticleText(t *testing.T) {
	wasm, err := os.ReadFile(filepath.Join(env.web, "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range append(catalog.Articles(), fixtures.Parsed()...) {
		for _, s := range []string{a.Title, plain(a.Body[0])[:40]} {
			if strings.Contains(string(wasm), s) {
				t.Errorf("the wasm holds %q of the article %s", s, a.Slug)
			}
		}
	}
	s := startSite(t)
	other := articleNamed(t, "riverside-library")
	res, err := http.Get(s.URL + glosssite.ArticlePath(other.Slug))
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(page), plain(other.Body[0])[:40]) {
		t.Fatal("control: the served page lacks the article's sentence")
	}
}

// wasmPostedWhileControlled records, when web/gloss.js posts the wasm's
// address to its compiling worker, whether a service worker controlled
// the page then.
const wasmPostedWhileControlled = `(() => {
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (m) {
    if (m && typeof m.wasm === "string" && window.__controlledAtWasm === undefined)
      window.__controlledAtWasm = !!(navigator.serviceWorker && navigator.serviceWorker.controller);
    return post.apply(this, arguments);
  };
})();`

// On a first visit the reader's first interaction can come before the
// service worker has installed: the wasm then waits for the install, and
// is fetched from the cache it filled, instead of being downloaded and
// compiled while the worker precaches it.
func TestFirstVisitStartsTheWasmOnceTheWorkerHasInstalled(t *testing.T) {
	var wasmSent atomic.Int32
	s := startSite(t, func(s *site) {
		s.wrap = func(h http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if strings.HasSuffix(r.URL.Path, ".wasm") {
					wasmSent.Add(1)
				}
				h.ServeHTTP(w, r)
			})
		}
	})
	ctx := newBrowser(t)
	do(t, ctx, addScriptOnLoad(wasmPostedWhileControlled), chromedp.Navigate(s.URL+"/"))
	// The interaction comes as soon as the script listens, before the
	// page has loaded and app.js has registered the worker.
	waitFor(t, ctx, `typeof window.glossCompileWasm === "function"`, 20*time.Second)
	do(t, ctx, chromedp.KeyEvent(kb.Shift))
	waitWasm(t, ctx, 60*time.Second)
	if !eval[bool](t, ctx, `window.__controlledAtWasm === true`) {
		t.Errorf("the wasm was requested before the service worker controlled the page: %s", eval[string](t, ctx, wasmState))
	}
	if n := wasmSent.Load(); n != 1 {
		t.Errorf("the server sent the wasm %d times on a first visit, want 1", n)
	}
}

// A service worker that cannot install (here its precache of the wasm
// fails) does not hold the wasm back: it starts once the install has
// failed, long before the wait's 10 s limit.
func TestTheWasmStartsWhenTheWorkerCannotInstall(t *testing.T) {
	var wasmAsked atomic.Int32
	s := startSite(t, func(s *site) {
		s.wrap = func(h http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if strings.HasSuffix(r.URL.Path, ".wasm") && wasmAsked.Add(1) == 1 {
					http.Error(w, "bad gateway", http.StatusServiceUnavailable)
					return
				}
				h.ServeHTTP(w, r)
			})
		}
	})
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.URL+"/"))
	waitFor(t, ctx, `typeof window.glossCompileWasm === "function"`, 20*time.Second)
	start := time.Now()
	do(t, ctx, chromedp.KeyEvent(kb.Shift))
	waitWasm(t, ctx, 30*time.Second)
	if d := time.Since(start); d > 7*time.Second {
		t.Errorf("the wasm ran %v after the first interaction: it waited for the time limit, not for the failed install", d.Round(time.Millisecond))
	}
	if eval[bool](t, ctx, `!!navigator.serviceWorker.controller`) {
		t.Error("a service worker controls the page although its install failed")
	}
}
