package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"image/png"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/e2e/catalog"
)

// A shared card has a page at /c/<id> (and /c/<id>/): the card in full
// and every article that shows it, the newest first, in the site's
// language, described for link previews (og:type article, its dates, a
// 1200×630 image) and search engines (BackgroundNewsArticle, its sources
// as citations) where the site has an origin.
func TestASharedCardHasItsPage(t *testing.T) {
	s := buildSite(t, Config{Origin: "https://gloss.example", Base: "/news/"})
	for _, p := range []string{"/news/c/library-roof", "/news/c/library-roof/", "/news/c/footbridge", "/news/c/heritage-grant"} {
		if o, ok := s.Lookup(p); !ok || o.Kind != KindCard || o.Cache != CacheRevalidate || !strings.HasPrefix(o.Type, "text/html") {
			t.Fatalf("%s: not a card page", p)
		}
	}
	page := string(body(t, s, "/news/c/library-roof"))
	for _, want := range []string{
		`<html dir="ltr" lang="en">`, `<title>The Riverside library roof</title>`,
		`<link href="https://gloss.example/news/c/library-roof" rel="canonical">`,
		`<meta content="https://gloss.example/news/c/library-roof" property="og:url">`,
		`<meta content="article" property="og:type">`,
		`<meta content="2026-11-01T00:00:00Z" property="article:modified_time">`,
		`<meta content="2022-02-10T00:00:00Z" property="article:published_time">`,
		`<meta content="https://gloss.example/news/og/c/library-roof.png" property="og:image">`,
		`<meta content="summary_large_image" name="twitter:card">`,
		`href="https://gloss.example/news/feed-context.xml" rel="alternate"`,
		"1 November 2026", "3 January 2022", "1 October 2026", "Council approves library roof budget", "Used in 3 articles",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the card page lacks %s", want)
		}
	}
	var got []string
	for _, m := range regexp.MustCompile(`<a dir="ltr" href="/news/a/([^"]*)" lang="en">`).FindAllStringSubmatch(page, -1) {
		got = append(got, m[1])
	}
	if want := []string{"library-anniversary", "library-reopens", "library-closes"}; !slices.Equal(got, want) {
		t.Errorf("the card page lists %v, want %v", got, want)
	}
	if regexp.MustCompile(`content=""`).MatchString(page) {
		t.Error("a meta tag with empty content")
	}

	ld := regexp.MustCompile(`<script type="application/ld\+json">(.*)</script>`).FindStringSubmatch(page)
	if ld == nil {
		t.Fatal("no JSON-LD")
	}
	var doc struct {
		Type          string `json:"@type"`
		Headline      string
		DateModified  string
		DatePublished string
		InLanguage    string
		Image         []string
		Publisher     struct{ Name string }
		Citation      []struct {
			Type      string `json:"@type"`
			Name, URL string
			Publisher struct{ Name string }
		}
	}
	if err := json.Unmarshal([]byte(ld[1]), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Type != "BackgroundNewsArticle" || doc.Headline != "The Riverside library roof" || doc.DateModified != "2026-11-01T00:00:00Z" ||
		doc.InLanguage != "en" || doc.Publisher.Name != "Gloss" || len(doc.Image) != 1 || len(doc.Citation) != 2 {
		t.Errorf("JSON-LD: %+v", doc)
	}
	for _, c := range doc.Citation {
		if c.Type != "CreativeWork" || c.Name == "" || !strings.HasPrefix(c.URL, "https://example.org/") || c.Publisher.Name == "" {
			t.Errorf("citation %+v", c)
		}
	}

	img, err := png.Decode(bytes.NewReader(body(t, s, "/news/og/c/library-roof.png")))
	if err != nil || img.Bounds().Dx() != ogWidth || img.Bounds().Dy() != ogHeight {
		t.Errorf("the card's preview image: %v", err)
	}

	// Without an origin: the page, with a relative canonical link, but
	// no image, no structured data and no og:url.
	s = buildSite(t, Config{})
	page = string(body(t, s, "/c/library-roof"))
	if !strings.Contains(page, `<link href="/c/library-roof" rel="canonical">`) || strings.Contains(page, "ld+json") || strings.Contains(page, "og:url") {
		t.Error("a card page without an origin names one")
	}
	if _, ok := s.Lookup("/og/c/library-roof.png"); ok {
		t.Error("a preview image without an origin")
	}
}

