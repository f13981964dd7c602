package parse

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/gloss/gloss/content"
)

// IndexArticle reads the Entry of the article in folder dir of fsys: the
// front matter of its article.md, checked as Article checks it, the
// Version of its files, and the cards it shows. It reads neither the
// article's text nor its notes' (only their names, sizes and times, and
// the front matter of the notes small enough to be card references), so
// it costs a small part of Article: an archive is indexed at start and
// each article read when asked for. Problems in the text or the notes are
// found by Article and Check, not here.
//
// The Version is that of the article's files alone; an archive folds
// its cards' into it (see FoldVersion).
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
	version, cards, err := folderVersion(fsys, dir, data)
	if err != nil {
		errs.addFS(path.Join(dir, "notes"), err)
	}
	if err := errs.err(); err != nil {
		return content.Entry{}, err
	}
	e := content.EntryOf(a, version)
	e.Cards = cards
	return e, nil
}

// folderVersion hashes article.md's bytes and the name, size and
// modification time of each file in dir/notes: any save of any file of
// the article changes it, with no note read but the small ones, which
// say which cards the article shows (sorted, once each).
func folderVersion(fsys fs.FS, dir string, article []byte) (version string, cards []string, err error) {
	h := sha256.New()
	h.Write(article)
	notes := path.Join(dir, "notes")
	entries, err := fs.ReadDir(fsys, notes)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", nil, err
	}
	var buf [16]byte
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			return "", nil, err
		}
		h.Write([]byte(e.Name()))
		h.Write([]byte{0})
		binary.LittleEndian.PutUint64(buf[:8], uint64(info.Size()))
		binary.LittleEndian.PutUint64(buf[8:], uint64(info.ModTime().UnixNano()))
		h.Write(buf[:])
		if !e.IsDir() && info.Size() <= maxReferenceSize && strings.HasSuffix(e.Name(), ".md") {
			if id := referencedCard(fsys, path.Join(notes, e.Name())); id != "" && !slices.Contains(cards, id) {
				cards = append(cards, id)
			}
		}
	}
	slices.Sort(cards)
	return hex.EncodeToString(h.Sum(nil)[:16]), cards, nil
}

// referencedCard is the card a note file names when it is a reference,
// or "". It reads the front matter as Article does, so an article that
// parses shows exactly these cards; its problems are Article's to report.
func referencedCard(fsys fs.FS, name string) string {
	data, err := readFile(fsys, name, maxReferenceSize)
	if err != nil || !bytes.Contains(data, []byte("card")) {
		return ""
	}
	var errs problems
	f, ok := split(name, data, &errs)
	if !ok {
		return ""
	}
	doc, err := decodeYAML(f.meta)
	if err != nil || doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return ""
	}
	v := referenceID(doc.Content[0])
	if v == nil || v.Kind != yaml.ScalarNode {
		return ""
	}
	if id := strings.TrimSpace(v.Value); validName.MatchString(id) {
		return id
	}
	return ""
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
