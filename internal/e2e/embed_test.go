package e2e

import (
	"context"
	"fmt"
	"html"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	glosssite "github.com/gloss/gloss/site"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/browsertest"
	"github.com/gloss/gloss/internal/e2e/catalog"
	"github.com/gloss/gloss/server"
)

// The embed tests put the widget on a publisher's page served from another
// site: the widget on 127.0.0.1, the publisher on localhost. Each test
// starts its own browser at 1280×800.

// publisherPage describes the publisher's page around the snippet.
type publisherPage struct {
	// href and headline are the snippet's link.
	href, headline string
	// before and after are the publisher's paragraphs around the snippet.
	before, after int
	// reserve adds the stylesheet rule docs/embedding.md recommends for an
	// embed that may be in the first screen.
	reserve bool
}

// reserveRule is the rule of docs/embedding.md, "No layout shift".
const reserveRule = `@media (scripting: enabled) { blockquote.gloss-embed { min-height: 100vh; } }`

// recorder is the publisher's own script: it records layout shifts and
// the events embed.js dispatches. A real publisher's analytics would do
// the same.
const recorder = `<script>
window.shifts = [];
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) { shifts.push({value: e.value, input: e.hadRecentInput}); });
}).observe({type: "layout-shift", buffered: true});
window.glossEvents = [];
["gloss:card-open", "gloss:card-close"].forEach(function (type) {
  document.addEventListener(type, function (e) {
    glossEvents.push({type: e.type, id: e.detail.id, title: e.detail.title, target: e.target.nodeName});
  });
});
window.glossHeights = [];
addEventListener("message", function (e) {
  if (e.data && e.data.gloss === 1 && e.data.type === "height") glossHeights.push(e.data.height);
});
</script>`

func (p publisherPage) html(widget string) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8">` +
		`<meta name="viewport" content="width=device-width, initial-scale=1"><title>The Courier</title>` + recorder +
		`<style>body { margin: 0 auto; max-width: 720px; padding: 16px; font: 18px/1.5 sans-serif; }`)
	if p.reserve {
		b.WriteString(reserveRule)
	}
	b.WriteString(`</style></head><body><h1>The Courier</h1>`)
	para := `<p>A paragraph of the publisher's own article, long enough to wrap over two or three lines of the column, as the paragraphs of a news site do.</p>`
	b.WriteString(strings.Repeat(para, p.before))
	fmt.Fprintf(&b, `<blockquote class="gloss-embed" data-theme="light"><a href="%s">%s</a></blockquote>`+
		`<script async src="%s/web/embed.js"></script>`, html.EscapeString(p.href), html.EscapeString(p.headline), widget)
	b.WriteString(strings.Replace(strings.Repeat(para, p.after), "<p>", `<p class="after">`, -1))
	b.WriteString(`</body></html>`)
	return b.String()
}

// startPublisher serves page on a loopback port and returns its URL on
// the host name localhost: another site than the widget's 127.0.0.1.
func startPublisher(t *testing.T, page string) string {
	t.Helper()
	s, err := browsertest.Serve("", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return fmt.Sprintf("http://localhost:%d/", s.Port)
}

// frameOf attaches to the cross-site iframe whose URL starts with prefix,
// waiting for it: Chromium runs it in its own process, as its own target.
func frameOf(t *testing.T, ctx context.Context, prefix string) context.Context {
	t.Helper()
	fctx, cancel, err := browsertest.Frame(ctx, prefix, 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cancel)
	return fctx
}

// frameWait is waitFor in a frame's context (fctx, from frameOf), and
// says so when it fails.
func frameWait(t *testing.T, fctx context.Context, cond string, limit time.Duration) {
	t.Helper()
	if err := browsertest.Poll(fctx, cond, limit); err != nil {
		t.Fatalf("in the frame: %v", err)
	}
}

type box struct {
	Top    float64 `json:"top"`
	Bottom float64 `json:"bottom"`
	Left   float64 `json:"left"`
	Right  float64 `json:"right"`
	Height float64 `json:"height"`
}

const iframeBox = `(() => { const r = document.querySelector("iframe.gloss-embed").getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height}; })()`

func boxOf(id string) string {
	return fmt.Sprintf(`(() => { const r = document.getElementById(%q).getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height}; })()`, id)
}

// eventually retries check until it returns "" or the time is up, and
// fails with its last complaint.
func eventually(t *testing.T, limit time.Duration, check func() string) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		msg := check()
		if msg == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal(msg)
		}
		time.Sleep(browsertest.Every)
	}
}

