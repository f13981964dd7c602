package site

import (
	"fmt"
	"strings"
	"time"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/escape"
)

// SitemapSize is the most URLs one sitemap may list (sitemaps.org); past
// it, sitemap.xml is an index of sitemaps of that size.
const SitemapSize = 50000

// sitemapOutputs are sitemap.xml (every article's page, then every
// shared card's, each with its last change: an article's is the later of
// its date and the updated of the cards it shows, which the archive
// lists without reading the article; a card's is its updated), the news
// sitemap (articles of the last two days, as search engines' news
// indexes want), and robots.txt naming them. Sitemaps need absolute
// URLs: without an origin there are none, and robots.txt is web/'s as
// it is.
func (b *build) sitemapOutputs(entries []*entry, cards []*card, robots *Output) []*Output {
	if b.origin == "" {
		return nil
	}
	var ck strings.Builder
	for _, c := range cards {
		ck.WriteString(c.ID + "\x00" + c.Version + "\n")
	}
	key := listKey(entries) + hash16([]byte(ck.String()))
	byID := make(map[string]*card, len(cards))
	for _, c := range cards {
		byID[c.ID] = c
	}
	urls := sitemapURLs{b: b, entries: entries, cards: cards, byID: byID}
	var out []*Output
	n := len(entries) + len(cards)
	chunks := (n + SitemapSize - 1) / SitemapSize
	if chunks <= 1 {
		out = append(out, b.sitemap(b.base+"sitemap.xml", urls, 0, n, key))
	} else {
		var idx strings.Builder
		idx.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for i := range chunks {
			p := fmt.Sprintf("%ssitemap-%d.xml", b.base, i+1)
			out = append(out, b.sitemap(p, urls, i*SitemapSize, min(n, (i+1)*SitemapSize), key))
			idx.WriteString("<sitemap><loc>" + escape.XML(b.origin+p) + "</loc></sitemap>\n")
		}
		idx.WriteString("</sitemapindex>\n")
		o := fixed(b.base+"sitemap.xml", KindFeed, []byte(idx.String()), CacheRevalidate)
		o.Type = "application/xml"
		out = append(out, o)
	}
	out = append(out, b.newsSitemap(entries))
	if robots != nil {
		body, _ := robots.Body()
		text := strings.TrimRight(string(body), "\n") + "\n\nSitemap: " + b.origin + b.base + "sitemap.xml\nSitemap: " + b.origin + b.base + "sitemap-news.xml\n"
		r := fixed(b.base+"robots.txt", KindAsset, []byte(text), CacheRevalidate)
		out = append(out, r)
	}
	return out
}

// sitemapURLs are the site's pages as a sitemap lists them: the
// articles' in site order, then the cards'.
type sitemapURLs struct {
	b       *build
	entries []*entry
	cards   []*card
	byID    map[string]*card
}

// url is the i-th page's address and last change.
func (u sitemapURLs) url(i int) (loc string, lastmod content.Date) {
	if i < len(u.entries) {
		e := u.entries[i]
		lastmod = e.Date
		for _, id := range e.Cards {
			if c, ok := u.byID[id]; ok && lastmod.Before(c.modified()) {
				lastmod = c.modified()
			}
		}
		return ArticleURL(u.b.origin, u.b.base, e.Slug), lastmod
	}
	c := u.cards[i-len(u.entries)]
	return u.b.origin + u.b.cardHref(c.ID), c.modified()
}

// sitemap is the sitemap at p of the pages from to to of urls.
func (b *build) sitemap(p string, urls sitemapURLs, from, to int, key string) *Output {
	return &Output{Paths: []string{p}, Kind: KindFeed, Type: "application/xml", Cache: CacheRevalidate, key: "sitemap-" + key + p,
		render: func() ([]byte, error) {
			var x strings.Builder
			x.Grow((to - from) * 120)
			x.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
			for i := from; i < to; i++ {
				loc, lastmod := urls.url(i)
				x.WriteString("<url><loc>" + escape.XML(loc) + "</loc>")
				if !lastmod.IsZero() {
					x.WriteString("<lastmod>" + lastmod.ISO() + "</lastmod>")
				}
				x.WriteString("</url>\n")
			}
			x.WriteString("</urlset>\n")
			return []byte(x.String()), nil
		}}
}

// newsSitemap lists the articles published in the two days before the
// site was built (Google's news sitemap), newest first.
func (b *build) newsSitemap(entries []*entry) *Output {
	now := b.now().UTC()
	since := now.AddDate(0, 0, -2).Format("2006-01-02")
	var x strings.Builder
	x.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">` + "\n")
	for _, e := range entries {
		a := &e.Entry
		if a.Date.ISO() < since {
			break // site order is the newest first
		}
		if a.Date.Day == 0 {
			continue
		}
		x.WriteString("<url><loc>" + escape.XML(ArticleURL(b.origin, b.base, a.Slug)) + "</loc><news:news><news:publication><news:name>" +
			escape.XML(b.publisher.Name) + "</news:name><news:language>" + escape.XML(a.Lang) + "</news:language></news:publication>" +
			"<news:publication_date>" + a.Date.ISO() + "</news:publication_date><news:title>" + escape.XML(a.Title) + "</news:title></news:news></url>\n")
	}
	x.WriteString("</urlset>\n")
	o := fixed(b.base+"sitemap-news.xml", KindFeed, []byte(x.String()), CacheRevalidate)
	o.Type = "application/xml"
	return o
}

// now is the build's clock: the configuration's, for tests, or the time.
func (b *build) now() time.Time {
	if b.cfg.Now != nil {
		return b.cfg.Now()
	}
	return time.Now()
}
