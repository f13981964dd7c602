package parse

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/gloss/gloss/content"
)

// validName matches slugs and note ids: they appear in URLs, so they are
// kept to what needs no escaping and reads the same everywhere.
var validName = regexp.MustCompile(`^[a-z0-9-]+$`)

// Article reads the article in folder dir of fsys: dir/article.md and
// dir/notes/*.md. The folder's name is the slug and each note's file name,
// without .md, is its id.
//
// A reference note shows a card of the library beside the article
// folder (dir/../cards), read for it; the article is read alone, so the
// card's Uses is 0 (an archive knows how many articles show it).
//
// It reports every problem it finds, as *Error values joined with
// errors.Join in file then line order, and then returns the zero Article:
// a half-read article must not reach readers.
func Article(fsys fs.FS, dir string) (content.Article, error) {
	return articleIn(fsys, dir, newShelf(fsys, path.Join(path.Dir(dir), CardsDir), nil))
}

// articleIn is Article with the cards of lib.
func articleIn(fsys fs.FS, dir string, lib Library) (content.Article, error) {
	var errs problems
	a := content.Article{Slug: path.Base(dir)}
	if !validName.MatchString(a.Slug) {
		errs.add(dir, 0, fmt.Sprintf("invalid article folder name %q: use lowercase letters, digits and hyphens", a.Slug))
	}
	body, haveBody := readArticle(fsys, dir, &a, &errs)
	notes := readNotes(fsys, dir, &errs)
	resolveCards(notes, a.Date, lib, &errs)
	if haveBody {
		// Without the body every anchor would be reported missing: noise
		// on top of the problem that hid the body.
		a.Body = placeAnchors(body, notes, &errs)
	}
	a.Notes = make([]content.Note, 0, len(notes))
	for _, n := range sortNotes(notes) {
		a.Notes = append(a.Notes, n.note)
	}
	if err := errs.err(); err != nil {
		return content.Article{}, err
	}
	return a, nil
}

// readArticle reads dir/article.md into a, and returns its body and
// whether the body could be read at all.
func readArticle(fsys fs.FS, dir string, a *content.Article, errs *problems) ([]content.Block, bool) {
	name := path.Join(dir, "article.md")
	data, err := readFile(fsys, name, maxArticleSize)
	if err != nil {
		errs.addFS(name, err)
		return nil, false
	}
	f, ok := split(name, data, errs)
	if !ok {
		return nil, false
	}
	f.articleMeta(a)
	m := f.bodyMarkdown("the article")
	m.headings = true
	before := len(*errs)
	body := m.blocks()
	if len(body) == 0 && len(*errs) == before {
		// Reported on the closing "---": the body has no line of its own.
		f.errorf(f.bodyLine-1, "", `the article body is empty: write the text after the closing "---"`)
	}
	return body, true
}

var langTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

// articleMeta reads the front matter of article.md.
func (f *file) articleMeta(a *content.Article) {
	root := f.frontMatter()
	if root == nil {
		return
	}
	v := f.fields(root, "", required("title"), required("description"), required("date"), optional("lang"), optional("author"))
	a.Title = f.nonEmpty(v["title"], "title")
	a.Description = f.nonEmpty(v["description"], "description")
	a.Date = f.requiredDate(v["date"], "date")
	if !a.Date.IsZero() && a.Date.Day == 0 {
		f.errorf(f.line(v["date"]), "date", "%q must give the day of publication, like \"8 February 2024\"", a.Date.String())
	}
	if n := v["author"]; n != nil {
		a.Author = f.author(n)
	}
	a.Lang = "en"
	if n := v["lang"]; n != nil {
		a.Lang = f.nonEmpty(n, "lang")
		if a.Lang != "" && !langTag.MatchString(a.Lang) {
			f.errorf(f.line(n), "lang", "%q is not a BCP 47 language tag such as \"en\" or \"en-GB\"", a.Lang)
		}
	}
}

// author reads a byline: a name ("author: Jane Doe"), or a name and
// the address of a page about the author ("author: {name: Jane Doe, url:
// https://…}").
func (f *file) author(n *yaml.Node) content.Author {
	if n.Kind == yaml.ScalarNode {
		return content.Author{Name: f.nonEmpty(n, "author")}
	}
	v := f.fields(n, "author", required("name"), optional("url"))
	a := content.Author{Name: f.nonEmpty(v["name"], "author.name")}
	if u := v["url"]; u != nil {
		a.URL = f.url(u, "author.url")
	}
	return a
}

// readNotes reads every note of dir/notes, in file name order. A missing
// notes folder is an article without notes.
func readNotes(fsys fs.FS, dir string, errs *problems) []*noteFile {
	notesDir := path.Join(dir, "notes")
	entries, err := fs.ReadDir(fsys, notesDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		errs.addFS(notesDir, err)
		return nil
	}
	var notes []*noteFile
	for _, e := range entries {
		name := path.Join(notesDir, e.Name())
		id, isMD := strings.CutSuffix(e.Name(), ".md")
		switch {
		case strings.HasPrefix(e.Name(), "."):
			// Editor and OS files (.DS_Store, .note.md.swp).
			continue
		case e.IsDir() || !isMD:
			errs.add(name, 0, "not a note: notes are files named <id>.md")
			continue
		case !validName.MatchString(id):
			errs.add(name, 0, fmt.Sprintf("invalid note file name %q: use lowercase letters, digits and hyphens, then .md", e.Name()))
		}
		data, err := readFile(fsys, name, maxNoteSize)
		if err != nil {
			errs.addFS(name, err)
			continue
		}
		if n := readNote(name, id, data, errs); n != nil {
			notes = append(notes, n)
		}
	}
	return notes
}

// sortNotes orders notes as the model wants them: anchored notes in the
// order of their phrases in the article, then the others by id.
func sortNotes(notes []*noteFile) []*noteFile {
	sorted := append([]*noteFile(nil), notes...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if a.placed != b.placed {
			return a.placed
		}
		if a.placed && a.at != b.at {
			return a.at.before(b.at)
		}
		return a.note.ID < b.note.ID
	})
	return sorted
}
