// Package catalog is the set of articles the browser tests serve: the
// shipped ones first, so the seed article is still the page at "/", then
// the fixtures, then the fixtures' small archive sharing cards (Shared).
package catalog

import (
	"github.com/gloss/gloss/articles"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/fixtures"
)

// Articles returns the shipped articles followed by the fixtures and
// the articles of Shared.
func Articles() []content.Article {
	return append(append(append([]content.Article(nil), articles.All()...), fixtures.All()...), Shared()...)
}
