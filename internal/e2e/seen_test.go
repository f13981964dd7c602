package e2e

import (
	"context"
	"encoding/json"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/server"
	glosssite "github.com/gloss/gloss/site"
	"github.com/gloss/gloss/web"
)

// "Updated since you read it" (issue 28, item 6; web/js/cards/seen.js):
// a small site in two versions on one origin, so that the device's
// storage carries over. Its article shows two shared cards: "aid", at
// a phrase of several words, whose version 2 has one development more;
// "alliance", at a one-word phrase, a card with no developments whose
// version 2 changes its text. And a note of the article's own, which
// nothing marks.

var seenDate = content.Date{Year: 2024, Month: 3, Day: 1}

const seenSlug = "seen-fixture"

var seenPath = glosssite.ArticlePath(seenSlug)

var seenWords = i18n.For("en")

func words(s string) []content.Inline { return []content.Inline{{Text: s}} }

func para(s string) []content.Block {
	return []content.Block{{Kind: content.Paragraph, Text: words(s)}}
}

// seenCards are the card library in version v (1 or 2).
func seenCards(v int) []content.Card {
	src := []content.Source{{Title: "A source", Publisher: "Gloss tests", URL: "https://example.org/source"}}
	aid := content.Card{
		ID: "eu-aid", Kind: content.KindContext, Title: "EU aid to Ukraine",
		Body: para("The European Union's financial support to Ukraine since 2022."),
		Timeline: []content.Event{
			{Date: content.Date{Year: 2022, Month: 6}, Text: words("Ukraine becomes a candidate for membership.")},
			{Date: content.Date{Year: 2024, Month: 2, Day: 1}, Text: words("The Ukraine Facility is agreed.")},
			{Date: content.Date{Year: 2025, Month: 1, Day: 20}, Text: words("The first payments of 2025 are made.")},
		},
		Sources: src, Updated: content.Date{Year: 2025, Month: 6, Day: 1}, Version: "aid-1",
	}
	alliance := content.Card{
		ID: "nato", Kind: content.KindContext, Title: "NATO",
		Body:    para("A defensive alliance of 32 countries."),
		Sources: src, Updated: content.Date{Year: 2025, Month: 6, Day: 1}, Version: "nato-1",
	}
	if v == 2 {
		aid.Timeline = append(aid.Timeline, content.Event{Date: content.Date{Year: 2026, Month: 2, Day: 10}, Text: words("A new tranche is approved.")})
		aid.Updated, aid.Version = content.Date{Year: 2026, Month: 2, Day: 15}, "aid-2"
		alliance.Body = para("A defensive alliance of 32 countries, as of 2026.")
		alliance.Version = "nato-2"
	}
	return []content.Card{aid, alliance}
}

// seenArticle is the article as version v of the site shows it.
func seenArticle(v int) content.Article {
	cards := seenCards(v)
	aid := cards[0].For("aid", "the European Union's aid", seenDate, 1)
	alliance := cards[1].For("alliance", "NATO", seenDate, 1)
	return content.Article{
		Slug: seenSlug, Title: "Leaders meet on aid", Description: "A test of the updated-since mark.",
		Lang: "en", Date: seenDate,
		Body: []content.Block{{Kind: content.Paragraph, Text: []content.Inline{
			{Text: "Leaders met to discuss "},
			{Text: "the European Union's aid", Note: "aid"},
			{Text: " and "},
			{Text: "NATO", Note: "alliance"},
			{Text: ", and "},
			{Text: "a remark of the article's own", Note: "local"},
			{Text: ". The talks went on into the night, as talks of this kind often do, and the leaders said they would meet again."},
		}}},
		Notes: []content.Note{aid, alliance, {
			ID: "local", Kind: content.KindContested, Title: "A local note", Anchor: "a remark of the article's own",
			Body: para("Written in the article, not shared."), Sources: cards[0].Sources,
		}},
	}
}

// seenArchive is the site's archive, switched between its versions as
// an editor's save would change it (gloss serve -content refreshes the
// server the same way).
type seenArchive struct{ v atomic.Int32 }

func (a *seenArchive) now() content.Archive {
	v := int(a.v.Load())
	return glosssite.Memory([]content.Article{seenArticle(v)}, seenCards(v)...)
}

