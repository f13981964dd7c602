package e2e

import (
	"encoding/json"
	"fmt"
	"html"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/gloss/gloss/internal/browsertest"
	"github.com/gloss/gloss/internal/wordpress"
)

// TestWordPressFrameOnAPlainPage puts the Gloss frame on another site's
// plain page as WordPress prints an embed (a blockquote, and the iframe
// sandboxed allow-scripts only, clipped until it speaks), with
// WordPress's own wp-embed.js: the frame has an opaque origin, so no
// storage and no service worker, and fetches Gloss's files cross-origin.
func TestWordPressFrameOnAPlainPage(t *testing.T) {
	script, err := os.ReadFile(wordpress.EmbedJS)
	if err != nil {
		t.Fatalf("WordPress's wp-embed.js: %v\n  Install it with: make deps   (apt-get install "+wordpress.Packages+")", err)
	}
	s := startSite(t)
	href := s.URL + seedPath
	pub := servePlain(t, map[string]string{"/": wpPlainPage(href, ""), "/wp-embed.js": string(script)})
	var log logBuffer
	ctx := consoleBrowser(t, &log, false)
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(pub))
	checkWordPressFrame(t, ctx, s.URL, &log)
	fctx := frameOf(t, ctx, s.URL)
	if origin := eval[string](t, fctx, `self.origin`); origin != "null" {
		t.Errorf("the frame's origin is %q: not sandboxed, this test proves nothing", origin)
	}
	// The sandbox forbids popups and top navigation: "Continue reading"
	// asks WordPress to follow it, which takes the reader to the article.
	do(t, fctx, chromedp.Evaluate[chromedp.Void](`document.querySelector(".gloss-continue a").scrollIntoView({block: "center"})`))
	more := eval[box](t, fctx, `(() => { const r = document.querySelector(".gloss-continue a").getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height}; })()`)
	frame := eval[box](t, ctx, `(() => { const r = `+wpFrame+`.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height}; })()`)
	do(t, ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`scrollBy(0, %f)`, frame.Top+more.Top-400)))
	frame = eval[box](t, ctx, `(() => { const r = `+wpFrame+`.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height}; })()`)
	do(t, ctx, chromedp.MouseClickXY(frame.Left+more.Left+4, frame.Top+(more.Top+more.Bottom)/2))
	waitFor(t, ctx, fmt.Sprintf(`location.href === %q`, href), 10*time.Second)
}

// TestEmbedAdoptsTheOEmbedFrame is a page with the oEmbed answer's html
// as Ghost puts it in a post (blockquote, iframe and script, run as
// they are): embed.js takes the answer's iframe as the frame, without a
// second one, and sizes it to its content.
func TestEmbedAdoptsTheOEmbedFrame(t *testing.T) {
	s := startSite(t)
	res, err := http.Get(s.URL + "/oembed?format=json&url=" + url.QueryEscape(s.URL+seedPath))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		HTML string `json:"html"`
	}
	err = json.NewDecoder(res.Body).Decode(&doc)
	res.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	pub := servePlain(t, map[string]string{"/": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A Ghost post</title></head><body>` +
		`<h1>A Ghost post</h1><p>The publisher's words.</p>` + doc.HTML + `<p>More of them.</p></body></html>`})
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(pub))
	fctx := frameOf(t, ctx, s.URL)
	frameWait(t, fctx, `document.readyState === "complete"`, 20*time.Second)
	fitsContent(t, ctx, fctx)
	if n := eval[map[string]float64](t, ctx, `({frames: document.querySelectorAll("iframe").length, quotes: document.querySelectorAll("blockquote").length})`); n["frames"] != 1 || n["quotes"] != 0 {
		t.Errorf("the page has %v iframes and %v blockquotes, want the one frame and no blockquote", n["frames"], n["quotes"])
	}
	openInFrame(t, ctx, fctx, anchored(seed)[0].ID, 0.5)
}

// wpSecret is the secret of wpPlainPage's embed.
const wpSecret = "Gl0ssTest1"

