package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

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
// id.
func Memory(articles []content.Article, cards ...content.Card) content.Archive {
	m := &memory{cards: cards, articles: make(map[string]content.Article, len(articles)), bySlug: make(map[string]content.Entry, len(articles))}
	for _, a := range articles {
		j, err := json.Marshal(a)
		if err != nil {
			// content's types all marshal; a version that matches
			// nothing only costs a rendering.
			j = []byte(err.Error())
		}
		sum := sha256.Sum256(j)
		e := content.EntryOf(a, hex.EncodeToString(sum[:12]))
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
