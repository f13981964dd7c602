package watch

import (
	"context"
	"fmt"
	"path/filepath"
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
type Archive struct {
	dir string

	mu      sync.Mutex
	entries map[string]content.Entry   // by subfolder name (the slug): its last good entry
	edited  map[string]content.Article // by subfolder name: the last good version of an edited article
	bad     map[string]error           // by subfolder name: its problems now, as far as known
	recent  recent                     // the articles read last
	order   order                      // entries, in site order
}

var _ content.Archive = (*Archive)(nil)

// OpenArchive indexes every article of dir, on every core: the front
// matter of each article.md and the names, sizes and times of its notes
// (see parse.IndexArticle), no article's text. It fails only when dir
// cannot be read; an article whose article.md has problems is left out,
// and its problems reported by Problems.
func OpenArchive(dir string) (*Archive, error) {
	names, err := subfolders(dir)
	if err != nil {
		return nil, err
	}
	a := &Archive{dir: dir, entries: make(map[string]content.Entry),
		edited: make(map[string]content.Article), bad: make(map[string]error)}
	entries := make([]content.Entry, len(names))
	errs := make([]error, len(names))
	each(len(names), func(i int) { entries[i], errs[i] = parse.IndexPath(filepath.Join(dir, names[i])) })
	var good []content.Entry
	for i, name := range names {
		if errs[i] != nil {
			a.bad[name] = errs[i]
			continue
		}
		a.entries[name] = entries[i]
		good = append(good, entries[i])
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

// Cards lists the card library.
func (a *Archive) Cards() []content.Card { return nil }

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
	r := readArticle(a.dir, slug)
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
// nil if none.
func (a *Archive) Problems() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return joinProblems(a.bad)
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
		errs[i] = readArticle(a.dir, name).err
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
func (a *Archive) read(name string) {
	r := readArticle(a.dir, name)
	var e content.Entry
	if r.err == nil && !r.gone {
		e, r.err = parse.IndexPath(filepath.Join(a.dir, name))
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	var old *content.Entry
	if o, ok := a.entries[name]; ok {
		old = &o
	}
	switch {
	case r.gone:
		delete(a.entries, name)
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
		a.entries[name], a.edited[name] = e, r.article
		delete(a.bad, name)
		a.recent.drop(name)
		a.order = a.order.replace(old, &e)
	}
}

// Watch reads again each article whose files change, and then calls
// changed with the slugs of the articles read (whether they parsed, are
// new, or are gone) and Problems, until ctx ends. Only those articles'
// pages can have changed (and "/" when Entries' first did).
func (a *Archive) Watch(ctx context.Context, changed func(slugs []string, problems error)) error {
	return followTree(ctx, a.dir, func(names []string) {
		for _, name := range names {
			a.read(name)
		}
		changed(names, a.Problems())
	})
}