// fitsContent checks that the frame is as tall as its content, within
// 3px, and scrolls nothing inside.
func fitsContent(t *testing.T, ctx, fctx context.Context) {
	t.Helper()
	eventually(t, 10*time.Second, func() string {
		frame := eval[box](t, ctx, iframeBox)
		content := eval[float64](t, fctx, `document.documentElement.getBoundingClientRect().height`)
		if frame.Height < content-0.5 || frame.Height > content+3 {
			return fmt.Sprintf("iframe %.1fpx tall for %.1fpx of content", frame.Height, content)
		}
		if eval[bool](t, fctx, `document.documentElement.scrollHeight > innerHeight || document.documentElement.clientWidth < innerWidth`) {
			return "the frame has an inner scrollbar"
		}
		return ""
	})
}

// clickInFrame clicks the element with id inside the frame with the
// mouse, as a reader does, scrolling the publisher's page first so the
// element is at fraction y of the viewport's height.
func clickInFrame(t *testing.T, ctx, fctx context.Context, id string, y float64) {
	t.Helper()
	// The first line of the element: a phrase can wrap.
	el := eval[box](t, fctx, fmt.Sprintf(`(() => { const r = document.getElementById(%q).getClientRects()[0];
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height}; })()`, id))
	frame := eval[box](t, ctx, iframeBox)
	do(t, ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`scrollBy(0, %f)`, frame.Top+el.Top-y*800)))
	// A frame that was out of sight is rendered again only now: wait
	// until the point to click hits the element, in the frame and in the
	// page, before aiming at it.
	x, fy := el.Left+4, (el.Top+el.Bottom)/2
	eventually(t, 10*time.Second, func() string {
		frame = eval[box](t, ctx, iframeBox)
		hit := eval[bool](t, fctx, fmt.Sprintf(`(() => { const e = document.elementFromPoint(%f, %f); return !!e && !!e.closest("#%s"); })()`, x, fy, id))
		onFrame := eval[bool](t, ctx, fmt.Sprintf(`document.elementFromPoint(%f, %f) === document.querySelector("iframe.gloss-embed")`, frame.Left+x, frame.Top+fy))
		if !hit || !onFrame {
			return fmt.Sprintf("the point to click on #%s does not hit it yet", id)
		}
		return ""
	})
	do(t, ctx, chromedp.MouseClickXY(frame.Left+x, frame.Top+fy))
}

// cardInSight checks that the open card is inside the frame and inside
// the publisher's viewport.
func cardInSight(t *testing.T, ctx, fctx context.Context, id string) {
	t.Helper()
	eventually(t, 5*time.Second, func() string {
		c := eval[box](t, fctx, boxOf(id))
		w := eval[map[string]float64](t, fctx, `({w: innerWidth, h: innerHeight})`)
		if c.Top < -0.5 || c.Left < -0.5 || c.Bottom > w["h"]+0.5 || c.Right > w["w"]+0.5 {
			return fmt.Sprintf("card %s at %+v is cut by the %vx%v frame", id, c, w["w"], w["h"])
		}
		f := eval[box](t, ctx, iframeBox)
		if top, bottom := f.Top+c.Top, f.Top+c.Bottom; top < -0.5 || bottom > 800.5 {
			return fmt.Sprintf("card %s spans %.0f–%.0f of the publisher's 800px viewport", id, top, bottom)
		}
		return ""
	})
}

// layoutShift is the publisher page's cumulative layout shift so far,
// leaving out shifts right after the reader's input, as CLS does.
const layoutShift = `shifts.filter(s => !s.input).reduce((a, s) => a + s.value, 0)`

