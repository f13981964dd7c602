package e2e

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	glosssite "github.com/gloss/gloss/site"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/articles"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/browsertest"
)

// seed is the default article, the newest: the first on the front page.
var seed = articles.All()[0]

// seedPath is the seed article's own address; the site's base is its
// front page.
var seedPath = glosssite.ArticlePath(seed.Slug)

// anchored returns the notes of a that have a phrase in the text, in
// reading order.
func anchored(a content.Article) []content.Note {
	var out []content.Note
	for _, n := range a.Notes {
		if n.Anchor != "" {
			out = append(out, n)
		}
	}
	return out
}

func TestEveryCardOpensByClickAndClosesWithEscape(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.URL+seedPath))
	wasmRuns(t, ctx)
	for _, n := range anchored(seed) {
		trigger := app.TriggerID(n.ID)
		do(t, ctx, chromedp.Click(chromedp.ID(trigger)))
		waitFor(t, ctx, openCard(n.ID), 5*time.Second)
		title := eval[string](t, ctx, fmt.Sprintf(`document.getElementById(%q).innerText`, n.ID+"-title"))
		if title != n.Title {
			t.Errorf("card %s: title %q, want %q", n.ID, title, n.Title)
		}
		do(t, ctx, chromedp.KeyEvent(kb.Escape))
		waitFor(t, ctx, noCardOpen, 5*time.Second)
		if got := eval[string](t, ctx, activeID); got != trigger {
			t.Errorf("card %s closed with Escape: focus on %q, want its trigger %q", n.ID, got, trigger)
		}
	}
}

func TestKeyboardReachesTriggersInReadingOrderAndOpensCards(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.URL+seedPath))
	wasmRuns(t, ctx)

	// Tab from the top of the page, collecting the triggers it reaches.
	var order []string
	notes := anchored(seed)
	for i := 0; i < 60 && len(order) < len(notes); i++ {
		do(t, ctx, chromedp.KeyEvent(kb.Tab))
		if id := eval[string](t, ctx, activeID); strings.HasPrefix(id, "mark-") {
			order = append(order, strings.TrimPrefix(id, "mark-"))
		}
	}
	// Reading order is the order of the triggers in the text.
	want := eval[[]string](t, ctx, `[...document.querySelectorAll(".gloss-article .gloss-mark")].map(b => b.id.slice(5))`)
	if strings.Join(order, " ") != strings.Join(want, " ") || len(want) != len(notes) {
		t.Fatalf("Tab reached triggers %v, want reading order %v (%d notes)", order, want, len(notes))
	}

	// Enter and Space both open a card; focus moves into it; Escape
	// brings focus back to the trigger; the close button closes it too.
	first := notes[0]
	trigger := app.TriggerID(first.ID)
	do(t, ctx, chromedp.Focus(chromedp.ID(trigger)), chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, openCard(first.ID), 5*time.Second)
	// Focus moves in the card's toggle event, a task of its own after the
	// card opens: within a frame or two, not in the same task.
	eventually(t, time.Second, func() string {
		if eval[bool](t, ctx, fmt.Sprintf(`document.getElementById(%q).contains(document.activeElement)`, first.ID)) {
			return ""
		}
		return fmt.Sprintf("Enter opened %s but focus is on %q, not in the card", first.ID, eval[string](t, ctx, activeID))
	})
	do(t, ctx, chromedp.KeyEvent(kb.Escape))
	waitFor(t, ctx, noCardOpen, 5*time.Second)
	if got := eval[string](t, ctx, activeID); got != trigger {
		t.Errorf("after Escape focus is on %q, want %q", got, trigger)
	}
	do(t, ctx, chromedp.KeyEvent(" "))
	waitFor(t, ctx, openCard(first.ID), 5*time.Second)
	do(t, ctx, chromedp.Click(chromedp.CSS("#"+first.ID+" .gloss-close")))
	waitFor(t, ctx, noCardOpen, 5*time.Second)

	// One card at a time: opening a second closes the first.
	second := notes[1]
	do(t, ctx, chromedp.Click(chromedp.ID(trigger)))
	waitFor(t, ctx, openCard(first.ID), 5*time.Second)
	do(t, ctx, chromedp.KeyEvent(kb.Escape), chromedp.Click(chromedp.ID(app.TriggerID(second.ID))))
	waitFor(t, ctx, openCard(second.ID), 5*time.Second)
	if n := eval[int](t, ctx, `document.querySelectorAll(":popover-open").length`); n != 1 {
		t.Errorf("%d cards open at once, want 1", n)
	}
}

