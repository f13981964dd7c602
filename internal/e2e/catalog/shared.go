package catalog

import (
	"slices"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/fixtures"
)

// Shared is the small archive of articles sharing cards: the fixtures'
// (internal/fixtures/testdata/shared), parsed, the newest first. Its
// three articles all show the cards library-roof and footbridge, and the
// newest heritage-grant too.
func Shared() []content.Article { return fixtures.Shared() }

// SharedCards are the cards Shared's articles show, by id: the cards a
// site of those articles has. The library's tram-line, which no article
// shows, is not among them (fixtures.SharedCards has every card).
func SharedCards() []content.Card {
	shown := map[string]bool{}
	for _, a := range Shared() {
		for _, id := range a.CardIDs() {
			shown[id] = true
		}
	}
	return slices.DeleteFunc(fixtures.SharedCards(), func(c content.Card) bool { return !shown[c.ID] })
}
