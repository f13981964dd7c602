package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/gloss/gloss/content"
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
	roof, bridge := sharedCard(t, "library-roof"), sharedCard(t, "footbridge")
	s := startSite(t)
	ctx := newBrowser(t)
	article := glosssite.ArticlePath("library-closes")
	visit(t, ctx, s.URL+article)
	card := glosssite.CardPath(roof.ID)
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
		for _, want := range []string{roof.Title, "Used in 3 articles", "Riverside library reopens after a year of roof repairs", "1 October 2026"} {
			if !strings.Contains(text, want) {
				t.Errorf("offline %s lacks %q:\n%.400s", p, want, text)
			}
		}
	}
	do(t, ctx, chromedp.Navigate(s.URL+glosssite.CardPath(bridge.ID)))
	waitFor(t, ctx, `!!document.querySelector("h1")`, 10*time.Second)
	if text := eval[string](t, ctx, `document.body.innerText`); !strings.Contains(text, "You are offline") || !strings.Contains(text, roof.Title) {
		t.Errorf("offline, a card page never read says:\n%.400s", text)
	}
}

// sharedCard is the card id of the catalog's shared archive.
func sharedCard(t *testing.T, id string) content.Card {
	t.Helper()
	for _, c := range catalog.SharedCards() {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("the shared archive shows no card %q", id)
	return content.Card{}
}