func TestCardsOpenBeforeTheWasmLoads(t *testing.T) {
	s := startSite(t, gated)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.URL+seedPath))
	n := anchored(seed)[0]
	do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(n.ID))))
	waitFor(t, ctx, openCard(n.ID), 5*time.Second)
	if eval[bool](t, ctx, `!document.getElementById("app-wasm-loader")`) {
		t.Fatal("the wasm ran although its request was held: this test proves nothing")
	}
	// While the wasm is on its way nothing shows: the reader waits for
	// nothing (a failure's note: TestLoaderSaysWhatStillWorksWhenTheWasmFails).
	waitFor(t, ctx, `document.documentElement.classList.contains("gloss-starting")`, 10*time.Second)
	if shown := eval[bool](t, ctx, `(() => { const r = document.getElementById("app-wasm-loader").getBoundingClientRect(); return r.width * r.height > 0; })()`); shown {
		t.Error("go-app's loader shows while the wasm starts")
	}
	do(t, ctx, chromedp.KeyEvent(kb.Escape))
	waitFor(t, ctx, noCardOpen, 5*time.Second)

	// A card left open while the wasm arrives is still open, and focused,
	// after go-app swaps in its DOM.
	do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(n.ID))))
	waitFor(t, ctx, openCard(n.ID), 5*time.Second)
	before := nextToPhrase(t, ctx, n.ID)
	s.release()
	wasmRuns(t, ctx)
	waitFor(t, ctx, openCard(n.ID), 5*time.Second)
	if after := nextToPhrase(t, ctx, n.ID); after != before {
		t.Errorf("card %s moved from %+v to %+v when the wasm started", n.ID, before, after)
	}
	if inCard := eval[bool](t, ctx, fmt.Sprintf(`document.getElementById(%q).contains(document.activeElement)`, n.ID)); !inCard {
		t.Errorf("after the wasm started, focus is on %q, not in the open card", eval[string](t, ctx, activeID))
	}
}

func TestWasmIsBlockedCardsStillOpen(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	do(t, ctx, browsertest.Block(s.URL+"/web/*.wasm"), chromedp.Navigate(s.URL+seedPath))
	for _, n := range anchored(seed)[:3] {
		do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(n.ID))))
		waitFor(t, ctx, openCard(n.ID), 5*time.Second)
		do(t, ctx, chromedp.KeyEvent(kb.Escape))
		waitFor(t, ctx, noCardOpen, 5*time.Second)
	}
	if eval[bool](t, ctx, `!document.getElementById("app-wasm-loader")`) {
		t.Fatal("the wasm ran although it was blocked: this test proves nothing")
	}
}

func TestDeepLinkOpensCard(t *testing.T) {
	s := startSite(t)
	// A card far down the article, on a phone and on a desktop: it opens
	// with its phrase in view and next to it, as a click would open it,
	// and stays there when the wasm takes over the page.
	n := anchored(seed)[len(anchored(seed))-3]
	var ctx context.Context
	for _, size := range [][2]int64{{360, 640}, {1280, 800}} {
		ctx = newBrowser(t)
		do(t, ctx, chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(s.URL+seedPath+"#"+n.ID))
		waitFor(t, ctx, openCard(n.ID), 10*time.Second)
		before := nextToPhrase(t, ctx, n.ID)
		wasmRuns(t, ctx)
		waitFor(t, ctx, openCard(n.ID), 5*time.Second)
		if after := nextToPhrase(t, ctx, n.ID); after != before {
			t.Errorf("at %dx%d card %s moved from %+v to %+v when the wasm started", size[0], size[1], n.ID, before, after)
		}
	}

	// Opening another card puts its id in the address bar.
	other := anchored(seed)[2]
	do(t, ctx, chromedp.KeyEvent(kb.Escape), chromedp.Click(chromedp.ID(app.TriggerID(other.ID))))
	waitFor(t, ctx, openCard(other.ID), 5*time.Second)
	waitFor(t, ctx, fmt.Sprintf(`location.hash === "#%s"`, other.ID), 5*time.Second)
}

