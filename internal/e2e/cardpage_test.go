package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/gloss/gloss/internal/e2e/catalog"
	glosssite "github.com/gloss/gloss/site"
)

// A shared card's page, reached from an article's "Used in N articles"
// link, is saved for offline reading like an article once read: the
// service worker keeps every page a reader navigates to (its
// networkFirst), whatever its path. Offline, it opens again with the
// card and its articles, and the offline page of a page never read lists
// it with the articles.
func TestACardPageReadIsThereOffline(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	article := glosssite.ArticlePath("harbour-levy-vote")
	visit(t, ctx, s.URL+article)
	card := glosssite.CardPath(catalog.HarbourLevy.ID)
	// The card's "Used in" link leads to its page.
	href := eval[string](t, ctx, `(document.querySelector(".gloss-used-in") || {}).pathname || ""`)
	if href != card {
		t.Fatalf("the article's first shared card links %q, want %s", href, card)
	}
	do(t, ctx, chromedp.Navigate(s.URL+card))
	waitFor(t, ctx, `!!document.querySelector(".gloss-cardpage")`, 10*time.Second)
	wasmRuns(t, ctx)
	s.Stop()

	for _, p := range []string{card, card + "/"} {
		do(t, ctx, chromedp.Navigate(s.URL+p))
		waitFor(t, ctx, `!!document.querySelector("h1")`, 10*time.Second)
		// textContent: the headings are styled upper case.
		text := eval[string](t, ctx, `document.body.textContent`)
		for _, want := range []string{catalog.HarbourLevy.Title, "Used in 3 articles", "Council approves a levy on ferry passengers", "30 September 2025"} {
			if !strings.Contains(text, want) {
				t.Errorf("offline %s lacks %q:\n%.400s", p, want, text)
			}
		}
	}
	do(t, ctx, chromedp.Navigate(s.URL+glosssite.CardPath(catalog.FerryStrike.ID)))
	waitFor(t, ctx, `!!document.querySelector("h1")`, 10*time.Second)
	if text := eval[string](t, ctx, `document.body.innerText`); !strings.Contains(text, "You are offline") || !strings.Contains(text, catalog.HarbourLevy.Title) {
		t.Errorf("offline, a card page never read says:\n%.400s", text)
	}
}
