package content

import (
	"errors"
	"slices"
)

// Entry is an article as a site lists, orders and routes it, without its
// text: what a server needs of every article at start. It is a few hundred
// bytes where a parsed Article is tens of kilobytes (about 56 KB for the
// seed article), so an archive of 10,000 articles is indexed in a few
// megabytes and read one article at a time.
type Entry struct {
	Slug        string `json:"slug,omitempty"`
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
	Lang        string `json:"lang,omitempty"`
	Date        Date   `json:"date,omitzero"`
	// Version changes whenever a file of the article does: it is a hash
	// of article.md's bytes and of each note file's name, size and
	// modification time. What was built from the article at one Version
	// (its page) stays right for as long as the Version is the same.
	//
	// An archive folds into it the Version and the number of uses of
	// each shared card the article shows, so an edit of a card, or a new
	// article showing it ("Used in N articles"), changes the Version of
	// every article that shows it, and nothing else's.
	Version string `json:"version,omitempty"`
	// Cards are the ids of the shared cards the article shows, sorted.
	Cards []string `json:"cards,omitempty"`
}

// EntryOf is the Entry of a parsed article, with the given Version.
func EntryOf(a Article, version string) Entry {
	return Entry{Slug: a.Slug, Title: a.Title, Description: a.Description, Lang: a.Lang, Date: a.Date, Version: version, Cards: a.CardIDs()}
}

// CardIDs are the ids of the shared cards the article shows, sorted.
func (a Article) CardIDs() []string {
	var ids []string
	for _, n := range a.Notes {
		if n.Card != "" && !slices.Contains(ids, n.Card) {
			ids = append(ids, n.Card)
		}
	}
	slices.Sort(ids)
	return ids
}

// Before reports whether e comes before f in site order: newest first,
// then by slug. The first is the page at "/".
func (e Entry) Before(f Entry) bool {
	if e.Date != f.Date {
		return f.Date.Before(e.Date)
	}
	return e.Slug < f.Slug
}

// Compare orders e and f in site order, for slices.SortFunc and binary
// search: -1 when e comes first.
func (e Entry) Compare(f Entry) int {
	switch {
	case e.Before(f):
		return -1
	case f.Before(e):
		return 1
	}
	return 0
}

// Archive is a set of articles known by their entries and read on
// demand, so that what a server holds and does at start does not grow
// with the text of the archive.
type Archive interface {
	// Entries lists every article that can be served, in site order.
	// The slice is the archive's own: callers must not modify it. It is
	// replaced, never changed in place, when the archive changes.
	Entries() []Entry
	// Article reads the article slug as its files are now (or, in a
	// folder being edited, its last version that parsed), with its
	// Entry. The error is ErrNotFound when there is no such article, or
	// the article's problems (file:line: message, joined) when it does
	// not parse.
	Article(slug string) (Article, Entry, error)
	// Cards lists the archive's shared cards (its card library), by id.
	// The slice is the archive's own, replaced and never changed in
	// place, like Entries'.
	Cards() []Card
}

// ErrNotFound is Archive.Article's error for a slug it does not hold.
var ErrNotFound = errors.New("no such article")
