package parse

import (
	"reflect"
	"strings"
	"testing"

	"github.com/gloss/gloss/content"
)

// A small valid card of the library, and a reference to it from
// okArticle's text: each error case breaks exactly one thing.
const (
	okCard = `---
title: The talks since 2022
kind: context
updated: 1 March 2025
aliases:
  - peace talks
timeline:
  - date: 29 March 2022
    text: Delegations meet in Istanbul.
  - date: 2024
    text: Talk of talks, all year.
  - date: February 2024
    text: An interview is broadcast.
  - date: 9 February 2024
    text: The day after.
  - date: 1 March 2025
    text: Talks resume.
sources:
  - title: A source
    publisher: A publisher
    url: https://example.com/a
---
What the talks were about.
`
	okRef = "---\ncard: talks\nanchor: open to talks\n---\n"
)

// sharedArchive is two articles of different dates showing the card
// talks, and a third that shows none.
func sharedArchive() map[string]string {
	return map[string]string{
		"articles/cards/talks.md":         okCard,
		"articles/early/article.md":       okArticle,
		"articles/early/notes/context.md": okRef,
		"articles/late/article.md":        strings.Replace(okArticle, "8 February 2024", "1 January 2025", 1),
		"articles/late/notes/talks.md":    okRef,
		"articles/none/article.md":        okArticle,
	}
}

// dates lists the dates of events, for comparing timelines.
func dates(events []content.Event) string {
	var s []string
	for _, e := range events {
		s = append(s, e.Date.String())
	}
	return strings.Join(s, ", ")
}

// One card file, shown in two articles of different dates, has in each
// its events up to the article's date as background and the later ones
// "since publication"; the note keeps its reference's id.
func TestSharedCardPerArticle(t *testing.T) {
	articles, err := Tree(mapFS(sharedArchive()), "articles")
	if err != nil {
		t.Fatal(err)
	}
	bySlug := make(map[string]content.Article)
	for _, a := range articles {
		bySlug[a.Slug] = a
	}
	if len(bySlug) != 3 {
		t.Fatalf("read %d articles, want 3 (cards is not an article)", len(articles))
	}
	tests := []struct {
		slug, id, background, since string
	}{
		// "2024" and "February 2024" may be before 8 February 2024: they
		// are background, not news.
		{"early", "context", "29 March 2022, 2024, February 2024", "9 February 2024, 1 March 2025"},
		{"late", "talks", "29 March 2022, 2024, February 2024, 9 February 2024", "1 March 2025"},
	}
	for _, tt := range tests {
		n, ok := bySlug[tt.slug].Note(tt.id)
		if !ok {
			t.Fatalf("%s: no note %q in %+v", tt.slug, tt.id, bySlug[tt.slug].Notes)
		}
		if got := dates(n.Timeline); got != tt.background {
			t.Errorf("%s: background %s, want %s", tt.slug, got, tt.background)
		}
		if got := dates(n.Since.Events); got != tt.since {
			t.Errorf("%s: since publication %s, want %s", tt.slug, got, tt.since)
		}
		if n.Card != "talks" || n.Uses != 2 || n.Version == "" || n.Title != "The talks since 2022" ||
			n.Anchor != "open to talks" || n.Since.AsOf.String() != "1 March 2025" || len(n.Sources) != 1 {
			t.Errorf("%s: note %+v", tt.slug, n)
		}
		if got := bySlug[tt.slug].CardIDs(); !reflect.DeepEqual(got, []string{"talks"}) {
			t.Errorf("%s: CardIDs %v", tt.slug, got)
		}
	}
	if ids := bySlug["none"].CardIDs(); ids != nil {
		t.Errorf("none shows cards %v", ids)
	}
}

// The library reads every card, with its updated, aliases and version.
func TestCards(t *testing.T) {
	files := sharedArchive()
	files["articles/cards/other.md"] = strings.Replace(okCard, "aliases:\n  - peace talks\n", "", 1)
	cards, err := Cards(mapFS(files), "articles")
	if err != nil {
		t.Fatal(err)
	}
	if len(cards) != 2 || cards[0].ID != "other" || cards[1].ID != "talks" {
		t.Fatalf("cards %+v, want other and talks", cards)
	}
	c := cards[1]
	if c.Updated.String() != "1 March 2025" || !reflect.DeepEqual(c.Aliases, []string{"peace talks"}) ||
		len(c.Timeline) != 5 || len(c.Body) != 1 || c.Kind != content.KindContext {
		t.Errorf("card %+v", c)
	}
	if c.Version == "" || c.Version == cards[0].Version || c.Version != cardVersion([]byte(okCard)) {
		t.Errorf("versions %q and %q: want a hash of each file", cards[0].Version, c.Version)
	}
	if cards, err := Cards(mapFS(map[string]string{"a/article.md": okArticle}), "."); err != nil || cards != nil {
		t.Errorf("no library: %v, %v", cards, err)
	}
}

// An article read alone finds the library beside its folder, reads only
// the cards it shows, and counts no uses.
func TestArticleAloneReadsItsCards(t *testing.T) {
	files := sharedArchive()
	files["articles/cards/broken.md"] = "not a card"
	a, err := Article(mapFS(files), "articles/early")
	if err != nil {
		t.Fatal(err)
	}
	n, _ := a.Note("context")
	if n.Card != "talks" || n.Uses != 0 || len(n.Since.Events) != 2 {
		t.Errorf("note %+v", n)
	}
}

// A reference without an anchor shows its card under "About this
// article", as a note without one does.
func TestAReferenceWithoutAnAnchorIsAbout(t *testing.T) {
	files := sharedArchive()
	files["articles/early/notes/context.md"] = "---\ncard: talks\n---\n"
	articles, err := Tree(mapFS(files), "articles")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range articles {
		if a.Slug != "early" {
			continue
		}
		about := a.AboutNotes()
		if len(about) != 1 || about[0].ID != "context" || about[0].Card != "talks" || about[0].Anchor != "" {
			t.Errorf("about notes %+v, want the card talks as note context", about)
		}
	}
}
