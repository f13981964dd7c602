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
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/gloss/gloss/web"
)

// The tests of "Updated since you read it" on seen_test.go's site.

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
