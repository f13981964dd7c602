package site

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/escape"
)

// FeedSize is how many of the newest articles the feeds carry: a fixed
// number, so a feed costs the same whatever the archive's size.
const FeedSize = 20

// The feeds' paths under the base.
const (
	atomFeed = "feed.xml"
	jsonFeed = "feed.json"
)

// feedLinks make the feeds discoverable from a page in language lang:
// the articles' feeds and the context updates'. The feeds need absolute
// URLs: without an origin there are none.
func (b *build) feedLinks(lang string) string {
	if b.origin == "" {
		return ""
	}
	return `<link ` + escape.Attr("href", b.origin+b.base+atomFeed) + ` rel="alternate" ` + escape.Attr("title", b.publisher.Name) + ` type="application/atom+xml">` + "\n" +
		`<link ` + escape.Attr("href", b.origin+b.base+jsonFeed) + ` rel="alternate" ` + escape.Attr("title", b.publisher.Name) + ` type="application/feed+json">` + "\n" +
		`<link ` + escape.Attr("href", b.origin+b.base+contextFeed) + ` rel="alternate" ` + escape.Attr("title", b.publisher.Name+" · "+i18n.For(lang).ContextUpdates) + ` type="application/atom+xml">` + "\n"
}

// feedOutputs are the Atom (RFC 4287) and JSON Feed 1.1 documents of the
// newest articles, each entry's updated date moving when its cards' "since
// publication" do: a shared card's "as of" is its updated (modified).
func (b *build) feedOutputs(entries []*entry, archive content.Archive) []*Output {
	if b.origin == "" {
		return nil
	}
	newest := entries[:min(len(entries), FeedSize)]
	// The feeds read their articles when they are asked for, and keep
	// none.
	articles := func() ([]content.Article, error) {
		as := make([]content.Article, len(newest))
		for i, e := range newest {
			a, err := b.sums.readEntry(archive, e.Entry)
			if err != nil {
				return nil, fmt.Errorf("feed: %w", err)
			}
			as[i] = a
		}
		return as, nil
	}
	atom := &Output{Paths: []string{b.base + atomFeed}, Kind: KindFeed, Type: "application/atom+xml", Cache: CacheRevalidate,
		render: func() ([]byte, error) {
			as, err := articles()
			if err != nil {
				return nil, err
			}
			return b.atom(as), nil
		}}
	js := &Output{Paths: []string{b.base + jsonFeed}, Kind: KindFeed, Type: "application/feed+json", Cache: CacheRevalidate,
		render: func() ([]byte, error) {
			as, err := articles()
			if err != nil {
				return nil, err
			}
			return b.jsonFeed(as)
		}}
	key := listKey(newest)
	atom.key, js.key = "atom-"+key, "json-"+key
	return []*Output{atom, js}
}

// listKey names a list of articles by their slugs and versions: what is
// made of the list changes with them.
func listKey(entries []*entry) string {
	var b strings.Builder
	for _, e := range entries {
		b.WriteString(e.Slug + "\x00" + e.Version + "\n")
	}
	return hash16([]byte(b.String()))
}

func (b *build) atom(articles []content.Article) []byte {
	var x strings.Builder
	updated := content.Date{}
	for i := range articles {
		if m := modified(&articles[i]); updated.Before(m) {
			updated = m
		}
	}
	home := b.origin + b.base
	x.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	x.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom">` + "\n")
	x.WriteString("<title>" + escape.XML(b.publisher.Name) + "</title>\n")
	x.WriteString("<subtitle>" + escape.XML(Info.Description) + "</subtitle>\n")
	x.WriteString("<id>" + escape.XML(home) + "</id>\n")
	x.WriteString(`<link href="` + escape.XML(home+atomFeed) + `" rel="self" type="application/atom+xml"/>` + "\n")
	x.WriteString(`<link href="` + escape.XML(home) + `" rel="alternate" type="text/html"/>` + "\n")
	x.WriteString("<updated>" + timestamp(updated) + "</updated>\n")
	x.WriteString("<author><name>" + escape.XML(b.publisher.Name) + "</name></author>\n")
	for i := range articles {
		a := &articles[i]
		url := ArticleURL(b.origin, b.base, a.Slug)
		x.WriteString("<entry>\n")
		x.WriteString("<title>" + escape.XML(a.Title) + "</title>\n")
		x.WriteString(`<link href="` + escape.XML(url) + `" rel="alternate" type="text/html"/>` + "\n")
		x.WriteString("<id>" + escape.XML(url) + "</id>\n")
		x.WriteString("<published>" + timestamp(a.Date) + "</published>\n")
		x.WriteString("<updated>" + timestamp(modified(a)) + "</updated>\n")
		x.WriteString("<summary>" + escape.XML(a.Description) + "</summary>\n")
		if !a.Author.IsZero() {
			x.WriteString("<author><name>" + escape.XML(a.Author.Name) + "</name>")
			if a.Author.URL != "" {
				x.WriteString("<uri>" + escape.XML(a.Author.URL) + "</uri>")
			}
			x.WriteString("</author>\n")
		}
		x.WriteString("</entry>\n")
	}
	x.WriteString("</feed>\n")
	return []byte(x.String())
}

func (b *build) jsonFeed(articles []content.Article) ([]byte, error) {
	type item struct {
		ID            string           `json:"id"`
		URL           string           `json:"url"`
		Title         string           `json:"title"`
		Summary       string           `json:"summary,omitempty"`
		ContentText   string           `json:"content_text"`
		DatePublished string           `json:"date_published"`
		DateModified  string           `json:"date_modified"`
		Language      string           `json:"language,omitempty"`
		Authors       []content.Author `json:"authors,omitempty"`
	}
	feed := struct {
		Version     string              `json:"version"`
		Title       string              `json:"title"`
		HomePageURL string              `json:"home_page_url"`
		FeedURL     string              `json:"feed_url"`
		Description string              `json:"description"`
		Authors     []map[string]string `json:"authors"`
		Items       []item              `json:"items"`
	}{
		Version:     "https://jsonfeed.org/version/1.1",
		Title:       b.publisher.Name,
		HomePageURL: b.origin + b.base,
		FeedURL:     b.origin + b.base + jsonFeed,
		Description: Info.Description,
		Authors:     []map[string]string{{"name": b.publisher.Name}},
		Items:       []item{},
	}
	for i := range articles {
		a := &articles[i]
		url := ArticleURL(b.origin, b.base, a.Slug)
		it := item{
			ID: url, URL: url, Title: a.Title, Summary: a.Description, ContentText: a.Description,
			DatePublished: timestamp(a.Date), DateModified: timestamp(modified(a)), Language: a.Lang,
		}
		if !a.Author.IsZero() {
			it.Authors = []content.Author{a.Author}
		}
		feed.Items = append(feed.Items, it)
	}
	j, err := json.MarshalIndent(feed, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("json feed: %w", err)
	}
	return j, nil
}
