package parse

import (
	"path"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/content/review"
)

// CheckReview is Check, and the editors' review of the shared cards of
// every folder of articles among paths (package review): the cards no
// article shows, stale cards, and sentences that name a card in an
// article that does not show it. An article or a note given alone is
// checked but not reviewed: whether a card is used, or missing from an
// article, is a question about the whole archive.
//
// The review keeps a few bytes per article (its cards and mentions, not
// its text), so it costs a check little: a pass over each article's
// sentences, and a second reading of the article.md of one that names a
// card it does not show, for the sentence's line.
func CheckReview(paths []string, o review.Options) (articles, notes int, r review.Report, err error) {
	return check(paths, &o)
}

// check is Check, and CheckReview when o is not nil.
func check(paths []string, o *review.Options) (articles, notes int, r review.Report, err error) {
	targets, errs := collect(paths)
	errs = append(errs, readLibraries(targets)...)
	var cards []review.Card
	var terms *review.Terms
	if o != nil {
		cards, terms = reviewCards(targets)
	}
	// Each article is read on its own core and dropped once counted: a
	// check holds one article per core, never the archive.
	found := make([]problems, len(targets))
	counts := make([]int, len(targets))
	reviewed := make([]*review.Article, len(targets))
	parallel(len(targets), func(i int) {
		t := targets[i]
		a, err := t.read()
		found[i], counts[i] = unwrap(err), len(a.Notes)
		if t.notes != nil {
			counts[i] = len(t.notes)
		}
		if err == nil && t.whole && terms != nil {
			name := path.Join(t.name, "article.md")
			raw := func() []byte {
				b, _ := readFile(t.fsys, name, maxArticleSize)
				return b
			}
			ra := review.Of(a, t.path(name), raw, terms)
			reviewed[i] = &ra
		}
	})
	var arts []review.Article
	for i := range targets {
		errs = append(errs, found[i]...)
		articles++
		notes += counts[i]
		if reviewed[i] != nil {
			arts = append(arts, *reviewed[i])
		}
	}
	if err := errs.err(); err != nil || o == nil {
		return articles, notes, review.Report{}, err
	}
	return articles, notes, review.Review(cards, arts, *o), nil
}

// reviewCards are the cards of the libraries of the folders of articles
// among targets, each named by its file as the editor would write it,
// and the terms that find their topics; nil terms when there are none.
func reviewCards(targets []*target) ([]review.Card, *review.Terms) {
	var cards []review.Card
	wholeLibraries(targets, func(t *target, lib *shelf) {
		all, _ := lib.all() // their problems are readLibraries'
		for _, c := range all {
			cards = append(cards, review.Card{Card: c, File: t.path(path.Join(lib.dir, c.ID+".md"))})
		}
	})
	if len(cards) == 0 {
		return nil, nil
	}
	plain := make([]content.Card, len(cards))
	for i, c := range cards {
		plain[i] = c.Card
	}
	return cards, review.NewTerms(plain)
}
