package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/content/parse"
)

// cardsDir is the card library's folder in a content folder: never an
// article.
const cardsDir = parse.CardsDir

// library is the Archive's cards as the articles it parses see them: its
// last good version of each card, and how many articles show it.
type library struct{ a *Archive }

// Card returns the last good version of card id. A card that never
// parsed gives its file's problems, which the article then reports.
func (l library) Card(id string) (content.Card, int, error) {
	a := l.a
	a.mu.Lock()
	defer a.mu.Unlock()
	if c, ok := a.cards[id]; ok {
		return c, a.uses[id], nil
	}
	if err := a.cardBad[id+".md"]; err != nil {
		return content.Card{}, 0, err
	}
	return content.Card{}, 0, parse.UnknownCard(id)
}

// cardFiles lists the files of the card library, by name; none when the
// folder is missing.
func cardFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(dir, cardsDir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	var names []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	return names, err
}

// openCards reads the card library, on every core; a card's problems go
// to Problems, as an article's do.
func (a *Archive) openCards() error {
	files, err := cardFiles(a.dir)
	if err != nil {
		return err
	}
	cards := make([]content.Card, len(files))
	errs := make([]error, len(files))
	each(len(files), func(i int) { cards[i], errs[i] = parse.CardPath(filepath.Join(a.dir, cardsDir, files[i])) })
	for i, file := range files {
		if errs[i] != nil {
			a.cardBad[file] = errs[i]
			continue
		}
		a.cards[cards[i].ID] = cards[i]
	}
	a.listCards()
	return nil
}

// listCards makes the list Cards returns, after a change of the library.
func (a *Archive) listCards() {
	list := make([]content.Card, 0, len(a.cards))
	for _, c := range a.cards {
		list = append(list, c)
	}
	slices.SortFunc(list, func(x, y content.Card) int { return strings.Compare(x.ID, y.ID) })
	a.cardList = list
}

// readCard reads the card file (a name in the library) again after a
// save, and returns the slugs of the articles it changed: those showing
// the card, whose versions it recomputes (the archive is not read
// again). A card that stops parsing keeps its last good version, and
// changes none.
func (a *Archive) readCard(file string) []string {
	c, err := parse.CardPath(filepath.Join(a.dir, cardsDir, file))
	id := strings.TrimSuffix(file, ".md")
	a.mu.Lock()
	defer a.mu.Unlock()
	old, had := a.cards[id]
	switch {
	case errors.Is(err, fs.ErrNotExist):
		delete(a.cardBad, file)
		if !had {
			return nil
		}
		delete(a.cards, id)
	case err != nil:
		a.cardBad[file] = err
		return nil
	default:
		delete(a.cardBad, file)
		if had && old.Version == c.Version {
			return nil
		}
		a.cards[id] = c
	}
	a.listCards()
	return a.refold(map[string]bool{id: true})
}

// readLibrary reads every card file again, those there now and those
// known: the cards folder itself changed (made, moved or removed).
func (a *Archive) readLibrary() []string {
	files, _ := cardFiles(a.dir)
	a.mu.Lock()
	for id := range a.cards {
		files = append(files, id+".md")
	}
	for file := range a.cardBad {
		files = append(files, file)
	}
	a.mu.Unlock()
	slices.Sort(files)
	var slugs []string
	for _, file := range slices.Compact(files) {
		slugs = append(slugs, a.readCard(file)...)
	}
	return slugs
}

// fold is e with its Version folded from its files' version and the
// cards it shows (see parse.FoldVersion). a.mu is held.
func (a *Archive) fold(e content.Entry) content.Entry {
	e.Version = parse.FoldVersion(a.files[e.Slug], e.Cards, func(id string) (string, int) {
		return a.cards[id].Version, a.uses[id]
	})
	return e
}

// refold recomputes the version of every article showing one of the
// cards, brings the cards in their kept articles up to date, and returns
// the slugs whose version changed. It costs a pass over the entries and
// a hash per article showing the cards: no file is read. a.mu is held.
func (a *Archive) refold(cards map[string]bool) []string {
	var slugs []string
	for name, e := range a.entries {
		if !slices.ContainsFunc(e.Cards, func(id string) bool { return cards[id] }) {
			continue
		}
		f := a.fold(e)
		if f.Version == e.Version {
			continue
		}
		a.entries[name] = f
		slugs = append(slugs, name)
		if art, ok := a.edited[name]; ok {
			a.edited[name] = a.current(art)
		}
		if art, ok := a.recent.get(name); ok {
			a.recent.update(name, a.current(art))
		}
	}
	if len(slugs) > 0 {
		a.order = a.order.update(a.entries, slugs)
	}
	slices.Sort(slugs)
	return slugs
}

// current is art with its shared cards as the archive has them now (the
// last good version of each, and its uses). a.mu is held.
func (a *Archive) current(art content.Article) content.Article {
	notes := slices.Clone(art.Notes)
	for i, n := range notes {
		c, ok := a.cards[n.Card]
		if n.Card == "" || !ok {
			continue
		}
		notes[i] = c.For(n.ID, n.Anchor, art.Date, a.uses[n.Card])
	}
	art.Notes = notes
	return art
}

// count adds delta to the uses of each card, and marks the cards in
// touched. a.mu is held.
func (a *Archive) count(cards []string, delta int, touched map[string]bool) {
	for _, id := range cards {
		a.uses[id] += delta
		if a.uses[id] == 0 {
			delete(a.uses, id)
		}
		touched[id] = true
	}
}
