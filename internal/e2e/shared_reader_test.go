package e2e

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/gloss/gloss/app"
	glosssite "github.com/gloss/gloss/site"
	"github.com/gloss/gloss/web"
)

// Shared cards as a reader meets them across articles, on the fixtures'
// shared archive served live (serveShared, shared_test.go): a card's page
// and the "Updated since you read it" mark.

// cardPageArticles are the articles the card page in ctx lists: their
// paths and dates, in its order, and its heading.
const cardPageArticles = `(() => ({ heading: (document.getElementById("gloss-cardpage-used-in") || {}).textContent || "",
  paths: [...document.querySelectorAll(".gloss-cardpage-articles li")].map((li) => li.querySelector("a").pathname + " " + li.querySelector("time").getAttribute("datetime")) }))()`

type cardPageList struct {
	Heading string   `json:"heading"`
	Paths   []string `json:"paths"`
}

// Issue 28, item 4: a card's "Used in N articles" link leads to its page,
// which lists every article that shows the card, the newest first; an
// article that starts showing it (a new folder in the content) joins the
// list in its place by date, not by name.
func TestSharedCardPageListsEveryArticleNewestFirst(t *testing.T) {
	l := serveShared(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(l.URL+glosssite.ArticlePath("library-closes")))
	do(t, ctx, chromedp.Click(chromedp.ID(app.TriggerID("roof"))))
	waitFor(t, ctx, openCard("roof"), 5*time.Second)
	if got := eval[string](t, ctx, `document.querySelector("#roof .gloss-used-in").textContent`); got != "Used in 3 articles" {
		t.Errorf("the card's link reads %q", got)
	}
	do(t, ctx, chromedp.Click(`#roof .gloss-used-in`))
	waitFor(t, ctx, `location.pathname === "`+glosssite.CardPath("library-roof")+`" && document.readyState === "complete"`, 10*time.Second)
	want := []string{"/a/library-anniversary 2024-03-20", "/a/library-reopens 2023-03-14", "/a/library-closes 2022-02-10"}
	if got := eval[cardPageList](t, ctx, cardPageArticles); got.Heading != "Used in 3 articles" || !slices.Equal(got.Paths, want) {
		t.Errorf("the card page lists %+v, want %v under Used in 3 articles", got, want)
	}

	l.waitStreams(t, 2)
	staging := filepath.Join(filepath.Dir(l.dir), "library-summer-2023")
	files := map[string]string{
		"article.md": "---\ntitle: Riverside library opens its roof terrace\ndescription: An invented local news story used to test Gloss.\n" +
			"date: 1 June 2023\nlang: en\n---\nThe Riverside library opened a reading terrace under its new roof. Invented test data.\n",
		"notes/roof.md": "---\ncard: library-roof\nanchor: its new roof\n---\n",
	}
	for name, text := range files {
		if err := os.MkdirAll(filepath.Join(staging, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(staging, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Rename(staging, filepath.Join(l.dir, "library-summer-2023")); err != nil {
		t.Fatal(err)
	}
	want = slices.Insert(want, 1, "/a/library-summer-2023 2023-06-01")
	waitFor(t, ctx, `(() => { const l = `+cardPageArticles+`; return l.heading === "Used in 4 articles" && l.paths.join("|") === "`+strings.Join(want, "|")+`"; })()`, 10*time.Second)
}

// sharedMarks is what the page in ctx shows of the reader's marks
// (seenState): the badges, and the developments marked new.
func sharedMarks(t *testing.T, ctx context.Context) seenView {
	t.Helper()
	v := seenNow(t, ctx)
	if len(v.Errors) > 0 {
		t.Errorf("the page reported errors: %v", v.Errors)
	}
	return v
}

// Issue 28, item 6: the reader opens the library roof's card in one
// article; an editor adds a development to cards/library-roof.md; on the
// reader's next look the phrase says "Updated since you read it" (its
// text, and its button's accessible name) and the new development is
// marked new; and so it is in another article that shows the card, where
// the reader never opened it: the device remembers the card, not the
// article.
func TestSharedUpdatedSinceYouReadItFollowsTheCard(t *testing.T) {
	l := serveShared(t)
	ctx := newBrowser(t)
	reopens, anniversary := l.URL+glosssite.ArticlePath("library-reopens"), l.URL+glosssite.ArticlePath("library-anniversary")
	open := func(url, cond string) {
		t.Helper()
		do(t, ctx, chromedp.Navigate(url))
		waitFor(t, ctx, `location.href === "`+url+`" && document.readyState === "complete" && (`+cond+`)`, 10*time.Second)
	}
	do(t, ctx, seenErrors())
	open(reopens, "true")
	openAndClose(t, ctx, "roof", nil)
	if v := sharedMarks(t, ctx); len(v.Badges) > 0 || len(v.News) > 0 {
		t.Errorf("the card read, before any edit: marks %+v, new %+v", v.Badges, v.News)
	}
	// Elsewhere, the card read is not marked before it changes.
	open(anniversary, "true")
	if v := sharedMarks(t, ctx); len(v.Badges) > 0 || len(v.News) > 0 {
		t.Errorf("another article, before any edit: marks %+v, new %+v", v.Badges, v.News)
	}
	open(reopens, "true")
	l.waitStreams(t, 3)
	read := eval[string](t, ctx, `document.getElementById("roof").dataset.version`)
	const text = "A leak is found above the children's corner."
	l.addDevelopment(t, "library-roof", "12 January 2027", text, "12 January 2027")
	// The live preview reloads the tab; the reader reloads it too.
	waitFor(t, ctx, `document.getElementById("roof").dataset.version !== "`+read+`"`, 10*time.Second)
	reloadPage(t, ctx, `!!document.getElementById("roof")`)

	for _, c := range []struct{ url, note, phrase string }{
		{reopens, "roof", "more than a year of roof repairs"},
		{anniversary, "library-roof", "A year after its reopening"},
	} {
		open(c.url, `document.getElementById("`+c.note+`").dataset.version !== "`+read+`"`)
		v := sharedMarks(t, ctx)
		id, button := c.note+web.UpdatedIDSuffix, app.TriggerID(c.note)
		if b := v.Badges; len(b) != 1 || b[0].ID != id || b[0].Text != seenWords.UpdatedSinceRead || b[0].Button != button || !b[0].Named || !b[0].Visible {
			t.Errorf("%s: badges %+v, want one, %s, seen, reading %q in the phrase of %s and naming it", c.url, v.Badges, id, seenWords.UpdatedSinceRead, button)
		}
		if want := []seenNew{{Card: c.note, Text: text, Label: seenWords.NewSinceRead}}; !slices.Equal(v.News, want) {
			t.Errorf("%s: developments marked new %+v, want %+v", c.url, v.News, want)
		}
		if names, want := buttonNames(t, ctx), c.phrase+" "+seenWords.UpdatedSinceRead; !slices.Contains(names, want) {
			t.Errorf("%s: no button is named %q: %q", c.url, want, names)
		}
	}
}
