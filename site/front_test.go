package site

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/e2e/catalog"
)

// The front page lists the archive newest first, FrontSize articles a
// page, each with its headline linking to its page, its date, its number
// of cards and whether its context changed since publication; pages link
// to the pages around them.
func TestTheFrontPage(t *testing.T) {
	seed := catalog.Articles()[0]
	var as []content.Article
	for i := range 2*FrontSize + 3 {
		a := seed
		a.Slug = fmt.Sprintf("copy-%02d", i)
		a.Title = fmt.Sprintf("Copy %02d", i)
		if i%2 == 1 {
			a.Notes = nil // no card, nothing since
		}
		as = append(as, a)
	}
	s := buildSite(t, Config{Articles: as, Base: "/news/"})
	titles := regexp.MustCompile(`<h2 class="gloss-front-title"><a href="([^"]*)">([^<]*)</a>`)
	seen := 0
	for k, p := range []string{"/news/", "/news/page/2/", "/news/page/3/"} {
		page := string(body(t, s, p))
		got := titles.FindAllStringSubmatch(page, -1)
		want := min(FrontSize, len(as)-k*FrontSize)
		if len(got) != want {
			t.Fatalf("%s lists %d articles, want %d", p, len(got), want)
		}
		for i, m := range got {
			a := as[k*FrontSize+i]
			if m[1] != "/news/a/"+a.Slug || m[2] != a.Title {
				t.Errorf("%s entry %d: %s %q, want %s", p, i, m[1], m[2], a.Slug)
			}
			seen++
		}
		for _, want := range []string{`<html dir="ltr" lang="en">`, `<link href="` + p + `" rel="canonical">`, `rel="prev"`, `rel="next"`} {
			if (want == `rel="prev"` && k == 0) || (want == `rel="next"` && k == 2) {
				if strings.Contains(page, want) {
					t.Errorf("%s has %s", p, want)
				}
				continue
			}
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", p, want)
			}
		}
	}
	if seen != len(as) {
		t.Errorf("the front page lists %d of %d articles", seen, len(as))
	}
	first := string(body(t, s, "/news/"))
	if n := strings.Count(first, "Updated since publication"); n != FrontSize/2 {
		t.Errorf("%d articles marked updated, want the %d with cards changed since", n, FrontSize/2)
	}
	if !strings.Contains(first, fmt.Sprintf("%d context cards", cards(&as[0]))) || !strings.Contains(first, "0 context cards") {
		t.Error("no card counts")
	}
	if o, ok := s.Lookup("/news/page/2"); !ok || o.Kind != KindFront {
		t.Error("/news/page/2 without its slash is not the front page's second page")
	}
	if _, ok := s.Lookup("/news/page/4/"); ok {
		t.Error("a page past the last")
	}
}

// Every page of the front page speaks the site's language, its newest
// article's, whatever the language of the first article it lists.
func TestEveryFrontPageSpeaksTheSitesLanguage(t *testing.T) {
	seed := catalog.Articles()[0]
	var as []content.Article
	for i := range FrontSize + 1 {
		a := seed
		a.Slug = fmt.Sprintf("copy-%02d", i)
		if i == FrontSize {
			a.Lang = "uk" // the first, and only, article of page 2
		}
		as = append(as, a)
	}
	s := buildSite(t, Config{Articles: as})
	if page := string(body(t, s, "/page/2/")); !strings.Contains(page, `<html dir="ltr" lang="en">`) || !strings.Contains(page, i18n.For("en").Latest) {
		t.Errorf("page 2 does not speak English, the newest article's language")
	}
}
