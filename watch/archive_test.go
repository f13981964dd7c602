package watch

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gloss/gloss/content/parse"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/fixtures"
)

type archiveUpdate struct {
	slugs   []string
	problem error
}

// followArchive copies the fixture articles into a temporary folder and
// watches it as an Archive, handing every change to the returned channel.
func followArchive(t *testing.T) (dir string, a *Archive, changes <-chan archiveUpdate) {
	t.Helper()
	dir = t.TempDir()
	if err := os.CopyFS(dir, fixtures.FS()); err != nil {
		t.Fatal(err)
	}
	a, err := OpenArchive(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, a, watchArchive(t, a)
}

func nextArchive(t *testing.T, ch <-chan archiveUpdate) archiveUpdate {
	t.Helper()
	select {
	case u := <-ch:
		return u
	case <-time.After(10 * time.Second):
		t.Fatal("no change reported within 10 s")
		return archiveUpdate{}
	}
}

// The archive lists and serves what the parser reads of the whole folder.
func TestArchiveServesWhatTheFolderHolds(t *testing.T) {
	dir, a, _ := followArchive(t)
	articles, err := parse.Tree(os.DirFS(dir), ".")
	if err != nil || a.Problems() != nil {
		t.Fatal(err, a.Problems())
	}
	entries := a.Entries()
	if len(entries) != len(articles) {
		t.Fatalf("%d entries for %d articles", len(entries), len(articles))
	}
	for i, want := range articles {
		got, e, err := a.Article(entries[i].Slug)
		if err != nil || !reflect.DeepEqual(got, want) || !reflect.DeepEqual(e, entries[i]) {
			t.Errorf("article %d: %s, %v; want %s as the folder reads it", i, got.Slug, err, want.Slug)
		}
		if ce := content.EntryOf(want, e.Version); !reflect.DeepEqual(e, ce) {
			t.Errorf("entry %d = %+v, want %+v", i, e, ce)
		}
	}
	if _, _, err := a.Article("nope"); !errors.Is(err, content.ErrNotFound) {
		t.Errorf("Article(nope): %v, want ErrNotFound", err)
	}
}

// A save that does not parse keeps the last good version of the article
// the editor has open, and says which article changed and why.
func TestArchiveKeepsTheLastGoodVersion(t *testing.T) {
	dir, a, ch := followArchive(t)
	before, _, err := a.Article("riverside-library") // the editor's tab loads it
	if err != nil {
		t.Fatal(err)
	}
	version := a.Entries()[0].Version
	note := filepath.Join(dir, "riverside-library", "notes", "visitors.md")
	good, _ := os.ReadFile(note)
	os.WriteFile(note, []byte(strings.Replace(string(good), "kind: correction", "kind: correction\nkindd: typo", 1)), 0o644)
	u := nextArchive(t, ch)
	if strings.Join(u.slugs, " ") != "riverside-library" || u.problem == nil || !strings.Contains(u.problem.Error(), "visitors.md:4: ") {
		t.Fatalf("the broken save is reported as %v, %v; want riverside-library, visitors.md:4", u.slugs, u.problem)
	}
	if got, _, err := a.Article("riverside-library"); err != nil || !reflect.DeepEqual(got, before) {
		t.Fatalf("the last good version is not kept: %v", err)
	}
	os.WriteFile(note, []byte(strings.Replace(string(good), "Visitor numbers were already falling", "Visits were already falling", 1)), 0o644)
	if u := nextArchive(t, ch); u.problem != nil {
		t.Fatalf("after the fix: %v", u.problem)
	}
	after, e, err := a.Article("riverside-library")
	if err != nil || !strings.Contains(noteText([]content.Article{after}, "visitors"), "Visits were already falling") {
		t.Fatalf("after the fix the article reads %q, %v", noteText([]content.Article{after}, "visitors"), err)
	}
	if e.Version == version {
		t.Error("the entry's version did not change with the save")
	}
}

// An article that was neither read nor saved since the start has no
// version to keep: a broken save of it is its page's problem.
func TestArchiveUnreadArticleShowsItsProblem(t *testing.T) {
	dir, a, ch := followArchive(t)
	note := filepath.Join(dir, "riverside-library", "notes", "visitors.md")
	good, _ := os.ReadFile(note)
	os.WriteFile(note, []byte(strings.Replace(string(good), "kind: correction", "kind: correction\nkindd: typo", 1)), 0o644)
	nextArchive(t, ch)
	if _, _, err := a.Article("riverside-library"); err == nil || !strings.Contains(err.Error(), "visitors.md:4: ") {
		t.Errorf("Article: %v, want the note's problem", err)
	}
}

// Check finds the problems that only a whole read shows.
func TestArchiveCheck(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, fixtures.FS()); err != nil {
		t.Fatal(err)
	}
	note := filepath.Join(dir, "riverside-library", "notes", "visitors.md")
	good, _ := os.ReadFile(note)
	os.WriteFile(note, []byte(strings.Replace(string(good), "kind: correction", "kind: correction\nkindd: typo", 1)), 0o644)
	a, err := OpenArchive(dir)
	if err != nil || a.Problems() != nil {
		t.Fatalf("OpenArchive: %v, %v; want the note unread", err, a.Problems())
	}
	if err := a.Check(); err == nil || !strings.Contains(err.Error(), "visitors.md:4: ") {
		t.Errorf("Check: %v, want the note's problem", err)
	}
}

// A new date moves the article in Entries; a removed folder leaves it.
func TestArchiveOrderFollowsEdits(t *testing.T) {
	dir, a, ch := followArchive(t)
	slugs := func() string {
		var s []string
		for _, e := range a.Entries() {
			s = append(s, e.Slug)
		}
		return strings.Join(s, " ")
	}
	article := filepath.Join(dir, "riverside-library", "article.md")
	good, _ := os.ReadFile(article)
	os.WriteFile(article, []byte(strings.Replace(string(good), "date: 14 March 2023", "date: 1 January 2099", 1)), 0o644)
	if u := nextArchive(t, ch); u.problem != nil || slugs() != "riverside-library rtl-sample" {
		t.Fatalf("after the new date: %s, %v", slugs(), u.problem)
	}
	os.WriteFile(article, []byte(strings.Replace(string(good), "date: 14 March 2023", "date: 1 January 1999", 1)), 0o644)
	if u := nextArchive(t, ch); u.problem != nil || slugs() != "rtl-sample riverside-library" {
		t.Fatalf("after the old date: %s, %v", slugs(), u.problem)
	}
	os.RemoveAll(filepath.Join(dir, "rtl-sample"))
	deadline := time.Now().Add(10 * time.Second)
	for slugs() != "riverside-library" {
		if time.Now().After(deadline) {
			t.Fatalf("the removed article is still listed: %s", slugs())
		}
		nextArchive(t, ch)
	}
}

// noteText is the plain text of note id's body in articles, "" if none.
func noteText(articles []content.Article, id string) string {
	for _, a := range articles {
		if n, ok := a.Note(id); ok && len(n.Body) > 0 {
			return content.PlainText(n.Body[0].Text)
		}
	}
	return ""
}
