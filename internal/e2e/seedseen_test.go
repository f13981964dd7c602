package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/web"
)

// The seed's shared card eu-aid, on a device that last showed it before
// its latest development was added: the phrase carries the mark and the
// card marks that development, in the seed's own words, and under
// "Since publication". (The pictures in the README are drawn here, with
// GLOSS_SCREENSHOTS set.)
func TestTheSeedMarksASharedCardThatChanged(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1100, 820), seenErrors(), chromedp.Navigate(s.URL+seedPath))
	waitFor(t, ctx, `document.readyState === "complete"`, 10*time.Second)
	const card = "eu-aid"
	keys := eval[[]string](t, ctx, fmt.Sprintf(`[...document.getElementById(%q).querySelectorAll("li[data-dev]")].map((li) => li.dataset.dev)`, card))
	since := eval[[]string](t, ctx, fmt.Sprintf(`[...document.getElementById(%q).querySelectorAll(".gloss-since li[data-dev]")].map((li) => li.dataset.dev)`, card))
	if len(since) < 2 {
		t.Fatalf("the seed's %s card has %d developments since publication, want a few", card, len(since))
	}
	newest := since[len(since)-1]
	var seen []string
	for _, k := range keys {
		if k != newest {
			seen = append(seen, k)
		}
	}
	stored, _ := json.Marshal(map[string]any{card: map[string]any{"v": "an older version", "d": seen}})
	eval[bool](t, ctx, fmt.Sprintf(`(localStorage.setItem(%q, %q), true)`, web.SeenKey, stored))
	reloadPage(t, ctx, `true`)

	badge := eval[string](t, ctx, fmt.Sprintf(`(document.getElementById(%q) || {}).textContent || ""`, card+web.UpdatedIDSuffix))
	if badge != seenWords.UpdatedSinceRead {
		t.Errorf("the badge at the phrase of %s says %q, want %q", card, badge, seenWords.UpdatedSinceRead)
	}
	marked := eval[[]string](t, ctx, fmt.Sprintf(`[...document.getElementById(%q).querySelectorAll("li.%s")].map((li) => li.dataset.dev)`, card, web.NewClass))
	if len(marked) != 1 || marked[0] != newest {
		t.Errorf("developments marked new: %q, want only the newest since publication, %s", marked, newest)
	}
	if errs := eval[[]string](t, ctx, `window.glossTestErrors`); len(errs) > 0 {
		t.Errorf("the page reported errors: %v", errs)
	}
	if os.Getenv("GLOSS_SCREENSHOTS") == "" {
		return
	}
	eval[bool](t, ctx, fmt.Sprintf(`(document.getElementById(%q).scrollIntoView({block: "center"}), true)`, app.TriggerID(card)))
	waitFor(t, ctx, `document.fonts.status === "loaded"`, 10*time.Second)
	shot(t, ctx, "updated-mark.png")
	// Tall enough for the card to show its "Since publication" whole.
	do(t, ctx, chromedp.EmulateViewport(1100, 1400))
	eval[bool](t, ctx, fmt.Sprintf(`(document.getElementById(%q).scrollIntoView({block: "center"}), true)`, app.TriggerID(card)))
	do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(card))))
	waitFor(t, ctx, openCard(card), 5*time.Second)
	// The card's own scroller shows its "Since publication" just under
	// the card's head, which stays in place.
	eval[bool](t, ctx, fmt.Sprintf(`(() => {
		const card = document.getElementById(%q), since = card.querySelector(".gloss-since");
		let el = since.parentElement;
		while (el && el.scrollHeight <= el.clientHeight) el = el.parentElement;
		const head = card.querySelector(".gloss-card-head").getBoundingClientRect().bottom;
		if (el) el.scrollTop += since.getBoundingClientRect().top - head - 8;
		return true;
	})()`, card))
	shot(t, ctx, "card-since.png")
}
