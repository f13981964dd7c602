package site

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/gloss/gloss/internal/e2e/catalog"
)

// The context feed holds what RFC 4287 requires of a feed and of each
// entry: the shared cards, the most recently updated first, each linking
// its page and naming the articles that show it; every page links it.
func TestTheContextFeed(t *testing.T) {
	// The catalog's Riverside archive alone: the seed's cards would join
	// the feed.
	s := buildSite(t, Config{Origin: "https://gloss.example", Articles: catalog.Shared()})
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Title   string   `xml:"title"`
		Updated string   `xml:"updated"`
		Author  string   `xml:"author>name"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Summary string `xml:"summary"`
			Links   []struct {
				Href  string `xml:"href,attr"`
				Rel   string `xml:"rel,attr"`
				Title string `xml:"title,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(body(t, s, "/feed-context.xml"), &feed); err != nil {
		t.Fatal(err)
	}
	if feed.ID != "https://gloss.example/feed-context.xml" || feed.Title != "Gloss · Context updates" || feed.Updated != "2026-11-01T00:00:00Z" || feed.Author == "" {
		t.Errorf("feed: %+v", feed)
	}
	// The roof (updated 1 November 2026) and the footbridge (15 October
	// 2026) are shown by the three articles, the heritage grant (March
	// 2025) by one.
	titles, uses := []string{"The Riverside library roof", "The Old Mill footbridge", "The regional heritage grant"}, []int{3, 3, 1}
	if len(feed.Entries) != len(titles) {
		t.Fatalf("entries: %+v", feed.Entries)
	}
	for i, e := range feed.Entries {
		if e.Title != titles[i] {
			t.Errorf("entry %d is %q, want %q", i, e.Title, titles[i])
		}
		if !rfc3339(e.Updated) || !strings.HasPrefix(e.ID, "https://gloss.example/c/") || !strings.HasPrefix(e.Summary, "Used in ") {
			t.Errorf("entry %+v", e)
		}
		alternate, related := 0, 0
		for _, l := range e.Links {
			switch {
			case l.Rel == "alternate" && l.Href == e.ID:
				alternate++
			case l.Rel == "related" && strings.HasPrefix(l.Href, "https://gloss.example/a/") && strings.Contains(e.Summary, l.Title):
				related++
			}
		}
		if alternate != 1 || related != uses[i] {
			t.Errorf("%s: %d alternate and %d related links: %+v", e.Title, alternate, related, e.Links)
		}
	}
	if e := feed.Entries[0]; e.Updated != "2026-11-01T00:00:00Z" || !strings.HasPrefix(e.Summary, "Used in 3 articles: A year on, Riverside library has more visitors than before its closure; ") {
		t.Errorf("the roof's entry: %+v", e)
	}
	link := `<link href="https://gloss.example/feed-context.xml" rel="alternate" title="Gloss · Context updates" type="application/atom+xml">`
	for _, p := range []string{"/", "/a/library-closes", "/c/footbridge"} {
		if !strings.Contains(string(body(t, s, p)), link) {
			t.Errorf("%s does not link the context feed", p)
		}
	}
	if _, ok := buildSite(t, Config{}).Lookup("/feed-context.xml"); ok {
		t.Error("a context feed without an origin")
	}
}
