package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/fixtures"
)

// keyFacts are what a reader must find in an open card: the start of its
// text, its first dated event, its first figure, its "as of" date and its
// first source.
func keyFacts(n content.Note) []string {
	var facts []string
	if len(n.Body) > 0 {
		text := plainBlock(n.Body[0])
		if r := []rune(text); len(r) > 50 {
			text = string(r[:50])
		}
		facts = append(facts, text)
	}
	if len(n.Timeline) > 0 {
		facts = append(facts, n.Timeline[0].Date.String())
	}
	if len(n.Figures.Items) > 0 {
		facts = append(facts, app.FormatAmount(i18n.For("en"), n.Figures.Items[0]))
	}
	if !n.Since.IsZero() {
		facts = append(facts, "Since publication", n.Since.AsOf.String())
	}
	if len(n.Sources) > 0 {
		facts = append(facts, n.Sources[0].Title)
	}
	return facts
}

func plainBlock(b content.Block) string {
	if b.Kind == content.List && len(b.Items) > 0 {
		return content.PlainText(b.Items[0])
	}
	return content.PlainText(b.Text)
}

// checkCards opens every card of a at path and looks for its key facts.
func checkCards(t *testing.T, s *site, a content.Article, path string) {
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.URL+path))
	waitFor(t, ctx, wasmRunning, 60*time.Second)
	for _, n := range anchored(a) {
		do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(n.ID))))
		waitFor(t, ctx, openCard(n.ID), 5*time.Second)
		text := eval[string](t, ctx, fmt.Sprintf(`document.getElementById(%q).innerText`, n.ID))
		for _, f := range append([]string{n.Title, n.Kind.Label()}, keyFacts(n)...) {
			if !strings.Contains(strings.ToLower(text), strings.ToLower(f)) {
				t.Errorf("%s card %s: %q not shown", a.Slug, n.ID, f)
			}
		}
		do(t, ctx, chromedp.KeyEvent(kb.Escape))
		waitFor(t, ctx, noCardOpen, 5*time.Second)
	}
	// The About panel shows the notes about the whole article.
	if about := a.AboutNotes(); len(about) > 0 {
		do(t, ctx, chromedp.Click(chromedp.ID("gloss-about-button")))
		waitFor(t, ctx, openCard(app.AboutID), 5*time.Second)
		text := eval[string](t, ctx, fmt.Sprintf(`document.getElementById(%q).innerText`, app.AboutID))
		for _, n := range about {
			for _, f := range append([]string{n.Title}, keyFacts(n)...) {
				if !strings.Contains(strings.ToLower(text), strings.ToLower(f)) {
					t.Errorf("%s about panel: %q not shown", a.Slug, f)
				}
			}
		}
	}
}

func TestEverySeedCardShowsItsTitleAndKeyFacts(t *testing.T) {
	checkCards(t, startSite(t), seed, "/")
}

func TestAnotherArticleIsServedAtItsOwnPath(t *testing.T) {
	s := startSite(t)
	for _, a := range fixtures.Parsed {
		t.Run(a.Slug, func(t *testing.T) {
			checkCards(t, s, a, app.ArticlePath(a.Slug))
		})
	}
}

func TestCopyLinkCopiesTheCardsDeepLink(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.URL+"/"))
	waitFor(t, ctx, wasmRunning, 60*time.Second)
	// Headless Chromium has no system clipboard to read back: record
	// what the page writes.
	eval[bool](t, ctx, `(() => { window.__copied = []; navigator.clipboard.writeText = (s) => { window.__copied.push(s); return Promise.resolve(); }; return true; })()`)
	n := anchored(seed)[3]
	do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(n.ID))))
	waitFor(t, ctx, openCard(n.ID), 5*time.Second)
	do(t, ctx, chromedp.Click(chromedp.CSS("#"+n.ID+" .gloss-permalink")))
	waitFor(t, ctx, fmt.Sprintf(`document.querySelector("#%s .gloss-copied").innerText.includes("copied")`, n.ID), 5*time.Second)
	got := eval[[]string](t, ctx, `window.__copied`)
	if want := s.URL + "/#" + n.ID; len(got) != 1 || got[0] != want {
		t.Fatalf("copied %q, want [%q]", got, want)
	}
	// The card stays open: copying is not navigating.
	waitFor(t, ctx, openCard(n.ID), time.Second)
}

func TestHostileContentRendersInertAndReadable(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	a := fixtures.Hostile
	do(t, ctx, chromedp.Navigate(s.URL+app.ArticlePath(a.Slug)))
	waitFor(t, ctx, wasmRunning, 60*time.Second)
	for _, n := range anchored(a) {
		do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(n.ID))))
		waitFor(t, ctx, openCard(n.ID), 5*time.Second)
		// Text that looks like markup is shown as text.
		if title := eval[string](t, ctx, fmt.Sprintf(`document.getElementById(%q).innerText`, n.ID+"-title")); title != n.Title {
			t.Errorf("card %s title shown as %q, want the literal %q", n.ID, title, n.Title)
		}
		// A very long word does not push the card out of the viewport.
		if w := eval[float64](t, ctx, fmt.Sprintf(`document.getElementById(%q).getBoundingClientRect().right - innerWidth`, n.ID)); w > 0.5 {
			t.Errorf("card %s overflows the viewport by %.0f px", n.ID, w)
		}
		do(t, ctx, chromedp.KeyEvent(kb.Escape))
	}
	if eval[bool](t, ctx, fmt.Sprintf(`window.%s === 1`, fixtures.Pwned)) {
		t.Fatal("a script from the content ran")
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("script:not([src]):not([type=\"gloss/after-paint\"]), img, [onerror], [onmouseover]").length`); n != 0 {
		t.Errorf("%d elements from the content became markup", n)
	}
	bad := eval[[]string](t, ctx, `[...document.querySelectorAll("a[href]")].map(a => a.getAttribute("href")).filter(h => !/^(https?:\/\/|#)/.test(h))`)
	if len(bad) > 0 {
		t.Errorf("links with a non-http(s) href: %q", bad)
	}
	if h := eval[string](t, ctx, `document.querySelector("h1").innerText`); h != a.Title {
		t.Errorf("headline shown as %q, want the literal %q", h, a.Title)
	}
	if w := eval[float64](t, ctx, `document.documentElement.scrollWidth - innerWidth`); w > 0.5 {
		t.Errorf("the page scrolls sideways by %.0f px", w)
	}
}
