package parse

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/gloss/gloss/content"
)

// IndexArticle reads the Entry of the article in folder dir of fsys: the
// front matter of its article.md, checked as Article checks it, and the
// Version of its files. It reads neither the article's text nor its
// notes' (only their names, sizes and times), so it costs a small part
// of Article: an archive is indexed at start and each article read when
// asked for. Problems in the text or the notes are found by Article and
// Check, not here.
func IndexArticle(fsys fs.FS, dir string) (content.Entry, error) {
	var errs problems
	a := content.Article{Slug: path.Base(dir)}
	if !validName.MatchString(a.Slug) {
		errs.add(dir, 0, fmt.Sprintf("invalid article folder name %q: use lowercase letters, digits and hyphens", a.Slug))
	}
	name := path.Join(dir, "article.md")
	data, err := readFile(fsys, name, maxArticleSize)
	if err != nil {
		errs.addFS(name, err)
		return content.Entry{}, errs.err()
	}
	if f, ok := split(name, data, &errs); ok {
		f.articleMeta(&a)
	}
	version, err := folderVersion(fsys, dir, data)
	if err != nil {
		errs.addFS(path.Join(dir, "notes"), err)
	}
	if err := errs.err(); err != nil {
		return content.Entry{}, err
	}
	return content.EntryOf(a, version), nil
}

// folderVersion hashes article.md's bytes and the name, size and
// modification time of each file in dir/notes: any save of any file of
// the article changes it, with no note read.
func folderVersion(fsys fs.FS, dir string, article []byte) (string, error) {
	h := sha256.New()
	h.Write(article)
	entries, err := fs.ReadDir(fsys, path.Join(dir, "notes"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	var buf [16]byte
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			return "", err
		}
		h.Write([]byte(e.Name()))
		h.Write([]byte{0})
		binary.LittleEndian.PutUint64(buf[:8], uint64(info.Size()))
		binary.LittleEndian.PutUint64(buf[8:], uint64(info.ModTime().UnixNano()))
		h.Write(buf[:])
	}
	return hex.EncodeToString(h.Sum(nil)[:16]), nil
}

// Index reads the Entry of every article under root (the folders Tree
// would read), on every core, in site order. Problems of the article.md
// files are reported as Tree reports them, and then no entry is returned.
func Index(fsys fs.FS, root string) ([]content.Entry, error) {
	dirs, errs := articleDirs(fsys, root)
	entries := make([]content.Entry, len(dirs))
	found := make([]error, len(dirs))
	parallel(len(dirs), func(i int) {
		entries[i], found[i] = IndexArticle(fsys, dirs[i])
	})
	for _, err := range found {
		errs = append(errs, unwrap(err)...)
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	SortEntries(entries)
	return entries, nil
}

// SortEntries puts entries in site order, as SortArticles does articles.
func SortEntries(entries []content.Entry) {
	slices.SortStableFunc(entries, content.Entry.Compare)
}

// Archive is a content.Archive of the article folders under a root of a
// file system that does not change (the articles built into gloss): its
// entries are read once, by OpenArchive, and each article is parsed
// again whenever it is asked for, so the archive holds no article text.
type Archive struct {
	fsys    fs.FS
	entries []content.Entry
	dirs    map[string]string // by slug
	index   map[string]int    // by slug, into entries
}

var _ content.Archive = (*Archive)(nil)

// OpenArchive indexes the articles under root of fsys (see Index).
func OpenArchive(fsys fs.FS, root string) (*Archive, error) {
	entries, err := Index(fsys, root)
	if err != nil {
		return nil, err
	}
	dirs, _ := articleDirs(fsys, root)
	a := &Archive{fsys: fsys, entries: entries, dirs: make(map[string]string, len(dirs)), index: make(map[string]int, len(entries))}
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

// Cards lists the card library.
func (a *Archive) Cards() []content.Card { return nil }

// Article parses the article slug.
func (a *Archive) Article(slug string) (content.Article, content.Entry, error) {
	i, ok := a.index[slug]
	if !ok {
		return content.Article{}, content.Entry{}, fmt.Errorf("article %q: %w", slug, content.ErrNotFound)
	}
	art, err := Article(a.fsys, a.dirs[slug])
	if err != nil {
		return content.Article{}, content.Entry{}, err
	}
	return art, a.entries[i], nil
}

// IndexPath is IndexArticle for the article folder at dir on disk, its
// problems named by paths as the user gave them (as Load names them).
func IndexPath(dir string) (content.Entry, error) {
	targets, errs := collect([]string{dir})
	if len(targets) != 1 {
		if err := errs.err(); err != nil {
			return content.Entry{}, err
		}
		return content.Entry{}, fmt.Errorf("%s: not an article folder", dir)
	}
	t := targets[0]
	e, err := IndexArticle(t.fsys, t.name)
	for _, p := range unwrap(err) {
		p.File = t.path(p.File)
		errs = append(errs, p)
	}
	if err := errs.err(); err != nil {
		return content.Entry{}, err
	}
	return e, nil
}