func TestEmbedInPublisherPage(t *testing.T) {
	s := startSite(t)
	a := seed
	pub := startPublisher(t, publisherPage{
		href: s.URL + glosssite.ArticlePath(a.Slug), headline: a.Title, before: 2, after: 12, reserve: true,
	}.html(s.URL))
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(pub))

	// The iframe replaces the blockquote, titled with the headline.
	waitFor(t, ctx, `!!document.querySelector("iframe.gloss-embed")`, 10*time.Second)
	attrs := eval[map[string]string](t, ctx, `(() => { const f = document.querySelector("iframe.gloss-embed");
	  return {title: f.title, loading: f.getAttribute("loading"), referrer: f.getAttribute("referrerpolicy"),
	    allow: f.getAttribute("allow") || "", src: f.src, blockquotes: String(document.querySelectorAll("blockquote").length)}; })()`)
	if attrs["title"] != a.Title || attrs["loading"] != "lazy" || attrs["referrer"] == "" || attrs["allow"] != "" || attrs["blockquotes"] != "0" {
		t.Errorf("iframe attributes %v", attrs)
	}
	if want := s.URL + glosssite.ArticlePath(a.Slug) + "?embed=1&theme=light"; attrs["src"] != want {
		t.Errorf("iframe src %q, want %q", attrs["src"], want)
	}

	// In the cross-site frame the wasm starts (storage may be partitioned
	// or denied: it must not matter) and the frame fits its content.
	fctx := frameOf(t, ctx, s.URL)
	frameWait(t, fctx, `document.documentElement.classList.contains("gloss-embed") && document.readyState === "complete"`, 10*time.Second)
	// A facade until the reader uses it: loaded, in view, done with
	// what its load began, no wasm.
	eval[bool](t, fctx, idle)
	if eval[bool](t, fctx, wasmRequested) {
		t.Error("the frame started the wasm before the reader used it")
	}
	// The frame lays its article out a few blocks per task (web/gloss.js)
	// and tells the page its height once that is done: the first height
	// the page hears is the article's, so the frame is resized once.
	heights := eval[[]float64](t, ctx, `glossHeights`)
	if content := eval[float64](t, fctx, `Math.ceil(document.documentElement.getBoundingClientRect().height)`); len(heights) == 0 || heights[0] != content {
		t.Errorf("the frame sent the heights %v before the reader used it; its content is %.0f px tall", heights, content)
	}
	useFrame(t, ctx, fctx)
	waitWasm(t, fctx, 60*time.Second)
	fitsContent(t, ctx, fctx)
	// Embed mode, in the publisher's theme; links leave the frame for a
	// new tab.
	mode := eval[map[string]any](t, fctx, `({
	  classes: document.documentElement.className,
	  scheme: getComputedStyle(document.documentElement).colorScheme,
	  install: !!document.querySelector(".gloss-install:not([hidden])") && getComputedStyle(document.querySelector(".gloss-install")).display !== "none",
	  sameTab: [...document.querySelectorAll(".gloss-card a[href^='http']")].filter(a => a.target !== "_blank" || !/noopener/.test(a.rel)).length,
	  links: document.querySelectorAll(".gloss-card a[href^='http']").length})`)
	if !strings.Contains(mode["classes"].(string), "gloss-embed") || !strings.Contains(mode["classes"].(string), "gloss-theme-light") ||
		mode["scheme"] != "light" || mode["install"] != false || mode["sameTab"] != 0.0 || mode["links"] == 0.0 {
		t.Errorf("embed mode in the frame: %v", mode)
	}

	// A card whose phrase is near the foot of the publisher's viewport
	// opens below it in the frame; the page scrolls it into sight.
	notes := anchored(a)
	first, last := notes[0], notes[len(notes)-1]
	openInFrame(t, ctx, fctx, first.ID, 0.9)
	cardInSight(t, ctx, fctx, first.ID)
	// The publisher hears of it.
	waitFor(t, ctx, fmt.Sprintf(`glossEvents.some(e => e.type === "gloss:card-open" && e.id === %q && e.title === %q && e.target === "IFRAME")`, first.ID, first.Title), 5*time.Second)
	escapeInFrame(t, ctx, fctx, first.ID)
	waitFor(t, ctx, fmt.Sprintf(`glossEvents.some(e => e.type === "gloss:card-close" && e.id === %q)`, first.ID), 5*time.Second)

	// The last phrase's card, near the foot of the frame, flips above it.
	openInFrame(t, ctx, fctx, last.ID, 0.5)
	cardInSight(t, ctx, fctx, last.ID)
	fitsContent(t, ctx, fctx)

	// Nothing on the publisher's page moved.
	if cls := eval[float64](t, ctx, layoutShift); cls != 0 {
		t.Errorf("the embed shifted the publisher's layout: CLS %.4f", cls)
	}

	// Messages from anything but the frame are ignored: here the
	// publisher's page itself, or a script on it, forges them.
	before := eval[float64](t, ctx, `document.querySelector("iframe.gloss-embed").getBoundingClientRect().height`)
	// A last message, posted after them, is handled after them: once it
	// has been, and a frame drawn, the forged ones have had their effect.
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`addEventListener("message", (e) => { if (e.data === "gloss-test-last") window.__lastHandled = true; });
	  postMessage({gloss: 1, type: "height", height: 50}, "*");
	  postMessage({gloss: 1, type: "card-open", id: "forged", title: "Forged"}, "*");
	  postMessage("gloss-test-last", "*")`))
	waitFor(t, ctx, `window.__lastHandled === true`, 5*time.Second)
	eval[bool](t, ctx, framesDrawn)
	if after := eval[float64](t, ctx, `document.querySelector("iframe.gloss-embed").getBoundingClientRect().height`); after != before {
		t.Errorf("a forged height message resized the frame from %.0f to %.0f", before, after)
	}
	if eval[bool](t, ctx, `glossEvents.some(e => e.id === "forged")`) {
		t.Error("a forged card message reached the publisher as an event")
	}
}

