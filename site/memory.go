package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"

	"github.com/gloss/gloss/content"
)

// memory is a content.Archive of articles already read: for a fixed list
// (tests, tools, an export of articles in hand). Each article's version
// is a hash of all of it.
type memory struct {
	entries  []content.Entry
	articles map[string]content.Article
	bySlug   map[string]content.Entry
	cards    []content.Card
}

// Memory is an archive of articles, which are in site order, and of the
// shared cards their notes show (already resolved in the articles), by
// id. A card the articles show that cards lacks is made again from a
// note that shows it (cardOf); a card without a version gets a hash of
// all of it.
func Memory(articles []content.Article, cards ...content.Card) content.Archive {
	m := &memory{articles: make(map[string]content.Article, len(articles)), bySlug: make(map[string]content.Entry, len(articles))}
	byID := make(map[string]content.Card, len(cards))
	for _, c := range cards {
		byID[c.ID] = c
	}
	for _, a := range articles {
		for _, n := range a.Notes {
			if _, ok := byID[n.Card]; n.Card != "" && !ok {
				byID[n.Card] = cardOf(n)
			}
		}
	}
	for _, c := range byID {
		if c.Version == "" {
			c.Version = hashJSON(c)
		}
		m.cards = append(m.cards, c)
	}
	slices.SortFunc(m.cards, func(x, y content.Card) int { return strings.Compare(x.ID, y.ID) })
	for _, a := range articles {
		e := content.EntryOf(a, hashJSON(a))
		m.entries = append(m.entries, e)
		m.articles[a.Slug], m.bySlug[a.Slug] = a, e
	}
	return m
}

func (m *memory) Entries() []content.Entry { return m.entries }

func (m *memory) Article(slug string) (content.Article, content.Entry, error) {
	a, ok := m.articles[slug]
	if !ok {
		return content.Article{}, content.Entry{}, content.ErrNotFound
	}
	return a, m.bySlug[slug], nil
}

func (m *memory) Cards() []content.Card { return m.cards }

// hashJSON is a hash of all of v, as JSON.
func hashJSON(v any) string {
	j, err := json.Marshal(v)
	if err != nil {
		// content's types all marshal; a version that matches nothing
		// only costs a rendering.
		j = []byte(err.Error())
	}
	sum := sha256.Sum256(j)
	return hex.EncodeToString(sum[:12])
}

// cardOf is the shared card note n shows, made again from it: Card.For
// keeps all of a card but its aliases, which a site does not show,
// splitting its timeline at the article's date.
func cardOf(n content.Note) content.Card {
	return content.Card{
		ID: n.Card, Kind: n.Kind, Title: n.Title, Body: n.Body,
		Timeline: append(slices.Clone(n.Timeline), n.Since.Events...),
		Figures:  n.Figures, Sources: n.Sources, Updated: n.Since.AsOf, Version: n.Version,
	}
}
