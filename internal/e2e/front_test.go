package e2e

import (
	"context"
	"html"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/gloss/gloss/internal/e2e/catalog"
	"github.com/gloss/gloss/server"
	glosssite "github.com/gloss/gloss/site"
)

// frontPath is the front page's address: the site's base.
const frontPath = "/"

// The front page, with no script at all, lists every article newest
// first with its headline, date and cards, axe finds nothing wrong with
// it, and a headline takes the reader to the article's own address.
func TestTheFrontPageListsTheArchiveAndLeadsToEachArticle(t *testing.T) {
	s := startSite(t)
	ctx := newBrowser(t)
	noScript := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
	do(t, ctx, noScript, chromedp.Navigate(s.URL+frontPath))
	titles := eval[[]string](t, ctx, `[...document.querySelectorAll(".gloss-front-title a")].map(a => a.textContent)`)
	as := catalog.Articles()
	if len(titles) != min(len(as), glosssite.FrontSize) {
		t.Fatalf("the front page lists %d articles, want %d: %q", len(titles), len(as), titles)
	}
	for i, a := range as[:len(titles)] {
		if titles[i] != a.Title {
			t.Errorf("entry %d reads %q, want %q", i, titles[i], a.Title)
		}
	}
	if got := eval[string](t, ctx, `document.querySelector(".gloss-front-entry .gloss-front-meta").textContent`); !strings.Contains(got, "context cards") || !strings.Contains(got, "Updated since publication") {
		t.Errorf("the seed's entry says %q: want its cards and that its context changed", got)
	}
	do(t, ctx, chromedp.Click(`.gloss-front-title a`, chromedp.NodeVisible))
	waitFor(t, ctx, `location.pathname === "`+seedPath+`" && !!document.getElementById("gloss-headline")`, 10*time.Second)

	// With script, nothing on it breaks accessibility.
	ctx = newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.URL+frontPath))
	for _, v := range axeViolations(t, ctx) {
		t.Errorf("front page: %s", v)
	}
	if href := eval[string](t, ctx, `document.querySelector(".gloss-front-title a").href`); href != s.URL+"/a/"+url.PathEscape(seed.Slug) {
		t.Errorf("the first headline links %s", href)
	}
}

// An article's page names its link preview image, which a link-sharing
// app (Slack, Mastodon) draws of it with the page's own tags: an image
// the browser loads, 1200 × 630 pixels. With GLOSS_SCREENSHOTS=1, the
// README's pictures: the front page, and that card as Slack draws it.
func TestArticlesHaveALinkPreview(t *testing.T) {
	// The image's absolute address is one the browser can fetch.
	s := startSiteWithOrigin(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.URL+seedPath))
	tags := eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll("meta[property^='og:']")].map(m => [m.getAttribute("property"), m.content]))`)
	if tags["og:image"] != s.URL+"/og/"+seed.Slug+".png" || tags["og:title"] != seed.Title || tags["og:type"] != "article" {
		t.Fatalf("the page's Open Graph tags: %v", tags)
	}
	card := `<!DOCTYPE html><html><body style="margin:0;padding:24px;background:#fff;font:15px/1.45 system-ui,sans-serif;color:#1d1c1d">` +
		`<div style="border-left:4px solid #ddd;padding:2px 12px;max-width:520px">` +
		`<div style="font-weight:700">` + html.EscapeString(tags["og:site_name"]) + `</div>` +
		`<div style="color:#1264a3;font-weight:700;margin:2px 0">` + html.EscapeString(tags["og:title"]) + `</div>` +
		`<div>` + html.EscapeString(tags["og:description"]) + `</div>` +
		`<img src="` + html.EscapeString(tags["og:image"]) + `" style="margin-top:8px;width:360px;border-radius:8px"></div></body></html>`
	// The card as a page of a host on this machine (a data: page may not
	// load an image from a loopback address).
	cardHost := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, card)
	}))
	defer cardHost.Close()
	do(t, ctx, chromedp.EmulateViewport(600, 500), chromedp.Navigate(cardHost.URL))
	waitFor(t, ctx, `document.images[0].complete && document.images[0].naturalWidth === 1200 && document.images[0].naturalHeight === 630`, 10*time.Second)
	if os.Getenv("GLOSS_SCREENSHOTS") == "" {
		return
	}
	shot(t, ctx, "link-preview.png")
	do(t, ctx, chromedp.EmulateViewport(1100, 900), chromedp.Navigate(s.URL+frontPath))
	waitFor(t, ctx, `document.fonts.status === "loaded"`, 10*time.Second)
	shot(t, ctx, "front-page.png")
}

// shot writes the tab's screenshot to docs/name.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(env.root, "docs", name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// startSiteWithOrigin starts a site whose public origin is its own
// address: its absolute URLs (og:image, structured data, feeds) are ones
// a browser or a tool here can fetch.
func startSiteWithOrigin(t *testing.T) *site {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return startSiteOn(t, addr, server.Config{Origin: "http://" + addr})
}