// wpPlainPage is a page with the embed of the article at href as
// WordPress prints it, and head in its head.
func wpPlainPage(href, head string) string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A plain page</title>` + head + `</head><body>` +
		`<h1>A plain page</h1><p>The publisher's words.</p>` +
		`<blockquote class="wp-embedded-content" data-secret="` + wpSecret + `"><a href="` + html.EscapeString(href) + `">` + html.EscapeString(seed.Title) + `</a></blockquote>` +
		`<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" style="position: absolute; clip: rect(1px, 1px, 1px, 1px);" ` +
		`src="` + html.EscapeString(href) + `?embed=1#?secret=` + wpSecret + `" data-secret="` + wpSecret + `" width="600" height="750" title="` + html.EscapeString(seed.Title) + `" frameborder="0" scrolling="no"></iframe>` +
		`<p>More of the publisher's words.</p><script src="/wp-embed.js"></script></body></html>`
}

// TestWordPressFrameAnswersReadyAndLeadsToSources: the frame WordPress
// sandboxed sends its height again when WordPress says "ready", and a
// source's link in a card (another host, which WordPress would not
// follow) takes the reader to that card on the article's own page.
func TestWordPressFrameAnswersReadyAndLeadsToSources(t *testing.T) {
	script, err := os.ReadFile(wordpress.EmbedJS)
	if err != nil {
		t.Fatalf("WordPress's wp-embed.js: %v\n  Install it with: make deps   (apt-get install "+wordpress.Packages+")", err)
	}
	s := startSite(t)
	href := s.URL + seedPath
	recorder := `<script>window.wpHeights = []; addEventListener("message", (e) => { if (e.data && e.data.message === "height" && e.data.secret === "` + wpSecret + `") wpHeights.push(e.data.value); });</script>`
	pub := servePlain(t, map[string]string{"/": wpPlainPage(href, recorder), "/wp-embed.js": string(script)})
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(pub))
	waitFor(t, ctx, `wpHeights.length > 0 && !`+wpFrame+`.hasAttribute("style")`, 20*time.Second)
	n := eval[int](t, ctx, `wpHeights.length`)
	do(t, ctx, chromedp.Evaluate[chromedp.Void](wpFrame+`.contentWindow.postMessage({message: "ready", secret: "`+wpSecret+`"}, "*")`))
	waitFor(t, ctx, fmt.Sprintf(`wpHeights.length > %d && wpHeights[wpHeights.length - 1] === wpHeights[%d]`, n, n-1), 5*time.Second)

	fctx := frameOf(t, ctx, s.URL)
	note := anchored(seed)[0]
	openInWPFrame(t, ctx, fctx, note.ID)
	link := eval[box](t, fctx, fmt.Sprintf(`(() => { const a = document.getElementById(%q).querySelector("a[href^='http']"); a.scrollIntoView({block: "nearest"});
	  const r = a.getClientRects()[0]; return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height}; })()`, note.ID))
	frameBox := `(() => { const r = ` + wpFrame + `.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height}; })()`
	frame := eval[box](t, ctx, frameBox)
	do(t, ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`scrollBy(0, %f)`, frame.Top+link.Top-400)))
	// A click right after the page scrolled may reach a cross-site frame
	// before it has been drawn there again: click once the point hits the
	// link, in the page and in the frame, and again if nothing followed.
	for try := 0; ; try++ {
		frame = eval[box](t, ctx, frameBox)
		x, y := link.Left+4, (link.Top+link.Bottom)/2
		eventually(t, 10*time.Second, func() string {
			frame = eval[box](t, ctx, frameBox)
			onFrame := eval[bool](t, ctx, fmt.Sprintf(`document.elementFromPoint(%f, %f) === %s`, frame.Left+x, frame.Top+y, wpFrame))
			onLink := eval[bool](t, fctx, fmt.Sprintf(`(() => { const e = document.elementFromPoint(%f, %f); return !!e && !!e.closest("a[href^='http']"); })()`, x, y))
			if !onFrame || !onLink {
				return "the point to click on the source's link does not hit it yet"
			}
			return ""
		})
		do(t, ctx, chromedp.MouseClickXY(frame.Left+x, frame.Top+y))
		if browsertest.Poll(ctx, fmt.Sprintf(`location.href === %q`, href+"#"+note.ID), 5*time.Second) == nil || try == 1 {
			break
		}
	}
	waitFor(t, ctx, fmt.Sprintf(`location.href === %q`, href+"#"+note.ID), 10*time.Second)
}