// "Hide highlights" works from first paint, with no wasm, and is kept
// across visits: the phrases stop being buttons, the text stays whole.
func TestHideHighlightsIsRemembered(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	enabled := `document.querySelectorAll(".gloss-article .gloss-mark:enabled").length`
	do(t, ctx, browsertest.Block(s.URL+"/web/*.wasm"), chromedp.Navigate(s.URL+seedPath))
	waitFor(t, ctx, `document.readyState === "complete"`, 10*time.Second)
	if n := eval[int](t, ctx, enabled); n != len(anchored(seed)) {
		t.Fatalf("%d phrases are buttons before the switch, want %d: this test proves nothing", n, len(anchored(seed)))
	}
	do(t, ctx, chromedp.Click(chromedp.ID("gloss-plain")))
	waitFor(t, ctx, enabled+` === 0`, 5*time.Second)
	if got := eval[string](t, ctx, `document.getElementById("gloss-plain").getAttribute("aria-pressed")`); got != "true" {
		t.Errorf("switch aria-pressed=%q after hiding", got)
	}
	// A click on a hidden highlight opens nothing.
	first := anchored(seed)[0]
	do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(first.ID))))
	eval[bool](t, ctx, framesDrawn)
	if eval[bool](t, ctx, openCard(first.ID)) {
		t.Error("a hidden highlight still opens its card")
	}
	// Kept on the next visit, which the wasm may now run on.
	do(t, ctx, browsertest.Block(), chromedp.Reload())
	wasmRuns(t, ctx)
	waitFor(t, ctx, enabled+` === 0`, 5*time.Second)
	if got := eval[string](t, ctx, `document.getElementById("gloss-plain").getAttribute("aria-pressed")`); got != "true" {
		t.Errorf("switch aria-pressed=%q on the next visit", got)
	}
	// The article text is whole without the highlights.
	text := eval[string](t, ctx, `document.querySelector(".gloss-article").innerText`)
	for _, n := range anchored(seed) {
		if !strings.Contains(text, strings.Trim(n.Anchor, "[]")) && !strings.Contains(text, bracketed(n.Anchor)) {
			t.Errorf("plain article lost the phrase %q", n.Anchor)
		}
	}
	do(t, ctx, chromedp.Click(chromedp.ID("gloss-plain")))
	waitFor(t, ctx, fmt.Sprintf(`%s === %d`, enabled, len(anchored(seed))), 5*time.Second)
	do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(first.ID))))
	waitFor(t, ctx, openCard(first.ID), 5*time.Second)
}

// bracketed is the highlighted part of an anchor written with the
// "context [phrase] context" form.
func bracketed(anchor string) string {
	_, rest, ok := strings.Cut(anchor, "[")
	if !ok {
		return anchor
	}
	phrase, _, _ := strings.Cut(rest, "]")
	return phrase
}

func TestCardsStayInsideTheViewport(t *testing.T) {
	s := startSite(t)
	for _, size := range [][2]int64{{360, 640}, {1280, 800}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			ctx := newBrowser(t)
			do(t, ctx, chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(s.URL+seedPath))
			wasmRuns(t, ctx)
			for _, n := range anchored(seed) {
				do(t, ctx, chromedp.ScrollIntoView(chromedp.ID(app.TriggerID(n.ID))), chromedp.Click(chromedp.ID(app.TriggerID(n.ID))))
				waitFor(t, ctx, openCard(n.ID), 5*time.Second)
				r := eval[map[string]float64](t, ctx, fmt.Sprintf(`(() => { const r = document.getElementById(%q).getBoundingClientRect(); return {top: r.top, left: r.left, bottom: r.bottom, right: r.right, w: innerWidth, h: innerHeight}; })()`, n.ID))
				if r["top"] < 0 || r["left"] < 0 || r["bottom"] > r["h"]+0.5 || r["right"] > r["w"]+0.5 {
					t.Errorf("card %s at %v is not inside the %vx%v viewport", n.ID, r, r["w"], r["h"])
				}
				do(t, ctx, chromedp.KeyEvent(kb.Escape))
				waitFor(t, ctx, noCardOpen, 5*time.Second)
			}
		})
	}
}

// On a phone a card is a bottom sheet: a phrase tapped low on the screen
// is moved up above it, so the reader still sees what the card explains.
func TestTappedPhraseStaysInSightAboveTheSheet(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(360, 640), chromedp.Navigate(s.URL+seedPath))
	wasmRuns(t, ctx)
	checked := 0
	for _, n := range anchored(seed) {
		// The phrase's first line at 85% of the screen, where the sheet
		// will cover it; only where the page can scroll far enough for it.
		p := eval[map[string]float64](t, ctx, fmt.Sprintf(`(() => { const p = document.getElementById(%q);
		  scrollBy(0, p.getBoundingClientRect().top - innerHeight * 0.85);
		  const r = p.getClientRects()[0];
		  return {x: r.left + 4, y: (r.top + r.bottom) / 2, room: document.documentElement.scrollHeight - scrollY - innerHeight}; })()`, app.TriggerID(n.ID)))
		if p["room"] < 640 {
			continue
		}
		checked++
		do(t, ctx, chromedp.MouseClickXY(p["x"], p["y"]))
		waitFor(t, ctx, openCard(n.ID), 5*time.Second)
		nextToPhrase(t, ctx, n.ID)
		do(t, ctx, chromedp.KeyEvent(kb.Escape))
		waitFor(t, ctx, noCardOpen, 5*time.Second)
	}
	if checked < len(anchored(seed))/2 {
		t.Fatalf("only %d phrases had room to move up: this test proves little", checked)
	}
}

