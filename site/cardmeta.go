package site

import (
	"fmt"

	"github.com/gloss/gloss/content"
)

// backgroundArticle is card c's schema.org BackgroundNewsArticle (an
// explainer), as JSON-LD for its page's head, with its sources as
// citations. Without an origin it is left out, as its URLs must be
// absolute.
func (b *build) backgroundArticle(c *card) (string, error) {
	if b.origin == "" {
		return "", nil
	}
	url := b.origin + b.cardHref(c.ID)
	publisher := b.publisherLD()
	doc := map[string]any{
		"@context":         "https://schema.org",
		"@type":            "BackgroundNewsArticle",
		"headline":         c.Title,
		"description":      cardDescription(c.Card),
		"inLanguage":       c.lang,
		"mainEntityOfPage": map[string]any{"@type": "WebPage", "@id": url},
		"url":              url,
		"publisher":        publisher,
		"author":           publisher,
		"image":            []string{b.origin + b.cardImagePath(c.ID)},
	}
	if !c.modified().IsZero() {
		doc["datePublished"] = timestamp(c.published())
		doc["dateModified"] = timestamp(c.modified())
	}
	if cites := citations(c.Sources); len(cites) > 0 {
		doc["citation"] = cites
	}
	ld, err := jsonLD(doc)
	if err != nil {
		return "", fmt.Errorf("structured data of card %s: %w", c.ID, err)
	}
	return ld, nil
}

// citations are sources as schema.org CreativeWorks: each its name, its
// address and its publisher, as far as the source gives them.
func citations(sources []content.Source) []map[string]any {
	out := make([]map[string]any, 0, len(sources))
	for _, s := range sources {
		w := map[string]any{"@type": "CreativeWork", "name": s.Title}
		if s.URL != "" {
			w["url"] = s.URL
		}
		if s.Publisher != "" {
			w["publisher"] = map[string]any{"@type": "Organization", "name": s.Publisher}
		}
		if !s.Date.IsZero() {
			w["datePublished"] = timestamp(s.Date)
		}
		out = append(out, w)
	}
	return out
}
