package e2e

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/gloss/gloss/internal/e2e/catalog"
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