// The frame of a short article is too short for a card: it grows to hold
// it, and shrinks back once the card is closed and the frame is out of
// sight.
func TestEmbedShortArticleGrowsForACard(t *testing.T) {
	s := startSite(t)
	a := articleNamed(t, "riverside-library")
	pub := startPublisher(t, publisherPage{href: s.URL + glosssite.ArticlePath(a.Slug), headline: a.Title, before: 14, after: 12}.html(s.URL))
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(pub))
	fctx := frameOf(t, ctx, s.URL)
	frameWait(t, fctx, `document.readyState === "complete"`, 10*time.Second)
	// Out of sight, it fits its content, shorter than the reserved height.
	eventually(t, 10*time.Second, func() string {
		content := eval[float64](t, fctx, `document.documentElement.getBoundingClientRect().height`)
		if h := eval[box](t, ctx, iframeBox).Height; math.Abs(h-content) > 3 || h >= 480 {
			return fmt.Sprintf("frame %.0fpx for %.0fpx of content", h, content)
		}
		return ""
	})
	// Out of sight and untouched, the frame has not even asked for the
	// wasm (a facade): it costs the publisher's page nothing.
	eval[bool](t, fctx, idle)
	if eval[bool](t, fctx, wasmRequested) {
		t.Error("a frame out of sight that nobody touched loaded the wasm")
	}
	// The card with a timeline is taller than the room on either side of
	// its phrase in the content-sized frame, whatever the fonts.
	const tall = "reopening"
	room := eval[map[string]float64](t, fctx, fmt.Sprintf(`(() => { const c = document.getElementById(%q);
	  c.showPopover(); const need = c.scrollHeight; c.hidePopover();
	  const a = document.getElementById(%q).getBoundingClientRect();
	  return {need: need, above: a.top, below: innerHeight - a.bottom}; })()`, tall, app.TriggerID(tall)))
	if room["need"] <= room["above"] || room["need"] <= room["below"] {
		t.Fatalf("card %s (%.0fpx) fits beside its phrase (%.0fpx above, %.0fpx below): this test proves nothing", tall, room["need"], room["above"], room["below"])
	}
	// Its phrase in the middle of the publisher's viewport: the frame
	// grows below it and the page scrolls the card into sight.
	openInFrame(t, ctx, fctx, tall, 0.5)
	cardInSight(t, ctx, fctx, tall)
	eventually(t, 5*time.Second, func() string {
		// A card is never taller than 34rem (web/gloss.css): up to that,
		// it has its whole height.
		if !eval[bool](t, fctx, fmt.Sprintf(`(() => { const c = document.getElementById(%q);
		  const cap = 34 * parseFloat(getComputedStyle(document.documentElement).fontSize);
		  return c.scrollHeight <= c.clientHeight + 1 || c.getBoundingClientRect().height >= cap - 1; })()`, tall)) {
			return fmt.Sprintf("card %s is squeezed in a frame that could have grown for it", tall)
		}
		return ""
	})
	grown := eval[box](t, ctx, iframeBox)
	if content := eval[float64](t, fctx, `document.documentElement.getBoundingClientRect().height`); grown.Height < content+50 {
		t.Errorf("the frame is %.0fpx for %.0fpx of content: it did not grow for the card", grown.Height, content)
	}
	escapeInFrame(t, ctx, fctx, tall)
	// The reader has used the frame: now it runs the wasm.
	waitWasm(t, fctx, 60*time.Second)

	// On screen its foot stays where the reader sees it, as shrinking
	// would pull up the publisher's text under the reader's eyes; once
	// scrolled out of sight, it fits its content again.
	settled(t, ctx, iframeBox)
	if f := eval[box](t, ctx, iframeBox); f.Bottom < math.Min(grown.Bottom, 800)-0.5 {
		t.Errorf("the frame's foot moved up from %.0f to %.0fpx in the 800px viewport", grown.Bottom, f.Bottom)
	}
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`scrollTo(0, document.body.scrollHeight)`))
	fitsContent(t, ctx, fctx)
	// Growing for the card moved the publisher's text below the frame:
	// a shift the reader caused, but in the frame, which the page's
	// layout-shift entries do not count as the page's own input.
	t.Logf("CLS from growing for a card: %.4f", eval[float64](t, ctx, layoutShift))
}

