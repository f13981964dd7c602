package site

import (
	"fmt"
	"strings"
	"time"

	"github.com/gloss/gloss/internal/escape"
)

// SitemapSize is the most URLs one sitemap may list (sitemaps.org); past
// it, sitemap.xml is an index of sitemaps of that size.
const SitemapSize = 50000

// sitemapOutputs are sitemap.xml (every article's page, with its date:
// the archive lists articles without reading their cards, so a card's
// later "since publication" does not move it), the news sitemap (articles of the last two
// days, as search engines' news indexes want), and robots.txt naming
// them. Sitemaps need absolute URLs: without an origin there are none,
// and robots.txt is web/'s as it is.
func (b *build) sitemapOutputs(entries []*entry, robots *Output) []*Output {
	if b.origin == "" {
		return nil
	}
	key := listKey(entries)
	var out []*Output
	chunks := (len(entries) + SitemapSize - 1) / SitemapSize
	if chunks <= 1 {
		out = append(out, b.sitemap(b.base+"sitemap.xml", entries, key))
	} else {
		var idx strings.Builder
		idx.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for i := range chunks {
			p := fmt.Sprintf("%ssitemap-%d.xml", b.base, i+1)
			part := entries[i*SitemapSize : min(len(entries), (i+1)*SitemapSize)]
			out = append(out, b.sitemap(p, part, key))
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

func (b *build) sitemap(p string, entries []*entry, key string) *Output {
	return &Output{Paths: []string{p}, Kind: KindFeed, Type: "application/xml", Cache: CacheRevalidate, key: "sitemap-" + key + p,
		render: func() ([]byte, error) {
			var x strings.Builder
			x.Grow(len(entries) * 120)
			x.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
			for _, e := range entries {
				x.WriteString("<url><loc>" + escape.XML(ArticleURL(b.origin, b.base, e.Slug)) + "</loc>")
				if !e.Date.IsZero() {
					x.WriteString("<lastmod>" + e.Date.ISO() + "</lastmod>")
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
			escape.XML(Info.Name) + "</news:name><news:language>" + escape.XML(a.Lang) + "</news:language></news:publication>" +
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
