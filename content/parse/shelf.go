package parse

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/gloss/gloss/content"
)

// shelf is the Library of one cards folder of a file system, each card
// read at most once: on demand, so that an article read alone reads only
// the cards it shows, or all at once (all) for a whole archive. It is
// safe for the articles of an archive to share on every core.
type shelf struct {
	fsys fs.FS
	dir  string
	// uses counts the articles that show each card; nil when the
	// articles are read alone, which count none.
	uses map[string]int

	mu   sync.Mutex
	read map[string]cardResult // by id
}

func newShelf(fsys fs.FS, dir string, uses map[string]int) *shelf {
	return &shelf{fsys: fsys, dir: dir, uses: uses, read: make(map[string]cardResult)}
}

// shelfOf is the library of the articles in dirs, read from root: root's
// cards folder, or, when root is itself an article folder, its parent's.
// whole is false then: root's articles are not an archive.
func shelfOf(fsys fs.FS, root string, dirs []string) (lib *shelf, whole bool) {
	if len(dirs) == 1 && dirs[0] == root {
		return newShelf(fsys, path.Join(path.Dir(root), CardsDir), nil), false
	}
	return newShelf(fsys, path.Join(root, CardsDir), nil), true
}

// Card returns the card id, read on first use.
func (s *shelf) Card(id string) (content.Card, int, error) {
	s.mu.Lock()
	r, ok := s.read[id]
	s.mu.Unlock()
	if !ok {
		// Two articles may read one card at once: a rare wasted read,
		// where a lock held across the read would queue every core.
		r = readCardFile(s.fsys, path.Join(s.dir, id+".md"), id)
		s.mu.Lock()
		s.read[id] = r
		s.mu.Unlock()
	}
	return r.card, s.uses[id], r.err
}

// all reads every card of the folder not read yet, on every core, and
// returns those that parse, by id, and the problems of the others.
// Files that are not cards are reported: a misnamed card would otherwise
// vanish unnoticed.
func (s *shelf) all() ([]content.Card, problems) {
	var errs problems
	entries, err := fs.ReadDir(s.fsys, s.dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			errs.addFS(s.dir, err)
		}
		return nil, errs
	}
	var ids []string
	for _, e := range entries {
		name := path.Join(s.dir, e.Name())
		id, isMD := strings.CutSuffix(e.Name(), ".md")
		switch {
		case strings.HasPrefix(e.Name(), "."):
		case e.IsDir() || !isMD:
			errs.add(name, 0, "not a card: the cards folder holds files named <id>.md")
		case !validName.MatchString(id):
			errs.add(name, 0, fmt.Sprintf("invalid card file name %q: use lowercase letters, digits and hyphens, then .md", e.Name()))
		default:
			ids = append(ids, id)
		}
	}
	// A card read before (by an article, or by an earlier all: a check
	// lists the library for its problems, then again for its review) is
	// not read again.
	read := make([]cardResult, len(ids))
	s.mu.Lock()
	known := make([]bool, len(ids))
	for i, id := range ids {
		read[i], known[i] = s.read[id]
	}
	s.mu.Unlock()
	parallel(len(ids), func(i int) {
		if !known[i] {
			read[i] = readCardFile(s.fsys, path.Join(s.dir, ids[i]+".md"), ids[i])
		}
	})
	var cards []content.Card
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, r := range read {
		s.read[ids[i]] = r
		if r.err != nil {
			errs = append(errs, unwrap(r.err)...)
			continue
		}
		cards = append(cards, r.card)
	}
	slices.SortFunc(cards, func(a, b content.Card) int { return strings.Compare(a.ID, b.ID) })
	return cards, errs
}