// A card page's key changes with the card and with the list of its
// articles (an article added, or one of them edited), and with nothing
// else: what a server keeps of it stays good across other edits.
func TestACardPagesKeyFollowsTheCardAndItsArticles(t *testing.T) {
	s := buildSite(t, Config{})
	key := func(s *Site) string { o, _ := s.Lookup("/c/library-roof"); return o.Key() }
	k0 := key(s)
	as := catalog.Articles()
	edit := func(f func(as []content.Article)) *Site {
		t.Helper()
		as := slices.Clone(as)
		f(as)
		next, err := s.WithArticles(as)
		if err != nil {
			t.Fatal(err)
		}
		return next
	}
	same := edit(func(as []content.Article) { as[0].Title += " (edited)" })
	roof := func(o *Output) bool { return o.Kind == KindCard && slices.Contains(o.Paths, "/c/library-roof") }
	if !slices.Contains(as[0].CardIDs(), "library-roof") && (key(same) != k0 || slices.ContainsFunc(same.Edited(s), roof)) {
		t.Error("editing an article that does not show the card changed its page")
	}
	last := len(as) - 1
	retitled := edit(func(as []content.Article) { as[last].Title += " (edited)" })
	if key(retitled) == k0 {
		t.Error("retitling an article that shows the card left its page's key")
	}
	card := edit(func(as []content.Article) {
		for i := range as {
			for j, n := range as[i].Notes {
				if n.Card == "library-roof" {
					as[i].Notes[j].Version = "roof-v2"
				}
			}
		}
	})
	if key(card) == k0 || !card.Changed(s) || !slices.ContainsFunc(card.Edited(s), func(o *Output) bool { return o.Path() == "/c/library-roof" }) {
		t.Error("a new version of the card left its page")
	}
}

// An archive of articles alone (Memory with no cards) has the cards its
// articles show, made again from their notes: all of each card but its
// aliases, which a note does not carry and a site does not show.
func TestMemoryFindsTheCardsItsArticlesShow(t *testing.T) {
	got := Memory(catalog.Shared()).Cards()
	want := catalog.SharedCards()
	for i := range want {
		want[i].Aliases = nil
	}
	if len(got) != len(want) {
		t.Fatalf("%d cards, want %d", len(got), len(want))
	}
	for i := range want {
		g, _ := json.Marshal(got[i])
		w, _ := json.Marshal(want[i])
		if string(g) != string(w) {
			t.Errorf("card %s made again:\n%s\nwant\n%s", want[i].ID, g, w)
		}
	}
}

// The front page marks an article "Updated since publication" when a
// shared card it shows has developments after its date; an article
// whose cards are only as current as it is is not marked.
func TestTheFrontPageMarksArticlesWhoseCardsChanged(t *testing.T) {
	// Every article of the shared archive shows a development after its
	// date; the control is its newest article dated after all of them.
	late := redated(t, catalog.Shared()[0], "library-later", content.Date{Year: 2027, Month: 1, Day: 1})
	page := string(body(t, buildSite(t, Config{Articles: append([]content.Article{late}, catalog.Articles()...)}), "/"))
	for slug, marked := range map[string]bool{"library-later": false, "library-anniversary": true, "library-reopens": true, "library-closes": true} {
		m := regexp.MustCompile(`href="/a/` + slug + `"[^>]*>.*?</li>`).FindString(strings.ReplaceAll(page, "\n", " "))
		if m == "" {
			t.Fatalf("the front page does not list %s", slug)
		}
		if got := strings.Contains(m, "Updated since publication"); got != marked {
			t.Errorf("%s: marked %v, want %v", slug, got, marked)
		}
	}
}