// TestEmbedWithStorageBlocked is the one-line snippet's frame in a
// browser that blocks sites' cookies and data: Chromium then denies the
// cross-site frame its storage and its service worker ("The user denied
// permission to use Service Worker"). The frame fits its content, a card
// opens, the wasm starts, and nothing of Gloss's is on the console.
func TestEmbedWithStorageBlocked(t *testing.T) {
	s := startSite(t)
	pub := startPublisher(t, publisherPage{href: s.URL + seedPath, headline: seed.Title, before: 1, after: 4}.html(s.URL))
	var log logBuffer
	ctx := consoleBrowser(t, &log, true)
	do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(pub))
	waitFor(t, ctx, `!!document.querySelector("iframe.gloss-embed")`, 10*time.Second)
	fctx := frameOf(t, ctx, s.URL)
	frameWait(t, fctx, `document.readyState === "complete"`, 20*time.Second)
	if eval[bool](t, fctx, `(document.cookie = "gloss=1", document.cookie.includes("gloss=1"))`) {
		t.Fatal("the frame could set a cookie: cookies are not blocked and this test proves nothing")
	}
	useFrame(t, ctx, fctx)
	n := anchored(seed)[0]
	openInFrame(t, ctx, fctx, n.ID, 0.5)
	waitWasm(t, fctx, 60*time.Second)
	fitsContent(t, ctx, fctx)
	noGlossLog(t, ctx, fctx, &log, strings.TrimPrefix(s.URL, "http://"))
}

// servePlain serves each path's text on a loopback port and returns the
// site's URL on the host name localhost: another site than Gloss's
// 127.0.0.1.
func servePlain(t *testing.T, files map[string]string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		ctype := "text/html; charset=utf-8"
		if r.URL.Path != "/" {
			ctype = "text/javascript"
		}
		w.Header().Set("Content-Type", ctype)
		w.Write([]byte(body))
	}), ReadHeaderTimeout: 5 * time.Second}
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return "http://localhost:" + port + "/"
}

// TestWordPressEmbedsAGlossURL is a publisher's WordPress (Debian's
// packages, set up once for the test) with two posts whose content is a
// Gloss article's URL: alone on its line (the classic auto-embed) and as
// the block editor's Embed block. WordPress discovers Gloss's oEmbed
// link, keeps the answer's iframe, and each post, opened in Chromium,
// shows the Gloss frame.
func TestWordPressEmbedsAGlossURL(t *testing.T) {
	s := startSite(t)
	article := s.URL + seedPath
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(s.URL, "http://"))
	p, _ := strconv.Atoi(port)
	wp, err := wordpress.Start(t.TempDir(), []int{p}, []wordpress.Post{
		{Name: "classic", Title: "A post with Gloss (classic)", Content: wordpress.ClassicEmbed(article)},
		{Name: "block", Title: "A post with Gloss (block)", Content: wordpress.BlockEmbed(article)},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(wp.Stop)
	for _, name := range []string{"classic", "block"} {
		t.Run(name, func(t *testing.T) {
			var log logBuffer
			ctx := consoleBrowser(t, &log, false)
			do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(wp.Posts[name]))
			checkWordPressFrame(t, ctx, s.URL, &log)
			if name != "classic" || os.Getenv("GLOSS_SCREENSHOTS") == "" {
				return
			}
			// The README's picture of the post as a reader sees it, with
			// the card the check opened: the whole post, the frame's
			// preview down to "Continue reading".
			do(t, ctx, chromedp.EmulateViewport(1100, 1280), chromedp.Evaluate[chromedp.Void](`scrollTo(0, 0)`))
			waitFor(t, ctx, doneAnimating, 10*time.Second)
			eval[bool](t, ctx, framesDrawn)
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(env.root, "docs", "embed-wordpress.png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
}
