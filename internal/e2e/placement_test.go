package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/gloss/gloss/app"
)

// Before the wasm, in a browser without CSS anchor positioning, gloss.js
// alone places each card beside its phrase, inside the viewport: the same
// outcome check that catches WebKit's and Firefox's misplaced cards.
func TestCardsArePlacedBeforeTheWasmWithoutAnchorPositioning(t *testing.T) {
	s := startSite(t, gated)
	ctx := newBrowser(t)
	const noAnchors = `document.addEventListener("DOMContentLoaded", () => {
		const sheet = new CSSStyleSheet();
		sheet.replaceSync(".gloss-card { position-area: none !important; position-try-fallbacks: none !important; }");
		document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
	})`
	do(t, ctx, addScriptOnLoad(noAnchors), chromedp.EmulateViewport(1280, 800), chromedp.Navigate(s.URL+"/"))
	for _, n := range anchored(seed) {
		// The phrase in the middle of the viewport: room on both sides.
		eval[bool](t, ctx, fmt.Sprintf(`(() => { const p = document.getElementById(%q); scrollBy(0, p.getBoundingClientRect().top - innerHeight / 2); return true; })()`, app.TriggerID(n.ID)))
		do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(n.ID))))
		waitFor(t, ctx, openCard(n.ID), 5*time.Second)
		nextToPhrase(t, ctx, n.ID)
		do(t, ctx, chromedp.KeyEvent(kb.Escape))
		waitFor(t, ctx, noCardOpen, 5*time.Second)
	}
	if eval[bool](t, ctx, `!document.getElementById("app-wasm-loader")`) {
		t.Fatal("the wasm ran although its request was held: Go may have placed the cards")
	}
}