func (a *seenArchive) Entries() []content.Entry { return a.now().Entries() }
func (a *seenArchive) Article(slug string) (content.Article, content.Entry, error) {
	return a.now().Article(slug)
}
func (a *seenArchive) Cards() []content.Card { return a.now().Cards() }

// seenSite is the fixture site on a loopback port of its own, serving
// version 1.
type seenSite struct {
	*site
	archive *seenArchive
}

// startSeenSite starts the fixture site; withoutWasm cuts every request
// for the wasm, as a network filter or a dropped download would.
func startSeenSite(t *testing.T, withoutWasm bool) *seenSite {
	t.Helper()
	a := &seenArchive{}
	a.v.Store(1)
	var opts []siteOption
	if withoutWasm {
		opts = append(opts, cutWasm)
	}
	return &seenSite{startSiteOn(t, "127.0.0.1:0", server.Config{Archive: a}, opts...), a}
}

// serve switches the site to version v.
func (s *seenSite) serve(t *testing.T, v int) {
	t.Helper()
	if err := s.switchTo(v); err != nil {
		t.Fatal(err)
	}
}

func (s *seenSite) switchTo(v int) error {
	s.archive.v.Store(int32(v))
	return s.srv.Refresh(nil)
}

// seenState is what the reader's page shows of the marks: each badge
// (its text, whether it is seen, the phrase it is in, the button it
// names), the developments marked new and their labels, what the device
// remembers, and the errors the page reported (seenErrors).
const seenState = `(() => {
  const badges = [...document.querySelectorAll(".gloss-updated")].map((b) => {
    const phrase = b.closest("label.gloss-phrase"), button = phrase && phrase.querySelector(".gloss-mark");
    return { id: b.id, text: b.textContent, visible: b.getClientRects().length > 0 && getComputedStyle(b).visibility === "visible",
      hidden: b.getAttribute("aria-hidden"), button: button ? button.id : "",
      named: button ? (button.getAttribute("aria-labelledby") || "").split(/\s+/).includes(b.id) : false,
      // No taller than the paragraph's lines, so it moves none of them.
      fits: b.getBoundingClientRect().height <= parseFloat(getComputedStyle(b.closest("p")).lineHeight) };
  });
  const news = [...document.querySelectorAll("li.gloss-new")].map((li) => {
    const l = li.querySelector(".gloss-new-label");
    return { card: li.closest(".gloss-card").id, text: li.querySelector("span:not(.gloss-new-label)").textContent, label: l ? l.textContent : "" };
  });
  const labelled = {};
  document.querySelectorAll(".gloss-article .gloss-mark").forEach((b) => { labelled[b.id] = b.getAttribute("aria-labelledby"); });
  return { badges, news, labelled, labels: document.querySelectorAll(".gloss-new-label").length,
    stored: localStorage.getItem("` + web.SeenKey + `"), errors: window.glossTestErrors || [] };
})()`

type seenBadge struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Visible bool   `json:"visible"`
	Hidden  string `json:"hidden"`
	Button  string `json:"button"`
	Named   bool   `json:"named"`
	Fits    bool   `json:"fits"`
}

type seenNew struct {
	Card  string `json:"card"`
	Text  string `json:"text"`
	Label string `json:"label"`
}

type seenView struct {
	Badges   []seenBadge        `json:"badges"`
	News     []seenNew          `json:"news"`
	Labelled map[string]*string `json:"labelled"`
	Labels   int                `json:"labels"`
	Stored   *string            `json:"stored"`
	Errors   []string           `json:"errors"`
}