// An article's feed entries and sitemap entry are as recent as the
// latest updated of the cards it shows, when that is later than its
// date; a card page's lastmod is its updated.
func TestFeedsAndSitemapFollowTheCards(t *testing.T) {
	s := buildSite(t, Config{Origin: "https://gloss.example"})
	var feed struct {
		Entries []struct {
			ID      string `xml:"id"`
			Updated string `xml:"updated"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(body(t, s, "/feed.xml"), &feed); err != nil {
		t.Fatal(err)
	}
	var jf struct {
		Items []struct {
			ID           string `json:"id"`
			DateModified string `json:"date_modified"`
		} `json:"items"`
	}
	if err := json.Unmarshal(body(t, s, "/feed.json"), &jf); err != nil {
		t.Fatal(err)
	}
	updated := map[string]string{}
	for _, e := range feed.Entries {
		updated[e.ID] = e.Updated
	}
	for _, it := range jf.Items {
		updated["json "+it.ID] = it.DateModified
	}
	// Each shows the library roof (updated 1 November 2026), the latest
	// as-of of its cards: the footbridge's is 15 October 2026, the
	// heritage grant's (the newest's) March 2025.
	for _, slug := range []string{"library-anniversary", "library-reopens", "library-closes"} {
		u := "https://gloss.example/a/" + slug
		if updated[u] != "2026-11-01T00:00:00Z" || updated["json "+u] != "2026-11-01T00:00:00Z" {
			t.Errorf("%s: updated %q in Atom, %q in JSON Feed, want the roof's 2026-11-01", slug, updated[u], updated["json "+u])
		}
	}
	lastmod := map[string]string{}
	for _, u := range readSitemap(t, s) {
		lastmod[strings.TrimPrefix(u.Loc, "https://gloss.example")] = u.Lastmod
	}
	// The seed is dated by the latest "as of" of the cards it shows.
	seed := catalog.Articles()[0]
	seedMod := seed.Date
	for _, n := range seed.Notes {
		if n.Card != "" && seedMod.Before(n.Since.AsOf) {
			seedMod = n.Since.AsOf
		}
	}
	for p, want := range map[string]string{
		"/c/library-roof": "2026-11-01", "/c/footbridge": "2026-10-15",
		"/a/library-closes": "2026-11-01", "/a/library-anniversary": "2026-11-01", "/a/" + seed.Slug: seedMod.ISO(),
	} {
		if lastmod[p] != want {
			t.Errorf("sitemap: %s lastmod %q, want %s", p, lastmod[p], want)
		}
	}
}

// redated is article a as slug, dated d: each of its shared notes made
// again from its card (Card.For) for the new date.
func redated(t *testing.T, a content.Article, slug string, d content.Date) content.Article {
	t.Helper()
	cards := map[string]content.Card{}
	for _, c := range catalog.SharedCards() {
		cards[c.ID] = c
	}
	a.Slug, a.Date, a.Notes = slug, d, slices.Clone(a.Notes)
	for i, n := range a.Notes {
		if c, ok := cards[n.Card]; ok {
			a.Notes[i] = c.For(n.ID, n.Anchor, d, n.Uses)
		} else if n.Card != "" {
			t.Fatalf("%s shows card %s, which the library lacks", a.Slug, n.Card)
		}
	}
	return a
}

// A card without an "as of" date (a Memory archive's may lack one) is
// dated by the oldest article that shows it, never by year 0.
func TestACardWithoutAnAsOfIsDatedByItsArticles(t *testing.T) {
	cards := catalog.SharedCards()
	for i := range cards {
		cards[i].Updated = content.Date{}
	}
	s := buildSite(t, Config{Origin: "https://gloss.example", Archive: Memory(catalog.Shared(), cards...)})
	for _, p := range []string{"/c/" + cards[0].ID, "/feed-context.xml", "/sitemap.xml"} {
		if b := string(body(t, s, p)); strings.Contains(b, "0000-") || strings.Contains(b, "0001-") {
			t.Errorf("%s dates a card in year 0", p)
		}
	}
}
