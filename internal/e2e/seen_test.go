package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
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
	aid := cards[0].For("the European Union's aid", seenDate, 1)
	aid.ID = "aid"
	alliance := cards[1].For("NATO", seenDate, 1)
	alliance.ID = "alliance"
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
		opts = append(opts, func(s *site) {
			s.wrap = func(h http.Handler) http.Handler {
				return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					if strings.HasSuffix(r.URL.Path, ".wasm") {
						panic(http.ErrAbortHandler)
					}
					h.ServeHTTP(w, r)
				})
			}
		})
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
	waitFor(t, ctx, noCardOpen, 5*time.Second)
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

// A reader opens both shared cards on version 1; the site moves to
// version 2; on the reader's next visit both phrases carry the badge,
// before any wasm, the new development is marked in its card, the
// button says it to a screen reader and axe finds nothing. Opening a
// card keeps its marks while it is open, and they go when it closes,
// and stay gone. "Hide highlights" and print hide the badge.
func TestSeenMarksACardChangedSinceItWasRead(t *testing.T) {
	s := startSeenSite(t, false)
	ctx := newBrowser(t)
	url := s.URL + seenPath
	do(t, ctx, seenErrors(), chromedp.Navigate(url))
	waitFor(t, ctx, `document.readyState === "complete"`, 10*time.Second)
	// Never opened: nothing to say.
	wantUnmarked(t, seenNow(t, ctx), "version 1, first visit")
	s.serve(t, 2)
	reloadPage(t, ctx, `true`)
	wantUnmarked(t, seenNow(t, ctx), "version 2, no card opened before")
	s.serve(t, 1)
	reloadPage(t, ctx, `document.querySelector(".gloss-card[data-card]").dataset.version === "aid-1"`)
	openAndClose(t, ctx, "aid", nil)
	openAndClose(t, ctx, "alliance", nil)
	openAndClose(t, ctx, "local", nil)
	wantUnmarked(t, seenNow(t, ctx), "version 1, cards read")
	// Unmarked, a phrase is named by its words, one word or many.
	names := buttonNames(t, ctx)
	for _, want := range []string{"the European Union's aid", "NATO"} {
		if !slices.Contains(names, want) {
			t.Errorf("no button is named %q before the marks: the buttons are %q", want, names)
		}
	}

	s.serve(t, 2)
	reloadPage(t, ctx, `true`)
	v := seenNow(t, ctx)
	wantMarked(t, v, "version 2")
	if eval[bool](t, ctx, wasmRequested) {
		t.Error("the wasm was asked for before the reader did anything: the marks were not shown without it")
	}
	names = buttonNames(t, ctx)
	for _, want := range []string{"the European Union's aid " + seenWords.UpdatedSinceRead, "NATO " + seenWords.UpdatedSinceRead, "a remark of the article's own"} {
		if !slices.Contains(names, want) {
			t.Errorf("no button is named %q: the buttons are %q", want, names)
		}
	}
	for _, scheme := range []string{"light", "dark"} {
		do(t, ctx, colorScheme(scheme))
		for _, a := range axeViolations(t, ctx) {
			t.Errorf("%s, with the marks: %s", scheme, a)
		}
	}
	do(t, ctx, colorScheme("light"))
	// Printed, the badge is left out.
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	if n := eval[int](t, ctx, `[...document.querySelectorAll(".gloss-updated, .gloss-new-label")].filter((b) => b.getClientRects().length).length`); n != 0 {
		t.Errorf("printed, %d badges or labels show", n)
	}
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
		return err
	}))
	// "Hide highlights" hides the badge, and the buttons are their
	// phrases again; showing them brings it back.
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("gloss-plain").click()`))
	waitFor(t, ctx, `document.documentElement.classList.contains("gloss-plain")`, 5*time.Second)
	for _, b := range seenNow(t, ctx).Badges {
		if b.Visible || b.Named {
			t.Errorf("with highlights hidden, badge %+v is seen or names its button", b)
		}
	}
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("gloss-plain").click()`))
	waitFor(t, ctx, `!document.documentElement.classList.contains("gloss-plain")`, 5*time.Second)
	wantMarked(t, seenNow(t, ctx), "highlights shown again")

	// Open, the card still shows what is new; closed, its marks go, and
	// the other card's stay until it is opened too.
	openAndClose(t, ctx, "aid", func() {
		for _, a := range axeViolations(t, ctx) {
			t.Errorf("card aid open with its new development: %s", a)
		}
		if v := seenNow(t, ctx); len(v.News) != 1 || len(v.Badges) != 2 {
			t.Errorf("while the card is open its marks went: %+v", v)
		}
	})
	v = seenNow(t, ctx)
	if len(v.News) != 0 || len(v.Badges) != 1 || v.Badges[0].ID != "alliance"+web.UpdatedIDSuffix {
		t.Errorf("after aid was opened and closed: badges %+v, new %+v; want only alliance's badge", v.Badges, v.News)
	}
	openAndClose(t, ctx, "alliance", nil)
	wantUnmarked(t, seenNow(t, ctx), "both read again")
	var stored map[string]struct {
		V string   `json:"v"`
		D []string `json:"d"`
	}
	v = seenNow(t, ctx)
	if v.Stored == nil || json.Unmarshal([]byte(*v.Stored), &stored) != nil {
		t.Fatalf("the device keeps %v under %s", v.Stored, web.SeenKey)
	}
	if a := stored["eu-aid"]; a.V != "aid-2" || len(a.D) != 4 || stored["nato"].V != "nato-2" || len(stored) != 2 {
		t.Errorf("the device keeps %s, want eu-aid at aid-2 with its 4 developments and nato at nato-2", *v.Stored)
	}
	reloadPage(t, ctx, `true`)
	wantUnmarked(t, seenNow(t, ctx), "version 2, read")

	// What the device keeps is unusable, or of another shape: no mark,
	// no error.
	for _, bad := range []string{`{"eu-aid": `, `[1, 2]`, `{"eu-aid": "aid-1", "nato": {"v": 3}}`, `null`} {
		eval[bool](t, ctx, fmt.Sprintf(`(localStorage.setItem(%q, %q), true)`, web.SeenKey, bad))
		reloadPage(t, ctx, `true`)
		wantUnmarked(t, seenNow(t, ctx), "stored "+bad)
		openAndClose(t, ctx, "aid", nil)
	}
}

