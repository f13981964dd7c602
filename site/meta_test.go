package site

import (
	"encoding/json"
	"encoding/xml"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/e2e/catalog"
)

func body(t *testing.T, s *Site, p string) []byte {
	t.Helper()
	o, ok := s.Lookup(p)
	if !ok {
		t.Fatalf("%s: not an output", p)
	}
	b, err := o.Body()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The Atom feed holds what RFC 4287 requires of a feed and of each
// entry, with absolute links to the articles, newest first.
func TestTheAtomFeed(t *testing.T) {
	s := buildSite(t, Config{Origin: "https://gloss.example", Base: "/news/"})
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Title   string   `xml:"title"`
		Updated string   `xml:"updated"`
		Links   []struct {
			Href string `xml:"href,attr"`
			Rel  string `xml:"rel,attr"`
		} `xml:"link"`
		Entries []struct {
			ID        string `xml:"id"`
			Title     string `xml:"title"`
			Updated   string `xml:"updated"`
			Published string `xml:"published"`
			Link      struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(body(t, s, "/news/feed.xml"), &feed); err != nil {
		t.Fatal(err)
	}
	as := catalog.Articles()
	if feed.ID == "" || feed.Title == "" || !rfc3339(feed.Updated) || len(feed.Entries) != min(len(as), FeedSize) {
		t.Fatalf("feed: %+v", feed)
	}
	self := false
	for _, l := range feed.Links {
		self = self || l.Rel == "self" && l.Href == "https://gloss.example/news/feed.xml"
	}
	if !self {
		t.Error("no rel=self link to the feed")
	}
	for i, e := range feed.Entries {
		want := "https://gloss.example/news/a/" + url.PathEscape(as[i].Slug)
		if e.ID != want || e.Link.Href != want || e.Title != as[i].Title || !rfc3339(e.Updated) || !rfc3339(e.Published) {
			t.Errorf("entry %d: %+v, want %s", i, e, want)
		}
		if e.Updated < e.Published {
			t.Errorf("entry %d updated before it was published", i)
		}
	}
}

func rfc3339(s string) bool {
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}

// The JSON Feed is version 1.1, with what that version requires.
func TestTheJSONFeed(t *testing.T) {
	s := buildSite(t, Config{Origin: "https://gloss.example"})
	var feed struct {
		FeedURL string `json:"feed_url"`
		Items   []struct {
			ID            string `json:"id"`
			DatePublished string `json:"date_published"`
		} `json:"items"`
	}
	b := body(t, s, "/feed.json")
	if err := json.Unmarshal(b, &feed); err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	json.Unmarshal(b, &raw)
	if raw["version"] != "https://jsonfeed.org/version/1.1" || raw["title"] == "" || feed.FeedURL != "https://gloss.example/feed.json" || len(feed.Items) == 0 {
		t.Fatalf("feed: %s", b)
	}
	for _, it := range feed.Items {
		if it.ID == "" || !strings.HasPrefix(it.ID, "https://gloss.example/a/") || !rfc3339(it.DatePublished) {
			t.Errorf("item %+v", it)
		}
	}
}

// sitemap.xml lists every article with its last change; robots.txt
// names it; the news sitemap lists the articles of the last two days.
func TestSitemaps(t *testing.T) {
	as := catalog.Articles()
	d := as[0].Date
	now := func() time.Time { return time.Date(d.Year, time.Month(d.Month), d.Day+1, 12, 0, 0, 0, time.UTC) }
	s := buildSite(t, Config{Origin: "https://gloss.example", Now: now})
	var set struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(body(t, s, "/sitemap.xml"), &set); err != nil {
		t.Fatal(err)
	}
	if len(set.URLs) != len(as) {
		t.Fatalf("%d URLs for %d articles", len(set.URLs), len(as))
	}
	for i, u := range set.URLs {
		if u.Loc != "https://gloss.example/a/"+url.PathEscape(as[i].Slug) || !regexp.MustCompile(`^\d{4}(-\d\d){0,2}$`).MatchString(u.Lastmod) {
			t.Errorf("url %d: %+v", i, u)
		}
	}
	robots := string(body(t, s, "/robots.txt"))
	if !strings.Contains(robots, "Sitemap: https://gloss.example/sitemap.xml\n") || !strings.Contains(robots, "User-agent: *") {
		t.Errorf("robots.txt:\n%s", robots)
	}
	news := string(body(t, s, "/sitemap-news.xml"))
	if !strings.Contains(news, "<loc>https://gloss.example/a/"+as[0].Slug+"</loc>") || strings.Count(news, "<url>") != 1 {
		t.Errorf("news sitemap, a day after the newest article:\n%s", news)
	}
	// Without an origin, no sitemap: its URLs must be absolute.
	if _, ok := buildSite(t, Config{}).Lookup("/sitemap.xml"); ok {
		t.Error("a sitemap without an origin")
	}
}

// Past 50,000 URLs, sitemap.xml is an index of sitemaps.
func TestASitemapIndexPastItsSize(t *testing.T) {
	seed := catalog.Articles()[0]
	var es []*entry
	for i := range SitemapSize + 2 {
		a := seed
		a.Slug = "a" + strings.Repeat("x", i%7) + string(rune('a'+i%26))
		es = append(es, &entry{Entry: content.EntryOf(a, "v")})
	}
	b := &build{cfg: Config{}, base: "/", origin: "https://gloss.example"}
	outs := b.sitemapOutputs(es, nil)
	var index, parts int
	for _, o := range outs {
		switch {
		case o.Path() == "/sitemap.xml":
			body, _ := o.Body()
			index = strings.Count(string(body), "<sitemap>")
		case strings.HasPrefix(o.Path(), "/sitemap-") && o.Path() != "/sitemap-news.xml":
			parts++
		}
	}
	if index != 2 || parts != 2 {
		t.Errorf("index of %d sitemaps, %d sitemaps", index, parts)
	}
}

// An article's page tells link previews and search engines what it is:
// an article, its dates, the site, the language, and a NewsArticle.
func TestArticlePagesDescribeThemselves(t *testing.T) {
	s := buildSite(t, Config{Origin: "https://gloss.example"})
	a := catalog.Articles()[0]
	page := string(body(t, s, "/a/"+a.Slug))
	for _, want := range []string{
		`<meta content="article" property="og:type">`,
		`<meta content="Gloss" property="og:site_name">`,
		`<meta content="` + a.Lang + `" property="og:locale">`,
		`<meta content="` + timestamp(a.Date) + `" property="article:published_time">`,
		`property="article:modified_time"`,
		`<meta content="summary" name="twitter:card">`,
		`type="application/atom+xml"`, `type="application/feed+json"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("no %s", want)
		}
	}
	if strings.Contains(page, `content=""`) {
		t.Error("a meta tag with empty content")
	}
	m := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no JSON-LD")
	}
	var ld map[string]any
	if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"headline", "description", "datePublished", "dateModified", "author", "publisher", "image", "inLanguage", "mainEntityOfPage"} {
		if ld[k] == nil || ld[k] == "" {
			t.Errorf("NewsArticle lacks %s: %s", k, m[1])
		}
	}
	if ld["@type"] != "NewsArticle" || ld["@context"] != "https://schema.org" || ld["url"] != "https://gloss.example/a/"+a.Slug {
		t.Errorf("JSON-LD: %s", m[1])
	}
}
