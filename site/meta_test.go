package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"image"
	"image/png"
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
	urls := readSitemap(t, s)
	if cs := len(s.cards); len(urls) != len(as)+cs || cs == 0 {
		t.Fatalf("%d URLs for %d articles and %d shared cards", len(urls), len(as), cs)
	}
	for i, u := range urls[:len(as)] {
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
	outs := b.sitemapOutputs(es, nil, nil)
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
		`<meta content="summary_large_image" name="twitter:card">`,
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

// An article that names its author shows the byline with the date, and
// says so to search engines, link previews and feed readers; one that
// names none is the publisher's.
func TestBylines(t *testing.T) {
	s := buildSite(t, Config{Origin: "https://gloss.example"})
	var named string
	for _, a := range catalog.Articles() {
		if !a.Author.IsZero() {
			named = a.Slug
			page := string(body(t, s, "/a/"+a.Slug))
			for _, want := range []string{
				`<meta content="Ana Ferreira" name="author">`,
				`<span class="gloss-byline">By <a href="https://riverside-news.example/staff/ana-ferreira" rel="author">Ana Ferreira</a></span>`,
				`"author":{"@type":"Person","name":"Ana Ferreira","url":"https://riverside-news.example/staff/ana-ferreira"}`,
			} {
				if !strings.Contains(page, want) {
					t.Errorf("%s: no %s", a.Slug, want)
				}
			}
		}
	}
	if named == "" {
		t.Fatal("no fixture names its author: this test proves nothing")
	}
	if atom := string(body(t, s, "/feed.xml")); !strings.Contains(atom, "<author><name>Ana Ferreira</name><uri>https://riverside-news.example/staff/ana-ferreira</uri></author>") {
		t.Error("the Atom entry names no author")
	}
	seed := string(body(t, s, "/a/"+catalog.Articles()[0].Slug))
	if strings.Contains(seed, "gloss-byline") || !strings.Contains(seed, `"author":{"@type":"Organization"`) {
		t.Error("an article without an author: a byline, or no publisher as its author")
	}
}

// The newsroom's name and logo, from the configuration, are what the
// site says it is published by; a logo that is neither a web address nor
// a path on the site is refused.
func TestThePublisherIsTheNewsrooms(t *testing.T) {
	s := buildSite(t, Config{Origin: "https://gloss.example", Base: "/news/", Publisher: Publisher{Name: "Riverside <News>", Logo: "/web/logo.png"}})
	page := string(body(t, s, "/news/a/"+catalog.Articles()[0].Slug))
	for _, want := range []string{
		`<meta content="Riverside &lt;News&gt;" property="og:site_name">`,
		`"publisher":{"@type":"Organization","logo":{"@type":"ImageObject","url":"https://gloss.example/news/web/logo.png"},"name":"Riverside \u003cNews\u003e"}`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("no %s", want)
		}
	}
	if atom := string(body(t, s, "/news/feed.xml")); !strings.Contains(atom, "<title>Riverside &lt;News&gt;</title>") {
		t.Error("the feed is not the newsroom's")
	}
	for _, logo := range []string{"javascript:alert(1)", "logo.png", "//evil.example/x.png"} {
		if _, err := Build(Config{Articles: catalog.Articles(), Web: testWeb(), Publisher: Publisher{Logo: logo}}); err == nil {
			t.Errorf("logo %q accepted", logo)
		}
	}
}

// Every article has a link preview image: a PNG of 1200 × 630 pixels
// with its headline drawn on it, which its page names for Open Graph and
// X's large card. Another headline, another image.
func TestLinkPreviewImages(t *testing.T) {
	s := buildSite(t, Config{Origin: "https://gloss.example"})
	as := catalog.Articles()
	imgs := map[string]image.Image{}
	for _, a := range []content.Article{as[0], as[1]} {
		b := body(t, s, "/og/"+a.Slug+".png")
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", a.Slug, err)
		}
		if img.Bounds().Dx() != 1200 || img.Bounds().Dy() != 630 {
			t.Errorf("%s: %v, want 1200 × 630", a.Slug, img.Bounds())
		}
		imgs[a.Slug] = img
		page := string(body(t, s, "/a/"+a.Slug))
		for _, want := range []string{
			`<meta content="https://gloss.example/og/` + a.Slug + `.png" property="og:image">`,
			`<meta content="1200" property="og:image:width">`,
			`<meta content="summary_large_image" name="twitter:card">`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: no %s", a.Slug, want)
			}
		}
	}
	// The headline's lines differ between the two: count the pixels that
	// differ in the headline's band.
	a, b := imgs[as[0].Slug], imgs[as[1].Slug]
	differ := 0
	for y := 150; y < 500; y += 2 {
		for x := 72; x < 1128; x += 2 {
			if a.At(x, y) != b.At(x, y) {
				differ++
			}
		}
	}
	if differ < 1000 {
		t.Errorf("two headlines drew images that differ in %d sampled pixels", differ)
	}
	if _, ok := buildSite(t, Config{}).Lookup("/og/" + as[0].Slug + ".png"); ok {
		t.Error("an image without an origin, which og:image needs absolute")
	}
}

// sitemapURL is an entry of a sitemap.
type sitemapURL struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod"`
}

// readSitemap is the entries of s's sitemap, in its order.
func readSitemap(t *testing.T, s *Site) []sitemapURL {
	t.Helper()
	var set struct {
		URLs []sitemapURL `xml:"url"`
	}
	if err := xml.Unmarshal(body(t, s, "/sitemap.xml"), &set); err != nil {
		t.Fatal(err)
	}
	return set.URLs
}
