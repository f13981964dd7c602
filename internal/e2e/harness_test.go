// Package e2e tests Gloss as a reader meets it: the real server on a
// loopback port, the real wasm, and Debian's Chromium driven by chromedp.
package e2e

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/gloss/gloss/internal/browsertest"
	"github.com/gloss/gloss/internal/e2e/catalog"
	"github.com/gloss/gloss/internal/wasmbuild"
	"github.com/gloss/gloss/server"
)

// env is what every test shares: the browser binary, axe-core's source,
// a web folder holding the wasm and the real assets, and a temporary
// folder.
var env struct {
	chrome string
	axe    string
	web    string
	root   string
	tmp    string
}

// shared is the Chromium the tests that need no flags of their own share
// (newBrowser): one process instead of one per test.
var shared struct {
	once sync.Once
	ctx  context.Context
	stop func()
	err  error
}

func TestMain(m *testing.M) {
	os.Exit(setup(m))
}

func setup(m *testing.M) int {
	root, err := moduleRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	env.root = root
	env.chrome = browsertest.Find()
	if env.chrome == "" {
		fmt.Fprintln(os.Stderr, "e2e: the browser tests need Chromium and found none.\n"+
			"  Install it with: apt-get install -y chromium   (or set GLOSS_CHROME to a Chrome binary)")
		return 1
	}
	env.axe = filepath.Join(root, "node_modules", "axe-core", "axe.min.js")
	if _, err := os.Stat(env.axe); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: the accessibility tests need axe-core.\n"+
			"  Install it with: make deps   (or, in the repository root: npm ci)")
		return 1
	}
	dir, err := os.MkdirTemp("", "gloss-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	env.tmp = dir
	env.web = filepath.Join(dir, "web")
	if err := buildWeb(root, env.web); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: building the wasm:", err)
		return 1
	}
	defer func() {
		if shared.stop != nil {
			shared.stop()
		}
	}()
	return m.Run()
}

// buildWeb copies the static assets into dst and builds the wasm there as
// make does (internal/wasmbuild), gzip-compressed too so that the tests
// exercise Content-Encoding. The wasm holds no article: each page brings
// its own.
func buildWeb(root, dst string) error {
	if err := os.CopyFS(dst, os.DirFS(filepath.Join(root, "web"))); err != nil {
		return err
	}
	for _, f := range []string{"app.wasm", "app.wasm.br", "app.wasm.gz"} {
		os.Remove(filepath.Join(dst, f))
	}
	_, err := wasmbuild.Build{Root: root, Out: filepath.Join(dst, "app.wasm"),
		Cache: filepath.Join(filepath.Dir(dst), "wasm"), Gzip: true}.Run(context.Background())
	return err
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the test's folder")
		}
		dir = parent
	}
}

// site is a Gloss server started for one test on its own loopback port,
// so each test has its own origin and so its own service worker and
// storage.
type site struct {
	URL  string
	srv  *server.Server
	hs   *browsertest.Server
	gate chan struct{}
	// wrap, when set, stands between the browser and the server, as a
	// proxy would.
	wrap func(http.Handler) http.Handler
}

type siteOption func(*site)

// gated holds every wasm request until release is called: the test can
// look at the page as it is before the wasm runs.
func gated(s *site) { s.gate = make(chan struct{}) }

// cutWasm cuts every wasm download short, as a network that drops it
// would: the page must work with no wasm.
func cutWasm(s *site) {
	s.wrap = func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, ".wasm") {
				panic(http.ErrAbortHandler)
			}
			h.ServeHTTP(w, r)
		})
	}
}

func startSite(t *testing.T, opts ...siteOption) *site {
	t.Helper()
	return startSiteOn(t, "127.0.0.1:0", server.Config{}, opts...)
}

func startSiteOn(t *testing.T, addr string, cfg server.Config, opts ...siteOption) *site {
	t.Helper()
	if cfg.Articles == nil && cfg.Archive == nil {
		cfg.Articles = catalog.Articles()
	}
	if cfg.Web == nil {
		cfg.Web = os.DirFS(env.web)
	}
	srv, err := server.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := &site{srv: srv}
	for _, o := range opts {
		o(s)
	}
	var h http.Handler = srv
	if s.wrap != nil {
		h = s.wrap(srv)
	}
	if s.gate != nil {
		gate, inner := s.gate, h
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, ".wasm") {
				select {
				case <-gate:
				case <-r.Context().Done():
					return
				}
			}
			inner.ServeHTTP(w, r)
		})
	}
	if s.hs, err = browsertest.Serve(addr, h); err != nil {
		t.Fatal(err)
	}
	s.URL = s.hs.URL
	t.Cleanup(s.Stop)
	return s
}

// release lets the held wasm requests through.
func (s *site) release() {
	select {
	case <-s.gate:
	default:
		close(s.gate)
	}
}

// Stop closes the server and every connection, as if the origin went away.
func (s *site) Stop() {
	if s.gate != nil {
		s.release()
	}
	s.hs.Close()
}

