package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// With the wasm blocked, the loader tells the reader in words what still
// works, not the exception's text (web/gloss.js).
func TestLoaderSaysWhatStillWorksWhenTheWasmFails(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	do(t, ctx, blockURLs(s.URL+"/web/*.wasm"), chromedp.Navigate(s.URL+"/"), chromedp.KeyEvent(kb.Shift))
	waitFor(t, ctx, `!document.getElementById("app-wasm-loader-icon").classList.contains("goapp-spin")`, 15*time.Second)
	label := eval[string](t, ctx, `document.getElementById("app-wasm-loader-label").innerText`)
	if !strings.Contains(label, "could not load") || strings.Contains(label, "Error") {
		t.Errorf("with the wasm blocked the loader says %q", label)
	}
}
