// Package e2e tests Gloss as a reader meets it: the real server on a
// loopback port, the real wasm, and Debian's Chromium driven by chromedp.
package e2e

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/gloss/gloss/internal/chrome"
	"github.com/gloss/gloss/internal/e2e/catalog"
	"github.com/gloss/gloss/internal/goapppatch"
	"github.com/gloss/gloss/internal/wasmpack"
	"github.com/gloss/gloss/server"
)

// env is what every test shares: the browser binary, axe-core's source
// and a web folder holding the test wasm (with the fixtures compiled in)
// and the real assets.
var env struct {
	chrome string
	axe    string
	web    string
	root   string
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
	env.chrome = chrome.Find()
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
	env.web = filepath.Join(dir, "web")
	if err := buildWeb(root, env.web); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: building the test wasm:", err)
		return 1
	}
	return m.Run()
}

// buildWeb copies the static assets and builds the real wasm (it holds no article:
// each page brings its own)
// into dst, gzip-compressed too so the tests exercise Content-Encoding.
func buildWeb(root, dst string) error {
	if err := os.CopyFS(dst, os.DirFS(filepath.Join(root, "web"))); err != nil {
		return err
	}
	for _, f := range []string{"app.wasm", "app.wasm.br", "app.wasm.gz"} {
		os.Remove(filepath.Join(dst, f))
	}
	// With the wasm's go-app, as the Makefile builds it
	// (internal/goapppatch).
	work, err := goapppatch.Prepare(root, filepath.Join(filepath.Dir(dst), "wasm"))
	if err != nil {
		return err
	}
	wasm := filepath.Join(dst, "app.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", wasm, "./cmd/gloss")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOWORK="+work)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%v\n%s", err, out)
	}
	// As the Makefile builds it (internal/cmd/wasmpack).
	if _, err := wasmpack.PackFile(wasm); err != nil {
		return err
	}
	raw, err := os.ReadFile(wasm)
	if err != nil {
		return err
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestSpeed)
	zw.Write(raw)
	zw.Close()
	return os.WriteFile(wasm+".gz", gz.Bytes(), 0o644)
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
	hs   *http.Server
	gate chan struct{}
	// wrap, when set, stands between the browser and the server, as a
	// proxy would.
	wrap func(http.Handler) http.Handler
}

type siteOption func(*site)

// gated holds every wasm request until release is called: the test can
// look at the page as it is before the wasm runs.
func gated(s *site) { s.gate = make(chan struct{}) }

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
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	s.URL = "http://" + ln.Addr().String()
	s.hs = &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go s.hs.Serve(ln)
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

// newBrowser starts a headless Chromium with a fresh profile for one test.
func newBrowser(t *testing.T, flags ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	opts := append(chrome.Options(env.chrome, t.TempDir()), flags...)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", env.chrome, err)
	}
	return ctx
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

// waitFor polls a JavaScript condition until it is true. Errors while
// polling (the page navigating, a context going away) count as "not yet".
func waitFor(t *testing.T, ctx context.Context, cond string, limit time.Duration) {
	t.Helper()
	if ok, last := poll(ctx, cond, limit); !ok {
		t.Fatalf("waiting %v for %s: not true (last error: %v)", limit, cond, last)
	}
}

// poll evaluates cond in ctx (a page or a frame) every 50 ms until it is
// true or limit has passed, and reports whether it came true, with the
// last error of the polling.
func poll(ctx context.Context, cond string, limit time.Duration) (bool, error) {
	deadline := time.Now().Add(limit)
	var last error
	for time.Now().Before(deadline) {
		c, cancel := context.WithTimeout(ctx, 5*time.Second)
		ok, err := chromedp.Run(c, chromedp.Evaluate[bool]("!!("+cond+")"))
		cancel()
		if err == nil && ok {
			return true, nil
		}
		last = err
		time.Sleep(50 * time.Millisecond)
	}
	return false, last
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
	if ok, _ := poll(ctx, wasmRunning, limit); !ok {
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

const noCardOpen = `!document.querySelector(":popover-open")`

const activeID = `document.activeElement ? document.activeElement.id : ""`