// withoutWasmError leaves out of v's errors go-app's own report that
// the wasm could not load: the one error a failed download gives.
func withoutWasmError(v seenView) seenView {
	v.Errors = slices.DeleteFunc(v.Errors, func(e string) bool { return strings.HasPrefix(e, "console.error: loading wasm failed:") })
	return v
}

// Without the wasm (its download cut), the marks are the page script's:
// there all the same, and gone once the card is read.
func TestSeenWithoutTheWasm(t *testing.T) {
	s := startSeenSite(t, true)
	ctx := newBrowser(t)
	url := s.URL + seenPath
	do(t, ctx, seenErrors(), chromedp.Navigate(url))
	openAndClose(t, ctx, "aid", nil)
	openAndClose(t, ctx, "alliance", nil)
	s.serve(t, 2)
	do(t, ctx, chromedp.Navigate(url))
	// The reader's first key asks for the wasm, which fails.
	waitFor(t, ctx, `document.readyState === "complete"`, 10*time.Second)
	do(t, ctx, chromedp.KeyEvent(kb.Shift))
	waitFor(t, ctx, `document.documentElement.classList.contains("`+web.WasmFailedClass+`")`, 30*time.Second)
	wantMarked(t, withoutWasmError(seenNow(t, ctx)), "version 2, the wasm failed")
	openAndClose(t, ctx, "aid", nil)
	openAndClose(t, ctx, "alliance", nil)
	wantUnmarked(t, withoutWasmError(seenNow(t, ctx)), "read again, the wasm failed")
}

// Offline, the page the service worker kept shows the marks: the reader
// read version 1, the device then loaded version 2 without opening the
// card, and the server is gone.
func TestSeenOffline(t *testing.T) {
	s := startSeenSite(t, false)
	ctx := newBrowser(t)
	url := s.URL + seenPath
	visit(t, ctx, url)
	openAndClose(t, ctx, "aid", nil)
	openAndClose(t, ctx, "alliance", nil)
	s.serve(t, 2)
	do(t, ctx, chromedp.Navigate(url))
	waitFor(t, ctx, `document.readyState === "complete" && document.querySelector(".gloss-card[data-card]").dataset.version === "aid-2"`, 10*time.Second)
	s.Stop()
	do(t, ctx, chromedp.Navigate(url))
	waitFor(t, ctx, `document.readyState === "complete" && !!document.querySelector(".gloss-article")`, 10*time.Second)
	wantMarked(t, seenNow(t, ctx), "offline")
	openAndClose(t, ctx, "aid", nil)

	openAndClose(t, ctx, "alliance", nil)
	wantUnmarked(t, seenNow(t, ctx), "offline, read again")
}

