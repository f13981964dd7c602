package parse

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gloss/gloss/content"
)

// Load reads the articles at paths on disk, each an article folder or a
// root of article folders (as Tree), and returns them all in site order
// (see SortArticles).
// Problems are reported with the paths as given, in file then line order.
// Two articles with one slug are an error: they would share a URL.
func Load(paths []string) ([]content.Article, error) {
	targets, errs := collect(paths)
	for _, t := range targets {
		// A single note still builds its whole article.
		t.notes = nil
	}
	errs = append(errs, readLibraries(targets)...)
	read := readTargets(targets)
	var articles, whole []content.Article
	where := make(map[string]string)
	for i, t := range targets {
		a, err := read[i].article, read[i].err
		errs = append(errs, unwrap(err)...)
		if err != nil {
			continue
		}
		dir := t.path(t.name)
		if other, dup := where[a.Slug]; dup {
			errs.add(dir, 0, fmt.Sprintf("duplicate article slug %q: also %s", a.Slug, other))
			continue
		}
		where[a.Slug] = dir
		articles = append(articles, a)
		if t.whole {
			whole = append(whole, a)
		}
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	// Articles of a folder of articles are an archive, and count the
	// articles that show each card, as Tree does; those given alone
	// count none.
	countUses(whole)
	SortArticles(articles)
	return articles, nil
}

// readLibraries reads each card library of a folder of articles among
// the targets, once, and returns its problems: a card no article shows
// is checked too.
func readLibraries(targets []*target) problems {
	var errs problems
	wholeLibraries(targets, func(t *target, lib *shelf) {
		_, found := lib.all()
		for _, e := range found {
			errs = append(errs, t.mapped(e))
		}
	})
	return errs
}

// wholeLibraries calls f once for each card library of a folder of
// articles among targets, with the first target it belongs to.
func wholeLibraries(targets []*target, f func(t *target, lib *shelf)) {
	done := make(map[*shelf]bool)
	for _, t := range targets {
		lib, ok := t.lib.(*shelf)
		if !ok || !t.whole || done[lib] {
			continue
		}
		done[lib] = true
		f(t, lib)
	}
}

// readResult is one target's article, or its problems.
type readResult struct {
	article content.Article
	err     error
}

// readTargets reads the targets on every core, each result at its
// target's index.
func readTargets(targets []*target) []readResult {
	out := make([]readResult, len(targets))
	parallel(len(targets), func(i int) {
		out[i].article, out[i].err = targets[i].read()
	})
	return out
}

// SortArticles puts articles in site order: newest first, then by slug.
// The first is the page at "/", so a news site's home shows its latest
// article, and adding an older one never changes it.
func SortArticles(articles []content.Article) {
	sort.SliceStable(articles, func(i, j int) bool {
		a, b := articles[i], articles[j]
		if a.Date != b.Date {
			return b.Date.Before(a.Date)
		}
		return a.Slug < b.Slug
	})
}

// target is one article folder on disk to read. It is read through
// os.DirFS of an ancestor, as fs.FS paths cannot hold "..", and the paths
// of its problems are mapped back to the path the user gave, so messages
// point where the user expects.
type target struct {
	fsys fs.FS
	name string // the folder inside fsys
	// given is the folder as the user would write it, e.g. "articles/x";
	// base is the path inside fsys that given names.
	given, base string
	// key is the folder's absolute path, to read each article once.
	key string
	// notes, when not nil, limits the report to these note files (paths
	// inside fsys) and to the article.md that gives them context.
	notes map[string]bool
	// lib is the card library, shared by the targets of one path given;
	// whole is true when that path is a folder of articles (an archive),
	// false for an article given alone.
	lib   Library
	whole bool
}

// read parses the article, keeping only the problems the target asks for.
func (t *target) read() (content.Article, error) {
	a, err := articleIn(t.fsys, t.name, t.lib)
	var errs problems
	for _, e := range unwrap(err) {
		if t.notes != nil && strings.HasPrefix(e.File, path.Join(t.name, "notes")+"/") && !t.notes[e.File] {
			continue
		}
		errs = append(errs, t.mapped(e))
	}
	return a, errs.err()
}

// mapped is e named by a path the user would write. It is a copy: the
// problems of a card are shared by the articles that show it.
func (t *target) mapped(e *Error) *Error {
	c := *e
	c.File = t.path(e.File)
	return &c
}

// path maps a path inside fsys to one the user would write. A path
// outside the folder given (a card beside an article given alone) is
// named from the folder's parent, which is fsys's root.
func (t *target) path(name string) string {
	rest, ok := strings.CutPrefix(name, t.base)
	if !ok || rest != "" && rest[0] != '/' {
		return filepath.Join(t.given, "..", filepath.FromSlash(name))
	}
	return filepath.Join(t.given, filepath.FromSlash(rest))
}

// collect turns the paths the user gave into article folders, each once.
// A path may be an article folder, a root of article folders, an
// article.md, or a note file, which is read in the context of its article.
func collect(paths []string) ([]*target, problems) {
	var errs problems
	byDir := make(map[string]*target)
	var order []string
	addTarget := func(t *target) {
		old, seen := byDir[t.key]
		switch {
		case !seen:
			byDir[t.key] = t
			order = append(order, t.key)
		case old.notes == nil:
		case t.notes == nil:
			old.notes = nil
		default:
			for n := range t.notes {
				old.notes[n] = true
			}
		}
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			errs.addFS(p, err)
			continue
		}
		dir, note := p, ""
		if !fi.IsDir() {
			if dir, note, err = articleOf(p); err != nil {
				errs.add(p, 0, err.Error())
				continue
			}
		}
		parent, base, err := parentOf(dir)
		if err != nil {
			errs.add(p, 0, err.Error())
			continue
		}
		fsys := os.DirFS(parent)
		dirs, dirErrs := articleDirs(fsys, base)
		lib, whole := shelfOf(fsys, base, dirs)
		for _, e := range dirErrs {
			e.File = (&target{given: dir, base: base}).path(e.File)
			errs = append(errs, e)
		}
		if len(dirs) == 0 && len(dirErrs) == 0 {
			errs.add(p, 0, "no article here: an article is a folder holding article.md")
		}
		for _, d := range dirs {
			t := &target{fsys: fsys, name: d, given: dir, base: base, key: filepath.Join(parent, filepath.FromSlash(d)), lib: lib, whole: whole}
			if note != "" {
				t.notes = map[string]bool{path.Join(d, "notes", note): true}
			}
			addTarget(t)
		}
	}
	targets := make([]*target, len(order))
	for i, key := range order {
		targets[i] = byDir[key]
	}
	return targets, errs
}

// articleOf returns the article folder of a file the user named, and the
// file's name when it is a note.
func articleOf(file string) (dir, note string, err error) {
	dir, name := filepath.Split(file)
	dir = filepath.Clean(dir)
	if name == "article.md" {
		return dir, "", nil
	}
	if filepath.Ext(name) == ".md" && filepath.Base(dir) == "notes" {
		art := filepath.Dir(dir)
		if fi, err := os.Stat(filepath.Join(art, "article.md")); err == nil && !fi.IsDir() {
			return art, name, nil
		}
	}
	return "", "", fmt.Errorf("not an article.md, nor a note (notes/<id>.md beside an article.md)")
}

// parentOf returns the absolute parent of dir and dir's name in it. Dir is
// read through its parent so that it keeps its own name (its slug, for an
// article) even when given as "." or "..".
func parentOf(dir string) (parent, base string, err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", "", err
	}
	parent, base = filepath.Split(abs)
	if base == "" {
		return "", "", fmt.Errorf("cannot read articles from the root folder")
	}
	return parent, base, nil
}