// newBrowser gives a test a tab as a fresh profile has it: an empty
// cache, no service worker, no storage. It is a tab of the shared
// Chromium in a browser context of its own, or, for a test that starts
// the browser with flags of its own, a Chromium of the test's.
func newBrowser(t *testing.T, flags ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	if len(flags) > 0 {
		ctx, stop, err := browsertest.Start(context.Background(), env.chrome, t.TempDir(), flags...)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(stop)
		return ctx
	}
	shared.once.Do(func() {
		shared.ctx, shared.stop, shared.err = browsertest.Start(context.Background(), env.chrome, filepath.Join(env.tmp, "profile"))
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	tab, cancel, err := browsertest.NewTab(shared.ctx)
	if err != nil {
		t.Fatalf("a new tab of %s: %v", env.chrome, err)
	}
	t.Cleanup(func() {
		// What a test blocked (browsertest.Block, the whole browser's)
		// is not blocked for the next.
		c, stop := context.WithTimeout(tab, 10*time.Second)
		defer stop()
		if err := chromedp.Do(c, browsertest.Block()); err != nil {
			t.Errorf("unblocking the shared browser's requests: %v", err)
		}
		cancel()
	})
	return tab
}

// do runs steps with a time limit, failing the test on error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in the page (awaiting a promise)
// and decodes its value.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript condition in ctx (a page or a frame) until
// it is true (browsertest.Poll).
func waitFor(t *testing.T, ctx context.Context, cond string, limit time.Duration) {
	t.Helper()
	if err := browsertest.Poll(ctx, cond, limit); err != nil {
		t.Fatal(err)
	}
}

// wasmRunning is true once go-app has started: app.js removes the loader
// after go.run, and the mounted prompts say they run (app/prompts.go).
const wasmRunning = `!document.getElementById("app-wasm-loader") && !!document.querySelector('#gloss-app[data-wasm="running"]')`

// wasmRuns is a reader's first interaction with the page, which starts
// the wasm (web/gloss.js), and the wait until it runs. The interaction is
// a press of Shift: it neither moves focus nor closes an open card.
func wasmRuns(t *testing.T, ctx context.Context) {
	t.Helper()
	// A key pressed before web/gloss.js listens is lost, as a reader's
	// would be: press it once the page has loaded with its script.
	waitFor(t, ctx, `document.readyState === "complete" && typeof window.glossCompileWasm === "function"`, 20*time.Second)
	do(t, ctx, chromedp.KeyEvent(kb.Shift))
	waitWasm(t, ctx, 60*time.Second)
}

// visit is a reader's first visit to url: the page loads, the reader's
// first key starts the wasm, and the service worker has installed,
// precached the app shell and taken control of the page.
func visit(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	do(t, ctx, chromedp.Navigate(url))
	wasmRuns(t, ctx)
	waitFor(t, ctx, `!!navigator.serviceWorker.controller`, 30*time.Second)
}

// waitWasm waits until the wasm runs in ctx (a page or a frame); if it
// does not, the failure says where its start stood.
func waitWasm(t *testing.T, ctx context.Context, limit time.Duration) {
	t.Helper()
	if err := browsertest.Poll(ctx, wasmRunning, limit); err != nil {
		t.Fatalf("the wasm did not run within %v: %s", limit, eval[string](t, ctx, wasmState))
	}
}

// wasmState says where the wasm's start stands, for a failure's message.
const wasmState = `JSON.stringify({classes: document.documentElement.className,
  loader: (document.getElementById("app-wasm-loader-label") || {}).textContent || "none",
  start: typeof window.goappStartWasm, prompts: (document.getElementById("gloss-app") || {dataset: {}}).dataset.wasm,
  controller: navigator.serviceWorker && navigator.serviceWorker.controller ? navigator.serviceWorker.controller.state : "none",
  resources: performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname)})`

// wasmRequested is true once web/gloss.js has started go-app's loader, or
// the page has fetched the wasm.
const wasmRequested = `document.documentElement.classList.contains("gloss-starting") || performance.getEntriesByType("resource").some(e => /\.wasm(\?|$)/.test(e.name))`

// openCard is true when the card with id is open.
func openCard(id string) string {
	return fmt.Sprintf(`!!document.getElementById(%q) && document.getElementById(%q).matches(":popover-open")`, id, id)
}

// framesDrawn settles once the page (or frame) has drawn two frames: what
// it does in answer to an input or a message it has handled (a card
// opening, a layout shift, a resize) is on screen by then.
const framesDrawn = `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`

// settled awaits until the value of the JavaScript expression expr is
// the same for three frames in a row: a scroll or a placement has ended.
func settled(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	eval[bool](t, ctx, fmt.Sprintf(`new Promise((r) => {
  let last = null, same = 0;
  const f = () => { const v = JSON.stringify(%s); same = v === last ? same + 1 : 0; last = v; if (same >= 3) r(true); else requestAnimationFrame(f); };
  requestAnimationFrame(f);
})`, expr))
}

// idle settles once the page (or frame) has had an idle period: the tasks
// its load began have run. (A hidden frame may get none: then after 5 s.)
const idle = `new Promise((r) => requestIdleCallback(() => r(true), { timeout: 5000 }))`

// doneAnimating is true once the page's fonts have loaded and no
// animation or transition runs, as a screenshot wants it.
const doneAnimating = `document.fonts.status === "loaded" && document.getAnimations().every((a) => a.playState !== "running")`

const noCardOpen = `!document.querySelector(":popover-open")`

const activeID = `document.activeElement ? document.activeElement.id : ""`
