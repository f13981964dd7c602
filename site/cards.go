package site

import (
	"fmt"
	"strings"

	ui "github.com/gloss/gloss/app"
	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/escape"
	"github.com/gloss/gloss/internal/goapp"
)

// card is one shared card of a site, with the articles that show it and
// the outputs made of it: its page, and its link preview image where the
// site has an origin.
type card struct {
	content.Card
	// uses are the articles that show the card, in site order (the
	// newest first), as the archive lists them.
	uses []*entry
	// lang is the language of the card's page: the site's.
	lang string
	page *Output
	k    string
}

// cardsOf are the archive's shared cards with the entries that show
// each, by id: what the card pages, the front page, the feeds and the
// sitemap need, from the archive's index alone (no article is read).
func cardsOf(entries []*entry, library []content.Card, lang string) ([]*card, map[string]*card) {
	list := make([]*card, len(library))
	byID := make(map[string]*card, len(library))
	for i, c := range library {
		list[i] = &card{Card: c, lang: lang}
		byID[c.ID] = list[i]
	}
	for _, e := range entries {
		for _, id := range e.Cards {
			if c, ok := byID[id]; ok {
				c.uses = append(c.uses, e)
			}
		}
	}
	for _, c := range list {
		c.k = "card-" + c.ID + "-" + c.Version + "-" + c.lang + "-" + listKey(c.uses)
	}
	return list, byID
}

// key names what the card's page shows: the card's version, the
// articles that show it (each by its version, which changes with any of
// its files, so more often than the title and date the page lists) and
// the page's language.
func (c *card) key() string { return c.k }

// published is when the card was first public, as far as the site
// knows: the date of the oldest article that shows it, or its "as of"
// when that is earlier (or no article shows it).
func (c *card) published() content.Date {
	d := c.Updated
	if n := len(c.uses); n > 0 && (d.IsZero() || c.uses[n-1].Date.Before(d)) {
		d = c.uses[n-1].Date
	}
	return d
}

// modified is when the card last changed, as far as the site knows: its
// "as of", or, for a card without one (a Memory archive's), when it was
// published. A date of year 0 would read as one in a feed.
func (c *card) modified() content.Date {
	if c.Updated.IsZero() {
		return c.published()
	}
	return c.Updated
}

// cardOutputs are the outputs made of card c: its page at /c/<id> (and
// /c/<id>/, as static hosts serve folders), and its link preview image
// where the site has an origin.
func (b *build) cardOutputs(c *card) []*Output {
	href := b.cardHref(c.ID)
	c.page = &Output{
		Paths: []string{href, href + "/"}, Kind: KindCard, Type: TypeOf(".html"), Cache: CacheRevalidate,
		key:    c.key(),
		render: func() ([]byte, error) { return b.renderCard(c) },
	}
	out := []*Output{c.page}
	if b.origin != "" {
		out = append(out, &Output{
			Paths: []string{b.cardImagePath(c.ID)}, Kind: KindImage, Type: "image/png", Cache: CacheRevalidate,
			// The image draws the card's title, kind and as-of date
			// alone, in the page's language: no article changes it.
			key: "og-card-" + c.ID + "-" + c.Version + "-" + c.lang,
			render: func() ([]byte, error) {
				t := i18n.For(c.lang)
				line := t.Kind(c.Kind)
				if !c.Updated.IsZero() {
					line += t.AsOf + t.Date(c.Updated)
				}
				return b.drawPreview(c.Title, c.lang, line)
			},
		})
	}
	return out
}

// cardImagePath is the path of a card's link preview image under base.
func (b *build) cardImagePath(id string) string {
	return b.base + "og/c/" + escape.PathSegment(id) + ".png"
}

// renderCard prints card c's page: go-app's shell around the prompts
// and the card (package app's CardPage), with the head tags that
// describe it.
func (b *build) renderCard(c *card) ([]byte, error) {
	data := ui.CardPageData{Lang: c.lang, Card: c.Card}
	for _, e := range c.uses {
		data.Articles = append(data.Articles, ui.CardArticle{Href: ArticleURL("", b.base, e.Slug), Title: e.Title, Lang: e.Lang, Date: e.Date})
	}
	head, err := b.cardHead(c)
	if err != nil {
		return nil, err
	}
	page, err := b.goapp.Render(goapp.Page{
		Lang: c.lang, Dir: i18n.Dir(c.lang), Title: c.Title, Description: cardDescription(c.Card), Type: "article",
		Head: head, Root: &ui.Prompts{Lang: c.lang}, Main: ui.CardPage(data), Loading: i18n.For(c.lang).Loading,
	})
	if err != nil {
		return nil, fmt.Errorf("card page %s: %w", c.ID, err)
	}
	return page, nil
}

// cardHead are the tags that describe card c's page: its canonical link
// and, with an origin, og:url, the link preview's tags and its
// structured data; then the feeds' links.
func (b *build) cardHead(c *card) ([]byte, error) {
	url := b.origin + b.cardHref(c.ID)
	tags := `<link ` + escape.Attr("href", url) + ` rel="canonical">` + "\n"
	if b.origin != "" {
		tags += `<meta ` + escape.Attr("content", url) + ` property="og:url">` + "\n"
	}
	tags += b.previewTags(preview{
		title: c.Title, description: cardDescription(c.Card), lang: c.lang,
		published: c.published(), modified: c.modified(), image: b.cardImagePath(c.ID),
	})
	ld, err := b.backgroundArticle(c)
	if err != nil {
		return nil, err
	}
	tags += ld + b.feedLinks(c.lang)
	if b.cfg.Preview {
		tags += `<script defer src="` + PreviewScript + `"></script>` + "\n"
	}
	return []byte(tags), nil
}

// cardDescription is what a card's page says it is, for search engines
// and link previews: the start of its text, up to about 200 characters,
// cut at a word.
func cardDescription(c content.Card) string {
	var text []string
	for _, bl := range c.Body {
		text = append(text, content.PlainText(bl.Text))
		for _, it := range bl.Items {
			text = append(text, content.PlainText(it))
		}
	}
	s := strings.Join(strings.Fields(strings.Join(text, " ")), " ")
	if s == "" {
		return c.Title
	}
	const most = 200
	if len(s) <= most {
		return s
	}
	cut := strings.LastIndexByte(s[:most], ' ')
	if cut <= 0 {
		cut = most
		for cut > 0 && s[cut]&0xc0 == 0x80 { // not inside a letter
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}
