package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/gloss/gloss/internal/browsertest"
)

// With the wasm blocked, the loader shows, and tells the reader in words
// what still works, not the exception's text (web/gloss.js); while the
// wasm starts it does not show (TestCardsOpenBeforeTheWasmLoads).
func TestLoaderSaysWhatStillWorksWhenTheWasmFails(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	do(t, ctx, browsertest.Block(s.URL+"/web/*.wasm"), chromedp.Navigate(s.URL+seedPath), chromedp.KeyEvent(kb.Shift))
	waitFor(t, ctx, `!document.getElementById("app-wasm-loader-icon").classList.contains("goapp-spin")`, 15*time.Second)
	label := eval[string](t, ctx, `document.getElementById("app-wasm-loader-label").innerText`)
	if !strings.Contains(label, "could not load") || strings.Contains(label, "Error") {
		t.Errorf("with the wasm blocked the loader says %q", label)
	}
	// It is a small note that leaves the article readable.
	waitFor(t, ctx, `document.documentElement.classList.contains("gloss-wasm-failed")`, 5*time.Second)
	area := eval[float64](t, ctx, `(() => { const r = document.getElementById("app-wasm-loader").getBoundingClientRect(); return r.width * r.height / (innerWidth * innerHeight); })()`)
	if area == 0 || area > 0.05 {
		t.Errorf("the note that the wasm failed covers %.1f%% of the viewport", area*100)
	}
	for _, v := range axeViolations(t, ctx) {
		t.Errorf("page with the note that the wasm failed: %s", v)
	}
}

// The page's main thread neither fetches nor compiles the wasm: a worker
// does (web/gloss.js), and the page only instantiates the module it
// posts back, so that a reader's click is not held up by the compile.
// The wasm runs, and the page's own resource timing has no request for
// it (the worker's requests are in the worker's timeline); a worker that
// failed would have the page fetch it instead.
func TestTheWasmIsFetchedAndCompiledInAWorker(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.URL+seedPath))
	wasmRuns(t, ctx)
	if n := eval[int](t, ctx, `performance.getEntriesByType("resource").filter(e => /\.wasm(\?|$)/.test(e.name)).length`); n != 0 {
		t.Errorf("the page fetched the wasm itself %d time(s): the worker did not compile it", n)
	}
}
