package parse

import (
	"io/fs"
	"path"
	"strings"

	"github.com/gloss/gloss/content"
)

// Tree reads every article under root: each subfolder of root that holds
// an article.md, in site order (see SortArticles), with the card library
// root/cards, every card of which is read (and its problems reported)
// whether an article shows it or not; each shared note's Uses counts the
// articles of root that show its card. When root itself holds an
// article.md, it is read as the one article, alone (see Article).
// Problems of all articles are reported together, in file then line
// order.
func Tree(fsys fs.FS, root string) ([]content.Article, error) {
	dirs, errs := articleDirs(fsys, root)
	lib, whole := shelfOf(fsys, root, dirs)
	if whole {
		_, cardErrs := lib.all()
		errs = append(errs, cardErrs...)
	}
	read := make([]readResult, len(dirs))
	parallel(len(dirs), func(i int) {
		read[i].article, read[i].err = articleIn(fsys, dirs[i], lib)
	})
	var articles []content.Article
	for _, r := range read {
		errs = append(errs, unwrap(r.err)...)
		if r.err == nil {
			articles = append(articles, r.article)
		}
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	if whole {
		countUses(articles)
	}
	SortArticles(articles)
	return articles, nil
}

// countUses sets the Uses of every shared note of articles to the number
// of articles that show its card: what an archive of them would say.
func countUses(articles []content.Article) {
	uses := make(map[string]int)
	for _, a := range articles {
		for _, id := range a.CardIDs() {
			uses[id]++
		}
	}
	for _, a := range articles {
		for i := range a.Notes {
			if n := &a.Notes[i]; n.Card != "" {
				n.Uses = uses[n.Card]
			}
		}
	}
}

// articleDirs lists the article folders of root, in name (so slug) order:
// its subfolders but the card library.
// A subfolder with notes but no article.md is reported rather than
// skipped, since it is most likely an article whose article.md is
// misnamed, and would otherwise vanish from the site unnoticed.
func articleDirs(fsys fs.FS, root string) ([]string, problems) {
	var errs problems
	if isFile(fsys, path.Join(root, "article.md")) {
		if root == "." {
			errs.add(root, 0, "cannot tell the slug of this article folder: name its parent folder instead")
			return nil, errs
		}
		return []string{root}, nil
	}
	entries, err := fs.ReadDir(fsys, root)
	if err != nil {
		errs.addFS(root, err)
		return nil, errs
	}
	var dirs []string
	for _, e := range entries {
		dir := path.Join(root, e.Name())
		switch {
		case !e.IsDir() || strings.HasPrefix(e.Name(), ".") || e.Name() == CardsDir:
			// cards is the card library (see Cards), never an article.
		case isFile(fsys, path.Join(dir, "article.md")):
			dirs = append(dirs, dir)
		case exists(fsys, path.Join(dir, "notes")):
			errs.add(dir, 0, "the folder has notes but no article.md")
		}
	}
	return dirs, errs
}

func isFile(fsys fs.FS, name string) bool {
	fi, err := fs.Stat(fsys, name)
	return err == nil && !fi.IsDir()
}

func exists(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return err == nil
}