// seenErrors has every page of the tab count the errors it reports
// (uncaught exceptions, rejected promises, console.error) in
// window.glossTestErrors, from its first script on.
func seenErrors() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
			window.glossTestErrors = [];
			addEventListener("error", (e) => { glossTestErrors.push("error: " + e.message); });
			addEventListener("unhandledrejection", (e) => { glossTestErrors.push("rejection: " + e.reason); });
			const ce = console.error;
			console.error = function () { glossTestErrors.push("console.error: " + [...arguments].join(" ")); return ce.apply(console, arguments); };`})
		return err
	})
}

func seenNow(t *testing.T, ctx context.Context) seenView {
	t.Helper()
	return eval[seenView](t, ctx, seenState)
}

// wantMarked checks that the page shows version 2's marks: a badge at
// each shared card's phrase, naming its button, and the one new
// development of "aid" marked as new.
func wantMarked(t *testing.T, v seenView, what string) {
	t.Helper()
	if len(v.Errors) > 0 {
		t.Errorf("%s: the page reported errors: %v", what, v.Errors)
	}
	want := map[string]string{"aid" + web.UpdatedIDSuffix: app.TriggerID("aid"), "alliance" + web.UpdatedIDSuffix: app.TriggerID("alliance")}
	if len(v.Badges) != len(want) {
		t.Errorf("%s: %d badges, want %d (at the phrases of aid and alliance): %+v", what, len(v.Badges), len(want), v.Badges)
	}
	for _, b := range v.Badges {
		if want[b.ID] != b.Button || b.Text != seenWords.UpdatedSinceRead || !b.Visible || b.Hidden != "true" || !b.Named || !b.Fits {
			t.Errorf("%s: badge %+v: want the text %q, seen, no taller than a line, hidden from assistive technology, in the phrase of %s and naming its button",
				what, b, seenWords.UpdatedSinceRead, want[b.ID])
		}
	}
	wantNew := []seenNew{{Card: "aid", Text: "A new tranche is approved.", Label: seenWords.NewSinceRead}}
	if !slices.Equal(v.News, wantNew) || v.Labels != 1 {
		t.Errorf("%s: developments marked new %+v (%d labels), want %+v", what, v.News, v.Labels, wantNew)
	}
}

// wantUnmarked checks that the page shows no mark, and that the
// buttons are named as printed.
func wantUnmarked(t *testing.T, v seenView, what string) {
	t.Helper()
	if len(v.Errors) > 0 {
		t.Errorf("%s: the page reported errors: %v", what, v.Errors)
	}
	if len(v.Badges) > 0 || len(v.News) > 0 || v.Labels > 0 {
		t.Errorf("%s: marks %+v, new %+v: want none", what, v.Badges, v.News)
	}
	if l := v.Labelled[app.TriggerID("alliance")]; l == nil || *l != app.TriggerID("alliance") {
		t.Errorf("%s: the one-word phrase's button is aria-labelledby %v, want itself as printed", what, l)
	}
	if l := v.Labelled[app.TriggerID("aid")]; l == nil || *l != app.TriggerID("aid")+" "+app.TriggerID("aid")+"-rest" {
		t.Errorf("%s: the phrase's button is aria-labelledby %v, want its words as printed", what, l)
	}
}

// openAndClose opens card id with a click on its phrase and closes it
// with Escape, as a reader does.
func openAndClose(t *testing.T, ctx context.Context, id string, whileOpen func()) {
	t.Helper()
	do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID(id))))
	waitFor(t, ctx, openCard(id), 5*time.Second)
	if whileOpen != nil {
		whileOpen()
	}
	do(t, ctx, chromedp.KeyEvent(kb.Escape))
	// The address bar names an open card (#id) until a moment after it
	// closes: a reload before that would open it again, as a deep link.
	waitFor(t, ctx, noCardOpen+` && location.hash === ""`, 5*time.Second)
}

// reloadPage reloads the tab's page and waits until a new document has
// loaded and cond holds in it: the old one may still say "complete"
// when the reload returns, and a click would land on it.
func reloadPage(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	eval[bool](t, ctx, `(window.glossOldDocument = true)`)
	do(t, ctx, chromedp.Reload())
	waitFor(t, ctx, `!window.glossOldDocument && document.readyState === "complete" && (`+cond+`)`, 10*time.Second)
}

// buttonNames are the accessible names Chromium computes for the
// article's phrase buttons, as a screen reader gets them.
func buttonNames(t *testing.T, ctx context.Context) []string {
	t.Helper()
	var names []string
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		res, err := cdp.Call(ctx, tg, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
		if err != nil {
			return err
		}
		for _, n := range res.Nodes {
			if n.Ignored || n.Role == nil || n.Name == nil || string(n.Role.Value) != `"button"` {
				continue
			}
			var name string
			if json.Unmarshal([]byte(n.Name.Value), &name) == nil {
				names = append(names, name)
			}
		}
		return nil
	}))
	return names
}
