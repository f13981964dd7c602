package parse

import (
	"strings"
	"testing"
)

func TestTree(t *testing.T) {
	fsys := mapFS(map[string]string{
		"articles/b-second/article.md": okArticle,
		"articles/a-first/article.md":  okArticle,
		"articles/a-first/notes/n.md":  okNote,
		"articles/drafts/readme.txt":   "not an article",
		"articles/zz_articles.go":      "package articles",
	})
	got, err := Tree(fsys, "articles")
	if err != nil {
		t.Fatal(err)
	}
	var slugs []string
	for _, a := range got {
		slugs = append(slugs, a.Slug)
	}
	if strings.Join(slugs, " ") != "a-first b-second" {
		t.Errorf("slugs = %v, want [a-first b-second]", slugs)
	}
	if len(got[0].Notes) != 1 || got[0].Notes[0].ID != "n" {
		t.Errorf("notes of a-first = %+v", got[0].Notes)
	}
}

func TestTreeOfOneArticle(t *testing.T) {
	got, err := Tree(mapFS(map[string]string{"a/article.md": okArticle}), "a")
	if err != nil || len(got) != 1 || got[0].Slug != "a" {
		t.Errorf("Tree = %+v, %v; want the one article a", got, err)
	}
}

func TestTreeErrors(t *testing.T) {
	fsys := mapFS(map[string]string{
		"articles/b/article.md":       strings.Replace(okArticle, "kind: context", "", 1) + "![x](https://example.com/x.png)\n",
		"articles/a/article.md":       okArticle,
		"articles/a/notes/n.md":       strings.Replace(okNote, "kind: context", "kind: rumour", 1),
		"articles/typo/artcle.md":     okArticle,
		"articles/typo/notes/n.md":    okNote,
		"articles/.hidden/notes/n.md": okNote,
	})
	_, err := Tree(fsys, "articles")
	want := []string{
		`articles/a/notes/n.md:3: kind: "rumour" is not a kind; use context, contested, figure, correction`,
		`articles/b/article.md:8: images are not supported in the article`,
		`articles/typo: the folder has notes but no article.md`,
	}
	if got := errorLines(t, err); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got errors:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if _, err := Tree(fsys, "nowhere"); err == nil || err.Error() != "nowhere: file does not exist" {
		t.Errorf("Tree of a missing folder: %v", err)
	}
}