func articleNamed(t *testing.T, slug string) content.Article {
	t.Helper()
	for _, a := range catalog.Articles() {
		if a.Slug == slug {
			return a
		}
	}
	t.Fatalf("no article %q in the test catalog", slug)
	return content.Article{}
}

// An embed further down the publisher's page loads and sizes itself out
// of sight: no layout shift even without the reservation rule.
func TestEmbedBelowTheFoldShiftsNothing(t *testing.T) {
	s := startSite(t)
	pub := startPublisher(t, publisherPage{href: s.URL + seedPath, headline: seed.Title, before: 14, after: 6}.html(s.URL))
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(pub))
	if top := eval[float64](t, ctx, `document.querySelector(".gloss-embed").getBoundingClientRect().top`); top < 800 {
		t.Fatalf("the snippet is at %.0fpx, in the first screen: this test proves nothing", top)
	}
	// The frame takes its content's height before the reader gets to it.
	fctx := frameOf(t, ctx, s.URL)
	eventually(t, 10*time.Second, func() string {
		content := eval[float64](t, fctx, `document.documentElement.getBoundingClientRect().height`)
		if h := eval[box](t, ctx, iframeBox).Height; math.Abs(h-content) > 3 {
			return fmt.Sprintf("out of sight, the frame is %.0fpx tall for %.0fpx of content", h, content)
		}
		return ""
	})
	// The reader scrolls down to it and past it.
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector("iframe.gloss-embed").scrollIntoView()`))
	fitsContent(t, ctx, fctx)
	do(t, ctx, chromedp.ScrollIntoView(chromedp.CSS("p.after")))
	settled(t, ctx, `[scrollY, document.querySelector("iframe.gloss-embed").getBoundingClientRect().height]`)
	if cls := eval[float64](t, ctx, layoutShift); cls != 0 {
		t.Errorf("CLS %.4f", cls)
	}
}

// With JavaScript off on the publisher's page, the snippet is a link to
// the article.
func TestEmbedFallbackWithoutJavaScript(t *testing.T) {
	s := startSite(t)
	href := s.URL + glosssite.ArticlePath(seed.Slug)
	pub := startPublisher(t, publisherPage{href: href, headline: seed.Title, before: 1, after: 1}.html(s.URL))
	ctx := newBrowser(t)
	noScript := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
	do(t, ctx, noScript, chromedp.Navigate(pub))
	waitFor(t, ctx, `document.readyState === "complete"`, 10*time.Second)
	link := eval[map[string]any](t, ctx, `(() => { const a = document.querySelector("blockquote.gloss-embed a");
	  return {href: a ? a.href : "", text: a ? a.textContent : "", frames: document.querySelectorAll("iframe").length,
	    visible: a ? a.getBoundingClientRect().height > 0 : false}; })()`)
	if link["href"] != href || link["text"] != seed.Title || link["frames"] != 0.0 || link["visible"] != true {
		t.Errorf("fallback %v", link)
	}
}

// Where the browser denies the frame its storage, go-app still starts.
// Chromium here partitions third-party storage rather than denying it, so
// the denial is forced: a script run before any of the frame's makes
// localStorage and sessionStorage throw, as a denying browser does.
func TestEmbedStartsWithStorageDenied(t *testing.T) {
	s := startSite(t)
	pub := startPublisher(t, publisherPage{href: s.URL + seedPath, headline: seed.Title, before: 1, after: 1}.html(s.URL))
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(pub))
	fctx := frameOf(t, ctx, s.URL)
	deny := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
			["localStorage", "sessionStorage"].forEach(function (name) {
				Object.defineProperty(window, name, {configurable: true, get: function () {
					throw new DOMException("Access is denied for this document.", "SecurityError");
				}});
			});`})
		return err
	})
	do(t, fctx, deny, chromedp.Evaluate[chromedp.Void](`window.beforeReload = true; location.reload()`))
	frameWait(t, fctx, `!window.beforeReload && document.readyState === "complete"`, 20*time.Second)
	if real := eval[bool](t, fctx, `localStorage instanceof Storage`); real {
		t.Fatal("the frame has real storage: the denial was not in place and this test proves nothing")
	}
	useFrame(t, ctx, fctx)
	waitWasm(t, fctx, 60*time.Second)
	// The reader's switch works with the memory store.
	do(t, fctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("gloss-plain").click()`))
	frameWait(t, fctx, `document.getElementById("gloss-plain").getAttribute("aria-pressed") === "true"`, 5*time.Second)
}

// With -frame-ancestors, a publisher not on the list cannot frame the
// embed view.
func TestEmbedFrameAncestorsRefusesOtherSites(t *testing.T) {
	s := startSiteOn(t, "127.0.0.1:0", server.Config{FrameAncestors: "https://allowed.example"})
	pub := startPublisher(t, publisherPage{href: s.URL + seedPath, headline: seed.Title, before: 1, after: 1}.html(s.URL))
	ctx := newBrowser(t)
	console := chromedp.Console(ctx)
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(pub))
	refused := make(chan string, 1)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			if strings.Contains(m.Text, "frame-ancestors") {
				refused <- m.Text
				return
			}
		}
	}()
	select {
	case <-refused:
	case <-time.After(10 * time.Second):
		t.Error("no frame-ancestors refusal reported")
	}
	// No Gloss page was loaded in the frame: it shows the browser's error
	// page.
	fctx := frameOf(t, ctx, s.URL)
	frameWait(t, fctx, `location.href.startsWith("chrome-error:")`, 5*time.Second)
}

// The demo page (/demo/embed) shows the widget in a publisher's article,
// with a card opening inside it. GLOSS_SCREENSHOTS=1 also writes its
// screenshot for the README, docs/embed-demo.png.
func TestEmbedDemoPageShowsTheWidget(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 1400), chromedp.Navigate(s.URL+"/demo/embed"))
	// The demo frames the widget from its own origin, so the frame's
	// document is the page's to reach.
	const doc = `document.querySelector("iframe.gloss-embed").contentDocument`
	n := anchored(seed)[1]
	waitFor(t, ctx, fmt.Sprintf(`!!document.querySelector("iframe.gloss-embed") && !!%s && %s.readyState === "complete" && !!%s.getElementById(%q)`, doc, doc, doc, app.TriggerID(n.ID)), 20*time.Second)
	do(t, ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
	  const f = document.querySelector("iframe.gloss-embed");
	  const m = f.contentDocument.getElementById(%q);
	  m.click();
	})()`, app.TriggerID(n.ID))))
	waitFor(t, ctx, doc+fmt.Sprintf(`.getElementById(%q).matches(":popover-open")`, n.ID), 5*time.Second)
	if os.Getenv("GLOSS_SCREENSHOTS") == "" {
		return
	}
	waitFor(t, ctx, doneAnimating, 10*time.Second)
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(env.root, "docs", "embed-demo.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// escapeInFrame presses Escape and waits for the open card to close. A
// key goes to the focused frame: a reader's click gives the frame focus,
// but a synthetic click on a busy machine may not have done so yet, so the
// test gives it.
func escapeInFrame(t *testing.T, ctx, fctx context.Context, id string) {
	t.Helper()
	frameWait(t, fctx, openCard(id), 5*time.Second)
	// A key reaches a cross-site frame through the browser process: on a
	// busy machine (the frame's wasm starting on the reader's first use)
	// one may be routed before the frame's focus is, so the frame is given
	// the focus again before each Escape while the card is still open.
	var focus []string
	for try := 0; try < 3; try++ {
		if !eval[bool](t, fctx, `document.hasFocus()`) {
			focus = append(focus, fmt.Sprintf("try %d: the frame had lost the focus", try+1))
			eval[bool](t, ctx, `(document.querySelector("iframe.gloss-embed").focus(), true)`)
			frameWait(t, fctx, `document.hasFocus()`, 5*time.Second)
		}
		do(t, ctx, chromedp.KeyEvent(kb.Escape))
		if browsertest.Poll(fctx, noCardOpen, 2*time.Second) == nil {
			return
		}
	}
	t.Fatalf("Escape did not close card %s in the frame after three presses (%s; in the frame now: focus %t, active element %s, classes %q)", id,
		strings.Join(append(focus, "the frame had the focus before each press otherwise"), "; "),
		eval[bool](t, fctx, `document.hasFocus()`), eval[string](t, fctx, `document.activeElement ? document.activeElement.tagName + "#" + document.activeElement.id : "none"`),
		eval[string](t, fctx, `document.documentElement.className`))
}

// openInFrame clicks the phrase of card id in the frame and waits for the
// card to open. On a busy machine the frame may still be settling (its
// height following a card just closed) when the mouse is released, so a
// click that opened nothing is aimed and made once more.
// useFrame is the reader's first touch of the frame: a click on its
// headline, which starts the wasm (web/gloss.js).
func useFrame(t *testing.T, ctx, fctx context.Context) {
	t.Helper()
	// Once the frame has its height: a click aimed while embed.js resizes
	// it can land beside it.
	fitsContent(t, ctx, fctx)
	// A frame that has just loaded may not take input yet (Chromium
	// routes a click to a cross-site frame once the frame has drawn): the
	// click is sent again until the frame has seen the reader's first use,
	// which starts its wasm (web/gloss.js sets gloss-starting).
	eval[bool](t, fctx, framesDrawn)
	for try := 0; try < 3; try++ {
		clickInFrame(t, ctx, fctx, "gloss-headline", 0.3)
		if browsertest.Poll(fctx, `document.documentElement.classList.contains("gloss-starting")`, 3*time.Second) == nil {
			return
		}
	}
}

func openInFrame(t *testing.T, ctx, fctx context.Context, id string, y float64) {
	t.Helper()
	for try := 0; ; try++ {
		clickInFrame(t, ctx, fctx, app.TriggerID(id), y)
		if browsertest.Poll(fctx, openCard(id), 3*time.Second) == nil {
			return
		}
		if try == 1 {
			t.Fatalf("clicking the phrase of %s in the frame did not open its card", id)
		}
	}
}