// A fragment that names no card, or is not even valid percent-encoding,
// opens nothing and breaks nothing.
func TestBadFragmentsOpenNothing(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	for _, frag := range []string{"%E0%A4%A", "nope", "gloss", "%3Cscript%3Ealert(1)%3C/script%3E"} {
		// Through a blank page, so each is a fresh load and not a
		// fragment change in the same document.
		do(t, ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(s.URL+seedPath+"#"+frag))
		wasmRuns(t, ctx)
		if eval[bool](t, ctx, `!!document.querySelector(":popover-open")`) {
			t.Errorf("#%s opened a card", frag)
		}
		n := anchored(seed)[0]
		do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(n.ID))))
		waitFor(t, ctx, openCard(n.ID), 5*time.Second)
		do(t, ctx, chromedp.KeyEvent(kb.Escape))
		waitFor(t, ctx, noCardOpen, 5*time.Second)
	}
}

// nextToPhrase checks that the open card id and its phrase are both
// inside the viewport, the card above or below the phrase (or a bottom
// sheet below it) and overlapping it horizontally, and returns where the
// card is.
func nextToPhrase(t *testing.T, ctx context.Context, id string) [4]float64 {
	t.Helper()
	var at [4]float64
	eventually(t, 5*time.Second, func() string {
		r := eval[map[string]float64](t, ctx, fmt.Sprintf(`(() => {
		  const c = document.getElementById(%q).getBoundingClientRect();
		  const b = document.getElementById(%q), p = b.getBoundingClientRect();
		  // Every line of the phrase, which may wrap: a card beside it covers none.
		  const lines = [...(b.closest(".gloss-phrase") || b).getClientRects()];
		  const covered = lines.filter((l) => c.top < l.bottom - 1 && c.bottom > l.top + 1 && c.left < l.right - 1 && c.right > l.left + 1).length;
		  const q = (b.closest(".gloss-phrase") || b).getBoundingClientRect();
		  return {top: c.top, bottom: c.bottom, left: c.left, right: c.right, covered, qtop: q.top, qbottom: q.bottom,
		    ptop: p.top, pbottom: p.bottom, pleft: p.left, pright: p.right, w: innerWidth, h: innerHeight}; })()`, id, app.TriggerID(id)))
		at = [4]float64{r["top"], r["bottom"], r["left"], r["right"]}
		switch {
		case r["top"] < -0.5 || r["left"] < -0.5 || r["bottom"] > r["h"]+0.5 || r["right"] > r["w"]+0.5:
			return fmt.Sprintf("card %s at %v is not inside the %vx%v viewport", id, at, r["w"], r["h"])
		case r["ptop"] < 0 || r["pbottom"] > r["h"]:
			return fmt.Sprintf("the phrase of card %s, at %v–%v, is out of the %vpx high viewport", id, r["ptop"], r["pbottom"], r["h"])
		case r["top"] < r["pbottom"]-1 && r["bottom"] > r["ptop"]+1:
			return fmt.Sprintf("card %s at %v covers its phrase at %v–%v", id, at, r["ptop"], r["pbottom"])
		case r["left"] >= r["pright"] || r["right"] <= r["pleft"]:
			return fmt.Sprintf("card %s at %v is not beside its phrase at x %v–%v", id, at, r["pleft"], r["pright"])
		case r["covered"] > 0 && r["w"] >= 600: // a phone's sheet may cover a phrase the page cannot scroll up
			return fmt.Sprintf("card %s at %v covers %v line(s) of its phrase", id, at, r["covered"])
		case r["w"] >= 600 && math.Abs(r["top"]-r["qbottom"]) > 12 && math.Abs(r["qtop"]-r["bottom"]) > 12:
			// Below its phrase or hanging above it, not apart from it.
			return fmt.Sprintf("card %s at %v is not right above or below its phrase at %v–%v", id, at, r["qtop"], r["qbottom"])
		}
		return ""
	})
	return at
}
