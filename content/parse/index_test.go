package parse

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/gloss/gloss/content"
)

// TestIndexMatchesArticle checks that an article's Entry says what its
// parsed Article says, so a site listed from the index shows what its
// pages show.
func TestIndexMatchesArticle(t *testing.T) {
	fsys := mapFS(map[string]string{
		"articles/older/article.md": strings.Replace(okArticle, "8 February 2024", "7 February 2024", 1),
		"articles/newer/article.md": strings.Replace(okArticle, "date:", "lang: en-GB\ndate:", 1),
		"articles/newer/notes/n.md": okNote,
	})
	entries, err := Index(fsys, "articles")
	if err != nil {
		t.Fatal(err)
	}
	articles, err := Tree(fsys, "articles")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(articles) {
		t.Fatalf("%d entries for %d articles", len(entries), len(articles))
	}
	for i, a := range articles {
		e := entries[i]
		if want := content.EntryOf(a, e.Version); !reflect.DeepEqual(e, want) || e.Version == "" {
			t.Errorf("entry %d = %+v, want %+v with a version", i, e, want)
		}
	}
	if entries[0].Slug != "newer" || entries[0].Lang != "en-GB" {
		t.Errorf("first entry = %+v, want newer, en-GB", entries[0])
	}
}

// TestIndexVersion checks that any change of an article's files changes
// its Version, and that reading it again without a change does not.
func TestIndexVersion(t *testing.T) {
	fsys := fstest.MapFS{
		"a/article.md": {Data: []byte(okArticle)},
		"a/notes/n.md": {Data: []byte(okNote), ModTime: time.Unix(1e9, 0)},
	}
	version := func() string {
		t.Helper()
		e, err := IndexArticle(fsys, "a")
		if err != nil {
			t.Fatal(err)
		}
		return e.Version
	}
	v := version()
	if again := version(); again != v {
		t.Fatalf("version changed with no change: %s, %s", v, again)
	}
	changes := []struct {
		name   string
		change func()
	}{
		{"article text", func() { fsys["a/article.md"] = &fstest.MapFile{Data: []byte(okArticle + "More.\n")} }},
		{"note saved", func() { fsys["a/notes/n.md"].ModTime = time.Unix(1e9+1, 0) }},
		{"note grown", func() { fsys["a/notes/n.md"].Data = []byte(okNote + "More.\n") }},
		{"note added", func() { fsys["a/notes/m.md"] = &fstest.MapFile{Data: []byte(okNote)} }},
		{"note removed", func() { delete(fsys, "a/notes/m.md") }},
	}
	for _, c := range changes {
		c.change()
		if next := version(); next == v {
			t.Errorf("%s: version unchanged", c.name)
		} else {
			v = next
		}
	}
}

// TestIndexReportsFrontMatter checks that the index reports what is
// wrong with an article.md's front matter as Tree does, and does not read
// the notes.
func TestIndexReportsFrontMatter(t *testing.T) {
	fsys := mapFS(map[string]string{
		"articles/a/article.md": strings.Replace(okArticle, "title: Leader open to talks\n", "", 1),
		"articles/b/article.md": okArticle,
		"articles/b/notes/n.md": "not a note",
	})
	_, err := Index(fsys, "articles")
	want := `articles/a/article.md:2: missing required field "title"`
	if got := errorLines(t, err); strings.Join(got, "\n") != want {
		t.Errorf("got errors:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), want)
	}
}

// TestArchive checks that an Archive parses an article when asked, says
// when a slug is unknown, and reports an article's problems then.
func TestArchive(t *testing.T) {
	fsys := mapFS(map[string]string{
		"articles/good/article.md":   okArticle,
		"articles/good/notes/n.md":   okNote,
		"articles/broken/article.md": okArticle,
		"articles/broken/notes/n.md": strings.Replace(okNote, "open to talks", "closed to talks", 1),
	})
	arch, err := OpenArchive(fsys, "articles")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(arch.Entries()); n != 2 {
		t.Fatalf("%d entries, want 2", n)
	}
	a, e, err := arch.Article("good")
	if err != nil || a.Slug != "good" || len(a.Notes) != 1 || e.Slug != "good" {
		t.Errorf("Article(good) = %s, %d notes, entry %q, %v", a.Slug, len(a.Notes), e.Slug, err)
	}
	if _, _, err := arch.Article("nope"); !errors.Is(err, content.ErrNotFound) {
		t.Errorf("Article(nope): %v, want ErrNotFound", err)
	}
	_, _, err = arch.Article("broken")
	want := `articles/broken/notes/n.md:4: anchor: "closed to talks" does not occur in the article`
	if got := errorLines(t, err); strings.Join(got, "\n") != want {
		t.Errorf("Article(broken): got errors:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), want)
	}
}

// IndexArticle learns the cards an article shows from its small notes,
// as Article does from all of them.
func TestIndexCards(t *testing.T) {
	files := sharedArchive()
	files["articles/early/notes/again.md"] = strings.Replace(okRef, "open to talks", "began in Istanbul", 1)
	files["articles/early/notes/n.md"] = strings.Replace(okNote, "open to talks", "The talks failed", 1)
	fsys := mapFS(files)
	e, err := IndexArticle(fsys, "articles/early")
	if err != nil || !reflect.DeepEqual(e.Cards, []string{"talks"}) {
		t.Errorf("entry %+v, %v; want the card talks, once", e, err)
	}
	a, err := Article(fsys, "articles/early")
	if err != nil || !reflect.DeepEqual(e, content.EntryOf(a, e.Version)) {
		t.Errorf("entry %+v is not the article's (%v)", e, err)
	}
}
