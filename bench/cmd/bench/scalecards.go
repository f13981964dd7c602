package main

// Section 6's archives share their context as a newsroom's does: the
// seed's card library (articles/cards) is copied into each generated
// archive as variants of every card, and each copy of the seed shows one
// variant of each card it references. At the largest size the library
// holds libraryCards cards and one variant of each card, the "hot" one,
// is shown by hotUses articles: the card whose edit section 6 times.

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

const (
	// libraryCards is about how many cards the largest archive's library
	// holds (a whole number of variants of each seed card).
	libraryCards = 500
	// hotUses is how many articles show each seed card's first variant.
	hotUses = 2000
)

// seedCard is one card file of the seed's library.
type seedCard struct {
	id          string
	front, body []byte
}

// readCards reads the card library at dir; none when there is no such
// folder.
func readCards(dir string) ([]seedCard, error) {
	files, err := readFronts(dir)
	if err != nil {
		return nil, err
	}
	cards := make([]seedCard, 0, len(files))
	for _, f := range files {
		cards = append(cards, seedCard{id: strings.TrimSuffix(filepath.Base(f.path), ".md"), front: f.front, body: f.body})
	}
	return cards, nil
}

// cardPlan says which variant of each seed card the i-th copy shows.
type cardPlan struct {
	// variants is how many copies of each seed card the library holds.
	variants int
	// hot is how many articles, the newest, show variant 0.
	hot int
}

// planCards plans the library of n copies of a seed with seedCards
// cards: one variant each for a small archive, enough for about
// libraryCards cards from hotUses articles up.
func planCards(n, seedCards int) cardPlan {
	p := cardPlan{variants: 1, hot: n}
	if n >= hotUses && seedCards > 0 {
		p.variants = max(2, (libraryCards+seedCards-1)/seedCards)
		p.hot = hotUses
	}
	return p
}

// variant is the variant the i-th copy (from 0, the newest) shows: the
// hot one for the first hot copies, the others in turn after them.
func (p cardPlan) variant(i int) int {
	if i < p.hot {
		return 0
	}
	return 1 + (i-p.hot)%(p.variants-1)
}

// cardCopyID names variant v of seed card id.
func cardCopyID(id string, v int) string { return fmt.Sprintf("%s-%03d", id, v) }

// writeCards writes every variant of cards into the library at dir, the
// words of each body shuffled so that no two variants are alike. The
// variants carry no aliases: every copy of the seed names the seed's
// topics and shows a variant of each, so a variant's alias would make
// gloss check warn, in every article that shows another variant, of a
// card "not yet included" (800,000 warnings at 10,000 articles).
func writeCards(dir string, cards []seedCard, p cardPlan, rng *rand.Rand) error {
	if len(cards) == 0 {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, c := range cards {
		for v := range p.variants {
			body := shuffleParagraphs(c.body, nil, rng)
			front := withoutField(c.front, "aliases")
			name := filepath.Join(dir, cardCopyID(c.id, v)+".md")
			if err := os.WriteFile(name, joinFront(front, body), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// withoutField drops the top-level front matter field name and the
// lines indented under it.
func withoutField(front []byte, name string) []byte {
	var out []string
	skip := false
	for _, l := range strings.SplitAfter(string(front), "\n") {
		switch {
		case strings.HasPrefix(l, name+":"):
			skip = true
			continue
		case skip && (strings.HasPrefix(l, " ") || strings.HasPrefix(l, "-")):
			continue
		}
		skip = false
		out = append(out, l)
	}
	return []byte(strings.Join(out, ""))
}
