package parse

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/gloss/gloss/content"
)

// ArticlePath is Article for the article folder at dir on disk, its
// problems named by paths as the user gave them (as Load names them),
// with the cards of lib; with a nil lib, those of the library beside the
// folder, read alone (see Article).
func ArticlePath(dir string, lib Library) (content.Article, error) {
	targets, errs := collect([]string{dir})
	if len(targets) != 1 {
		if err := errs.err(); err != nil {
			return content.Article{}, err
		}
		return content.Article{}, fmt.Errorf("%s: not an article folder", dir)
	}
	t := targets[0]
	if lib != nil {
		t.lib = lib
	}
	a, err := t.read()
	errs = append(errs, unwrap(err)...)
	if err := errs.err(); err != nil {
		return content.Article{}, err
	}
	return a, nil
}

// CardPath reads the card file at file on disk (a cards/<id>.md), its
// problems named by file as given. A missing file is an error that
// errors.Is fs.ErrNotExist.
func CardPath(file string) (content.Card, error) {
	dir, name := filepath.Split(file)
	if dir == "" {
		dir = "."
	}
	var errs problems
	id, isMD := strings.CutSuffix(name, ".md")
	if !isMD || !validName.MatchString(id) {
		errs.add(file, 0, fmt.Sprintf("invalid card file name %q: use lowercase letters, digits and hyphens, then .md", name))
		return content.Card{}, errs.err()
	}
	data, err := readFile(os.DirFS(dir), name, maxNoteSize)
	if errors.Is(err, fs.ErrNotExist) {
		return content.Card{}, fmt.Errorf("%s: %w", file, fs.ErrNotExist)
	}
	if err != nil {
		errs.addFS(file, err)
		return content.Card{}, errs.err()
	}
	c := readCard(file, id, data, &errs)
	if err := errs.err(); err != nil {
		return content.Card{}, err
	}
	return c, nil
}
