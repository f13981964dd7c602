package watch

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/content/parse"
)

// Archive is a content folder as a content.Archive: it holds each
// article's Entry, read from its article.md at OpenArchive, and reads an
// article's files when asked for it. An article saved while it runs is
// read whole on the save, and its last good version kept (that of its
// last good save, or its last read among the 32 latest), so that the
// preview keeps showing it while a save of it does not parse; an article
// with no such version has its problems for a page.
//
// Its card library (cards/) is read at OpenArchive; a card saved is read
// again alone, and the versions of the articles that show it folded
// again, with no article read. A card that stops parsing keeps its last
// good version.
type Archive struct {
	dir string

	mu      sync.Mutex
	entries map[string]content.Entry   // by subfolder name (the slug): its last good entry
	edited  map[string]content.Article // by subfolder name: the last good version of an edited article
	bad     map[string]error           // by subfolder name: its problems now, as far as known
	recent  recent                     // the articles read last
	order   order                      // entries, in site order
	files   map[string]string          // by subfolder name: the version of its files, before its cards are folded in

	cards    map[string]content.Card // by id: its last good version
	cardBad  map[string]error        // by file name in cards/: its problems now
	cardList []content.Card          // cards, by id, for Cards
	uses     map[string]int          // by card id: how many entries show it
}

var _ content.Archive = (*Archive)(nil)

// OpenArchive indexes every article of dir, on every core: the front
// matter of each article.md and the names, sizes and times of its notes
// (see parse.IndexArticle), no article's text; and its card library,
// whole. It fails only when dir cannot be read; an article whose
// article.md has problems is left out, and a card that does not parse,
// and their problems reported by Problems.
func OpenArchive(dir string) (*Archive, error) {
	names, err := subfolders(dir)
	if err != nil {
		return nil, err
	}
	a := &Archive{dir: dir, entries: make(map[string]content.Entry), files: make(map[string]string),
		edited: make(map[string]content.Article), bad: make(map[string]error),
		cards: make(map[string]content.Card), cardBad: make(map[string]error)}
	if err := a.openCards(); err != nil {
		return nil, fmt.Errorf("content folder: %w", err)
	}
	entries := make([]content.Entry, len(names))
	errs := make([]error, len(names))
	each(len(names), func(i int) { entries[i], errs[i] = parse.IndexPath(filepath.Join(dir, names[i])) })
	var good []content.Entry
	for i, name := range names {
		if errs[i] != nil {
			a.bad[name] = errs[i]
			continue
		}
		a.files[name] = entries[i].Version
		good = append(good, entries[i])
	}
	a.uses = parse.CountUses(good)
	for i, e := range good {
		good[i] = a.fold(e)
		a.entries[e.Slug] = good[i]
	}
	a.order = newOrder(good)
	return a, nil
}

// Entries lists the articles in site order; the slice is not changed
// afterwards (an edit makes a new one).
func (a *Archive) Entries() []content.Entry {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.order
}

// Cards lists the card library, by id: the last good version of each
// card. The slice is not changed afterwards (an edit makes a new one).
func (a *Archive) Cards() []content.Card {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.cardList
}

// Article returns the article slug: the last good version of an article
// edited since OpenArchive, else its files parsed now.
func (a *Archive) Article(slug string) (content.Article, content.Entry, error) {
	a.mu.Lock()
	e, indexed := a.entries[slug]
	art, edited := a.edited[slug]
	bad := a.bad[slug]
	a.mu.Unlock()
	switch {
	case edited:
		return art, e, nil
	case !indexed && bad != nil:
		return content.Article{}, content.Entry{}, bad
	case !indexed:
		return content.Article{}, content.Entry{}, fmt.Errorf("article %q: %w", slug, content.ErrNotFound)
	}
	r := readArticle(a.dir, slug, library{a})
	switch {
	case r.gone:
		return content.Article{}, content.Entry{}, fmt.Errorf("article %q: %w", slug, content.ErrNotFound)
	case r.err != nil:
		return content.Article{}, content.Entry{}, r.err
	}
	a.mu.Lock()
	a.recent.put(slug, r.article)
	a.mu.Unlock()
	return r.article, e, nil
}

