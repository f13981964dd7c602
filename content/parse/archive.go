package parse

import (
	"fmt"
	"io/fs"
	"path"

	"github.com/gloss/gloss/content"
)

// Archive is a content.Archive of the article folders under a root of a
// file system that does not change (the articles built into gloss): its
// entries and its card library are read once, by OpenArchive, and each
// article is parsed again whenever it is asked for, so the archive holds
// no article text.
type Archive struct {
	fsys    fs.FS
	entries []content.Entry
	dirs    map[string]string // by slug
	index   map[string]int    // by slug, into entries
	cards   []content.Card    // by id
	lib     *shelf            // the cards by id, with their uses
}

var _ content.Archive = (*Archive)(nil)

// OpenArchive indexes the articles under root of fsys (see Index) and
// reads its card library (root/cards, see Cards): a problem in either
// fails it. Each entry's Version folds in the cards it shows (see
// FoldVersion).
func OpenArchive(fsys fs.FS, root string) (*Archive, error) {
	entries, err := Index(fsys, root)
	if err != nil {
		return nil, err
	}
	dirs, _ := articleDirs(fsys, root)
	lib, _ := shelfOf(fsys, root, dirs)
	cards, errs := lib.all()
	if err := errs.err(); err != nil {
		return nil, err
	}
	lib.uses = CountUses(entries)
	byID := make(map[string]content.Card, len(cards))
	for _, c := range cards {
		byID[c.ID] = c
	}
	for i := range entries {
		entries[i].Version = FoldVersion(entries[i].Version, entries[i].Cards, func(id string) (string, int) {
			return byID[id].Version, lib.uses[id]
		})
	}
	a := &Archive{fsys: fsys, entries: entries, dirs: make(map[string]string, len(dirs)),
		index: make(map[string]int, len(entries)), cards: cards, lib: lib}
	for _, d := range dirs {
		a.dirs[path.Base(d)] = d
	}
	for i, e := range entries {
		a.index[e.Slug] = i
	}
	return a, nil
}

// Entries lists the articles in site order.
func (a *Archive) Entries() []content.Entry { return a.entries }

// Cards lists the card library, by id.
func (a *Archive) Cards() []content.Card { return a.cards }

// Article parses the article slug, its shared cards counting the
// archive's articles that show them.
func (a *Archive) Article(slug string) (content.Article, content.Entry, error) {
	i, ok := a.index[slug]
	if !ok {
		return content.Article{}, content.Entry{}, fmt.Errorf("article %q: %w", slug, content.ErrNotFound)
	}
	art, err := articleIn(a.fsys, a.dirs[slug], a.lib)
	if err != nil {
		return content.Article{}, content.Entry{}, err
	}
	return art, a.entries[i], nil
}