// In a publisher's frame that may use storage (Chromium partitions it
// by the publisher's site), the embed marks what changed since the
// reader read it there. In a sandboxed frame without allow-same-origin,
// which has no storage, it marks nothing and says nothing: no error in
// the frame's console or the publisher's.
func TestSeenInAnEmbed(t *testing.T) {
	s := startSeenSite(t, false)
	pub := startPublisher(t, publisherPage{href: s.URL + seenPath, headline: "Leaders meet on aid", before: 1, after: 1}.html(s.URL))
	var log logBuffer
	ctx := newBrowser(t, chromedp.CombinedOutput(&log), chromedp.Flag("enable-logging", "stderr"), chromedp.Flag("v", "0"))
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(pub))
	fctx := frameOf(t, ctx, s.URL)
	frameWait(t, fctx, `document.readyState === "complete" && !!document.getElementById("aid")`, 20*time.Second)
	wantUnmarked(t, seenNow(t, fctx), "embed, version 1")
	for _, id := range []string{"aid", "alliance"} {
		openInFrame(t, ctx, fctx, id, 0.5)
		escapeInFrame(t, ctx, fctx, id)
	}
	s.serve(t, 2)
	do(t, ctx, chromedp.Reload())
	fctx = frameOf(t, ctx, s.URL)
	frameWait(t, fctx, `document.readyState === "complete" && !!document.getElementById("aid") && document.getElementById("aid").dataset.version === "aid-2"`, 20*time.Second)
	wantMarked(t, seenNow(t, fctx), "embed, version 2")
	openInFrame(t, ctx, fctx, "aid", 0.5)
	escapeInFrame(t, ctx, fctx, "aid")
	if v := seenNow(t, fctx); len(v.News) != 0 || len(v.Badges) != 1 {
		t.Errorf("embed, aid read again: badges %+v, new %+v; want only alliance's badge", v.Badges, v.News)
	}

	// The sandboxed frame, on a publisher's page of its own.
	sandboxed := startPublisher(t, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandboxed</title></head><body>`+
		`<iframe sandbox="allow-scripts allow-popups" title="Gloss" width="800" height="700" src="`+s.URL+seenPath+`?embed=1"></iframe></body></html>`)
	do(t, ctx, chromedp.Navigate(sandboxed))
	sctx := frameOf(t, ctx, s.URL)
	frameWait(t, sctx, `document.readyState === "complete" && !!document.getElementById("aid")`, 20*time.Second)
	if eval[bool](t, sctx, `localStorage instanceof Storage`) {
		t.Fatal("the sandboxed frame has real storage: this part proves nothing")
	}
	v := seenNow(t, sctx)
	if len(v.Badges) > 0 || len(v.News) > 0 {
		t.Errorf("sandboxed: marks %+v %+v without storage", v.Badges, v.News)
	}
	eval[bool](t, sctx, `(document.getElementById("mark-aid").click(), true)`)
	frameWait(t, sctx, openCard("aid"), 5*time.Second)
	eval[bool](t, sctx, `(document.getElementById("aid").hidePopover(), true)`)
	frameWait(t, sctx, noCardOpen, 5*time.Second)
	eval[bool](t, sctx, framesDrawn)
	for _, l := range settledConsole(t, ctx, sctx, &log) {
		if !strings.Contains(l, "gloss-control") {
			t.Errorf("logged: %s", l)
		}
	}
}

// The same in Firefox and WebKit: internal/e2e/engines/seen.mjs, each
// check on a site of its own.
func TestSeenFirefox(t *testing.T) { runSeenChecks(t, "firefox") }

func TestSeenWebKit(t *testing.T) { runSeenChecks(t, "webkit") }

type seenConfig struct {
	Sites       map[string]string `json:"sites"`
	Path        string            `json:"path"`
	Control     string            `json:"control"`
	SandboxPage string            `json:"sandboxPage"`
	Key         string            `json:"key"`
	Suffix      string            `json:"suffix"`
	Updated     string            `json:"updated"`
	New         string            `json:"new"`
	NewText     string            `json:"newText"`
	AxeSource   string            `json:"axeSource"`
}

func runSeenChecks(t *testing.T, engine string) {
	axe, err := os.ReadFile(env.axe)
	if err != nil {
		t.Fatal(err)
	}
	sites := map[string]*seenSite{
		"main": startSeenSite(t, false), "noWasm": startSeenSite(t, true),
		"offline": startSeenSite(t, false), "sandboxed": startSeenSite(t, false),
	}
	cfg := seenConfig{Sites: map[string]string{}, Path: seenPath, Key: web.SeenKey, Suffix: web.UpdatedIDSuffix,
		Updated: seenWords.UpdatedSinceRead, New: seenWords.NewSinceRead, NewText: "A new tranche is approved.", AxeSource: string(axe)}
	for name, s := range sites {
		cfg.Sites[name] = s.URL
	}
	cfg.SandboxPage = startPublisher(t, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandboxed</title></head><body>`+
		`<iframe sandbox="allow-scripts allow-popups" title="Gloss" width="800" height="700" src="`+sites["sandboxed"].URL+seenPath+`?embed=1"></iframe></body></html>`)
	mux := http.NewServeMux()
	mux.HandleFunc("POST /serve", func(w http.ResponseWriter, r *http.Request) {
		s, ok := sites[r.FormValue("site")]
		v, err := strconv.Atoi(r.FormValue("v"))
		if !ok || err != nil || v < 1 || v > 2 {
			http.Error(w, "no such site or version", http.StatusBadRequest)
			return
		}
		if err := s.switchTo(v); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	mux.HandleFunc("POST /stop", func(w http.ResponseWriter, r *http.Request) {
		s, ok := sites[r.FormValue("site")]
		if !ok {
			http.Error(w, "no such site", http.StatusBadRequest)
			return
		}
		s.Stop()
	})
	cfg.Control = serveLoopback(t, mux)
	runChecks(t, engine, "seen.mjs", cfg)
}