// Problems are the problems known now, by folder: those of the article.md
// files at OpenArchive, those of every save since, and those Check found;
// then those of the cards; nil if none.
func (a *Archive) Problems() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return errors.Join(joinProblems(a.bad), joinProblems(a.cardBad))
}

// Check reads every article not edited since OpenArchive, one at a time
// on one core (none is kept), and records its problems for Problems; it
// returns Problems. It costs what gloss check costs on one core: a server
// runs it in the background, after it starts serving, and the other cores
// are left to its readers.
func (a *Archive) Check() error {
	a.mu.Lock()
	var names []string
	for name := range a.entries {
		if _, edited := a.edited[name]; !edited {
			names = append(names, name)
		}
	}
	a.mu.Unlock()
	errs := make([]error, len(names))
	for i, name := range names {
		errs[i] = readArticle(a.dir, name, library{a}).err
	}
	a.mu.Lock()
	for i, name := range names {
		if _, edited := a.edited[name]; errs[i] != nil && !edited {
			a.bad[name] = errs[i]
		}
	}
	a.mu.Unlock()
	return a.Problems()
}

// read reads subfolder name whole after a save: its last good version
// and entry are kept on a problem, and forgotten when the folder is gone.
// It returns the slugs of the other articles it changed: those showing a
// card the article started or stopped showing, whose uses changed.
func (a *Archive) read(name string) []string {
	r := readArticle(a.dir, name, library{a})
	var e content.Entry
	if r.err == nil && !r.gone {
		e, r.err = parse.IndexPath(filepath.Join(a.dir, name))
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	var old *content.Entry
	touched := make(map[string]bool) // cards whose uses changed
	if o, ok := a.entries[name]; ok {
		old = &o
	}
	switch {
	case r.gone:
		if old != nil {
			a.count(old.Cards, -1, touched)
		}
		delete(a.entries, name)
		delete(a.files, name)
		delete(a.edited, name)
		delete(a.bad, name)
		a.recent.drop(name)
		a.order = a.order.replace(old, nil)
	case r.err != nil:
		a.bad[name] = r.err
		if last, ok := a.recent.get(name); ok {
			if _, edited := a.edited[name]; !edited {
				a.edited[name] = last
			}
		}
	default:
		if old != nil {
			a.count(old.Cards, -1, touched)
		}
		a.count(e.Cards, 1, touched)
		a.files[name] = e.Version
		e = a.fold(e)
		// The article was parsed with the uses before its own change.
		a.entries[name], a.edited[name] = e, a.current(r.article)
		delete(a.bad, name)
		a.recent.drop(name)
		a.order = a.order.replace(old, &e)
	}
	return a.refold(touched)
}

// Watch reads again each article whose files change, and each card, and
// then calls changed with the slugs of the articles read (whether they
// parsed, are new, or are gone) and of those whose Version a card's
// change changed (its edit, or an article that started or stopped
// showing it), and Problems, until ctx ends. Only those articles' pages
// can have changed (and "/" when Entries' first did).
func (a *Archive) Watch(ctx context.Context, changed func(slugs []string, problems error)) error {
	return followTree(ctx, a.dir, func(names []string) {
		var slugs []string
		for _, name := range names {
			switch file, isCard := strings.CutPrefix(name, cardsDir+"/"); {
			case name == cardsDir:
				slugs = append(slugs, a.readLibrary()...)
			case isCard:
				slugs = append(slugs, a.readCard(file)...)
			default:
				slugs = append(slugs, name)
				slugs = append(slugs, a.read(name)...)
			}
		}
		slices.Sort(slugs)
		changed(slices.Compact(slugs), a.Problems())
	})
}
