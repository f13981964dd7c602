package site

import (
	"slices"
	"strings"

	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/internal/escape"
)

// contextFeed is the context updates feed's path under the base.
const contextFeed = "feed-context.xml"

// namedArticles is how many of the articles that show a card the context
// feed names in its entry (the newest): a fixed number, so an entry costs
// the same however many articles show the card.
const namedArticles = 10

// contextFeed is the Atom feed (RFC 4287) of context updates: the shared
// cards, the most recently updated first, FeedSize of them, each entry
// linking the card's page and naming the articles that show it. Like the
// other feeds it needs absolute URLs: without an origin there is none.
func (b *build) contextFeed(entries []*entry, cards []*card, lang string) *Output {
	if b.origin == "" {
		return nil
	}
	newest := slices.Clone(cards)
	slices.SortStableFunc(newest, func(x, y *card) int {
		switch {
		case y.modified().Before(x.modified()):
			return -1
		case x.modified().Before(y.modified()):
			return 1
		}
		return strings.Compare(x.ID, y.ID)
	})
	newest = newest[:min(len(newest), FeedSize)]
	var key strings.Builder
	for _, c := range newest {
		key.WriteString(c.key() + "\n")
	}
	return &Output{Paths: []string{b.base + contextFeed}, Kind: KindFeed, Type: "application/atom+xml", Cache: CacheRevalidate,
		key:    "context-" + hash16([]byte(lang+"\n"+key.String())),
		render: func() ([]byte, error) { return b.contextAtom(newest, entries[0], lang), nil },
	}
}

// contextAtom writes the context feed of cards; with none, it is as
// recent as the newest article.
func (b *build) contextAtom(cards []*card, newest *entry, lang string) []byte {
	t := i18n.For(lang)
	home := b.origin + b.base
	updated := newest.Date
	if len(cards) > 0 && updated.Before(cards[0].modified()) {
		updated = cards[0].modified()
	}
	var x strings.Builder
	x.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	x.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="` + escape.XML(lang) + `">` + "\n")
	x.WriteString("<title>" + escape.XML(b.publisher.Name+" · "+t.ContextUpdates) + "</title>\n")
	x.WriteString("<id>" + escape.XML(home+contextFeed) + "</id>\n")
	x.WriteString(`<link href="` + escape.XML(home+contextFeed) + `" rel="self" type="application/atom+xml"/>` + "\n")
	x.WriteString(`<link href="` + escape.XML(home) + `" rel="alternate" type="text/html"/>` + "\n")
	x.WriteString("<updated>" + timestamp(updated) + "</updated>\n")
	x.WriteString("<author><name>" + escape.XML(b.publisher.Name) + "</name></author>\n")
	for _, c := range cards {
		url := b.origin + b.cardHref(c.ID)
		x.WriteString("<entry>\n")
		x.WriteString("<title>" + escape.XML(c.Title) + "</title>\n")
		x.WriteString(`<link href="` + escape.XML(url) + `" rel="alternate" type="text/html"/>` + "\n")
		x.WriteString("<id>" + escape.XML(url) + "</id>\n")
		x.WriteString("<updated>" + timestamp(c.modified()) + "</updated>\n")
		titles := make([]string, 0, namedArticles+1)
		for _, e := range c.uses[:min(len(c.uses), namedArticles)] {
			titles = append(titles, e.Title)
			x.WriteString(`<link href="` + escape.XML(ArticleURL(b.origin, b.base, e.Slug)) + `" rel="related" title="` + escape.XML(e.Title) + `" type="text/html"/>` + "\n")
		}
		if len(c.uses) > namedArticles {
			titles = append(titles, "…")
		}
		summary := t.UsedInCount(len(c.uses))
		if len(titles) > 0 {
			summary += ": " + strings.Join(titles, "; ")
		}
		x.WriteString("<summary>" + escape.XML(summary) + "</summary>\n")
		x.WriteString("</entry>\n")
	}
	x.WriteString("</feed>\n")
	return []byte(x.String())
}
