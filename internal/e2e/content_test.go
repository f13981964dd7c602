package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	glosssite "github.com/gloss/gloss/site"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/browsertest"
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

// seedCard is what an editor has checked about one card of the seed
// article: the phrase a reader sees highlighted for it, and facts its open
// card must show.
type seedCard struct {
	id, phrase string
	facts      []string
}

// seedCards are the seed article's cards in reading order. Unlike
// keyFacts, which are read from the card itself, these are the editorial
// review's findings: a card moved off its phrase, or a correction undone,
// makes the test fail.
var seedCards = []seedCard{
	{"interview", "During a two-hour interview", []string{"6 February 2024", "Bloomberg"}},
	{"istanbul-talks", "a previously drafted peace agreement in Istanbul", []string{"Istanbul communiqué", `"drastically"`, "16 May 2025"}},
	{"johnson", "intervention by the UK's Prime Minister Johnson", []string{"a contested claim", "total nonsense and Russian propaganda", `"let's just fight"`}},
	{"signed-draft", "partially signed by the head of the Ukrainian delegation", []string{`"some of the provisions, not all"`, `Podolyak, one of Kyiv's negotiators in 2022, called the idea of an agreed deal "fake"`}},
	{"nato-expansion", "NATO's expansion", []string{`"agreed today"`, `"irreversible"`, `"a realistic outcome"`, "12 February 2025"}},
	{"military-bases", "the presence of US and NATO military bases in Ukraine", []string{"Yavoriv", "12 February 2022"}},
	{"coup-2014", "the 2014 coup d'etat", []string{"elects Oleksandr Turchynov as its speaker", "23 February 2014", "the president's duties as acting head of state", "The State of the European Union 2015"}},
	{"negotiations", "Russia has never refused negotiations", []string{"decree 679/2022", "5 February 2026"}},
	{"territory", "the cession of Ukrainian territory to Russia", []string{"ES-11/4", "143 votes to 5"}},
	{"eu-aid", "54 billion USD EU aid package", []string{"€17 billion are grants", "€27 billion"}},
	{"us-aid", "an additional 60 billion USD in aid", []string{"$60.84 billion", "February 2025"}},
	{"stalemate", "described the conflict as a 'stalemate.'", []string{"commander-in-chief", `said technology had brought the war to a "stalemate"`, "9 May 2024", "ambassador to the United Kingdom"}},
	{"zelensky-criticism", "arguing that such comments were beneficial to Russia", []string{"Ihor Zhovkva, not from Zelensky himself", `"This is not a stalemate,"`}},
	{"weapons-condition", "Putin has stated that the US and its allies must stop supplying weapons to Ukraine", []string{`"If you really want to stop fighting, you need to stop supplying weapons,"`, "within a few weeks"}},
}

// checkCards opens every card of a at path and looks for its key facts,
// and, when want is given, for the phrases and facts it lists.
func checkCards(t *testing.T, s *site, a content.Article, path string, want []seedCard) {
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.URL+path))
	wasmRuns(t, ctx)
	if want != nil {
		var got, ids []string
		for _, n := range anchored(a) {
			got = append(got, n.ID)
		}
		for _, w := range want {
			ids = append(ids, w.id)
		}
		if strings.Join(got, " ") != strings.Join(ids, " ") {
			t.Errorf("%s cards in reading order: %v, want %v", a.Slug, got, ids)
		}
	}
	for i, n := range anchored(a) {
		var checked []string
		if i < len(want) && want[i].id == n.ID {
			if shown := eval[string](t, ctx, fmt.Sprintf(`(document.getElementById(%q).closest(".gloss-phrase") || document.getElementById(%q)).innerText`, app.TriggerID(n.ID), app.TriggerID(n.ID))); shown != want[i].phrase {
				t.Errorf("%s card %s opens from %q, want %q", a.Slug, n.ID, shown, want[i].phrase)
			}
			checked = want[i].facts
		}
		do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(n.ID))))
		waitFor(t, ctx, openCard(n.ID), 5*time.Second)
		text := eval[string](t, ctx, fmt.Sprintf(`document.getElementById(%q).innerText`, n.ID))
		for _, f := range append(append([]string{n.Title, n.Kind.Label()}, keyFacts(n)...), checked...) {
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
	checkCards(t, startSite(t), seed, seedPath, seedCards)
}

func TestAnotherArticleIsServedAtItsOwnPath(t *testing.T) {
	s := startSite(t)
	for _, a := range fixtures.Parsed() {
		t.Run(a.Slug, func(t *testing.T) {
			checkCards(t, s, a, glosssite.ArticlePath(a.Slug), nil)
		})
	}
}

// Copy link works from first paint: with the wasm blocked.
func TestCopyLinkCopiesTheCardsDeepLink(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	do(t, ctx, browsertest.Block(s.URL+"/web/*.wasm"), chromedp.Navigate(s.URL+seedPath))
	waitFor(t, ctx, `document.readyState === "complete"`, 10*time.Second)
	// Headless Chromium has no system clipboard to read back: record
	// what the page writes.
	eval[bool](t, ctx, `(() => { window.__copied = []; navigator.clipboard.writeText = (s) => { window.__copied.push(s); return Promise.resolve(); }; return true; })()`)
	n := anchored(seed)[3]
	do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(n.ID))))
	waitFor(t, ctx, openCard(n.ID), 5*time.Second)
	do(t, ctx, chromedp.Click(chromedp.CSS("#"+n.ID+" .gloss-permalink")))
	waitFor(t, ctx, fmt.Sprintf(`document.querySelector("#%s .gloss-copied").innerText.includes("copied")`, n.ID), 5*time.Second)
	got := eval[[]string](t, ctx, `window.__copied`)
	if want := s.URL + seedPath + "#" + n.ID; len(got) != 1 || got[0] != want {
		t.Fatalf("copied %q, want [%q]", got, want)
	}
	// The card stays open: copying is not navigating.
	waitFor(t, ctx, openCard(n.ID), time.Second)
}

func TestHostileContentRendersInertAndReadable(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	a := fixtures.Hostile
	do(t, ctx, chromedp.Navigate(s.URL+glosssite.ArticlePath(a.Slug)))
	wasmRuns(t, ctx)
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
	if n := eval[int](t, ctx, `document.querySelectorAll("script:not([src]):not([type=\"gloss/after-paint\"]):not([type=\"application/json\"]), img, [onerror], [onmouseover]").length`); n != 0 {
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
