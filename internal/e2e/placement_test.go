package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/internal/browsertest"
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
	do(t, ctx, browsertest.OnNewDocument(noAnchors), chromedp.EmulateViewport(1280, 800), chromedp.Navigate(s.URL+seedPath))
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

// On a wide screen a card opens on the side of its phrase with more room:
// under a phrase high in the window, hanging right above one low in it,
// next to it either way.
func TestCardOpensOnTheSideWithMoreRoom(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(s.URL+seedPath))
	checked := map[float64]int{}
	for _, n := range anchored(seed) {
		for _, at := range []float64{0.2, 0.8} {
			// The phrase's lines between 20% (or 80%) of the window and
			// below: skipped where the page cannot scroll so far.
			ok := eval[bool](t, ctx, fmt.Sprintf(`(() => { const p = document.getElementById(%q).closest(".gloss-phrase");
			  scrollBy(0, p.getBoundingClientRect().top - innerHeight * %v);
			  return Math.abs(p.getBoundingClientRect().top - innerHeight * %v) < 2; })()`, app.TriggerID(n.ID), at, at))
			if !ok {
				continue
			}
			checked[at]++
			do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(n.ID))))
			waitFor(t, ctx, openCard(n.ID), 5*time.Second)
			c := nextToPhrase(t, ctx, n.ID)
			phraseTop := eval[float64](t, ctx, fmt.Sprintf(`document.getElementById(%q).closest(".gloss-phrase").getBoundingClientRect().top`, app.TriggerID(n.ID)))
			if above := c[1] <= phraseTop+1; above != (at > 0.5) {
				t.Errorf("card %s opened %s its phrase at %.0f%% of the window, at %v", n.ID, map[bool]string{true: "above", false: "below"}[above], at*100, c)
			}
			do(t, ctx, chromedp.KeyEvent(kb.Escape))
			waitFor(t, ctx, noCardOpen, 5*time.Second)
		}
	}
	if checked[0.2] < len(anchored(seed))/2 || checked[0.8] < len(anchored(seed))/2 {
		t.Fatalf("only %d and %d phrases could be scrolled to 20%% and 80%% of the window: this test proves little", checked[0.2], checked[0.8])
	}
}
