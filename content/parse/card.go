package parse

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"

	"gopkg.in/yaml.v3"

	"github.com/gloss/gloss/content"
)

// CardsDir is the card library's folder, beside the article folders of
// a content folder. A folder of that name is never an article.
const CardsDir = "cards"

// readCard reads one card file of the library: the fields of a note less
// anchor and since, plus updated (its "as of") and aliases. Its Version
// is a hash of the file's bytes, so that any save changes it.
func readCard(name, id string, data []byte, errs *problems) content.Card {
	c := content.Card{ID: id, Version: cardVersion(data)}
	f, ok := split(name, data, errs)
	if !ok {
		return c
	}
	if root := f.frontMatter(); root != nil {
		v := f.fields(root, "", append(sharedFields(), required("updated"), optional("aliases"))...)
		var n content.Note
		f.sharedMeta(v, &n)
		c.Title, c.Kind, c.Timeline, c.Figures, c.Sources = n.Title, n.Kind, n.Timeline, n.Figures, n.Sources
		c.Updated = f.requiredDate(v["updated"], "updated")
		c.Aliases = f.aliases(v["aliases"])
	}
	m := f.bodyMarkdown("a card")
	m.lists = true
	c.Body = m.blocks()
	return c
}

// cardVersion is a short hash of a card file's bytes. Readers' devices
// store it for each card they showed, so it is kept short; 64 bits tell
// one save from the next.
func cardVersion(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:8])
}

// aliases reads the optional list of phrases an article may use for the
// card's topic.
func (f *file) aliases(n *yaml.Node) []string {
	var out []string
	for i, item := range f.list(n, "aliases") {
		if s := f.nonEmpty(item, index("aliases", i)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// cardResult is one card file read: the card, or its problems.
type cardResult struct {
	card content.Card
	err  error
}

// readCardFile reads the card id at name in fsys. A missing file is an
// unknownCard error, for the reference that names it to report.
func readCardFile(fsys fs.FS, name, id string) cardResult {
	data, err := readFile(fsys, name, maxNoteSize)
	if errors.Is(err, fs.ErrNotExist) {
		return cardResult{err: UnknownCard(id)}
	}
	var errs problems
	if err != nil {
		errs.addFS(name, err)
		return cardResult{err: errs.err()}
	}
	c := readCard(name, id, data, &errs)
	if err := errs.err(); err != nil {
		return cardResult{err: err}
	}
	return cardResult{card: c}
}

// UnknownCard is the problem of a reference to a card the library does
// not have, for a Library to return.
func UnknownCard(id string) error {
	return fmt.Errorf("unknown card %q: no %s/%s.md", id, CardsDir, id)
}

// Library is a card library as the articles that reference it see it.
type Library interface {
	// Card returns the card id and how many articles of the archive
	// show it. Its error is reported at the reference's card: line,
	// unless it is made of a card file's problems (*Error values),
	// which are reported as they are.
	Card(id string) (card content.Card, uses int, err error)
}

// Cards reads the card library of the content folder root of fsys:
// every root/cards/<id>.md, sorted by id. It returns the cards that
// parse, with the problems of those that do not (file:line: message,
// joined). A content folder without a cards folder has no cards.
func Cards(fsys fs.FS, root string) ([]content.Card, error) {
	lib := newShelf(fsys, path.Join(root, CardsDir), nil)
	cards, errs := lib.all()
	return cards, errs.err()
}
