package parse

import (
	"io/fs"
	"path"
	"strings"

	"github.com/gloss/gloss/content"
)

// Tree reads every article under root: each subfolder of root that holds
// an article.md, in site order (see SortArticles). When root itself holds an article.md, it
// is read as the one article. Problems of all articles are reported
// together, in file then line order.
func Tree(fsys fs.FS, root string) ([]content.Article, error) {
	dirs, errs := articleDirs(fsys, root)
	read := make([]readResult, len(dirs))
	parallel(len(dirs), func(i int) {
		read[i].article, read[i].err = Article(fsys, dirs[i])
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
	SortArticles(articles)
	return articles, nil
}

// articleDirs lists the article folders of root, in name (so slug) order.
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
		case !e.IsDir() || strings.HasPrefix(e.Name(), "."):
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
