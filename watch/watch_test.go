package watch

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/fixtures"
)

type update struct {
	articles []content.Article
	problem  error
}

// follow copies the fixture articles into a temporary folder and watches
// it, handing every change to the returned channel.
func follow(t *testing.T) (dir string, f *Folder, changes <-chan update) {
	t.Helper()
	dir = t.TempDir()
	if err := os.CopyFS(dir, fixtures.FS()); err != nil {
		t.Fatal(err)
	}
	f, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan update, 16)
	done := make(chan error, 1)
	go func() { done <- f.Watch(ctx, func(a []content.Article, err error) { ch <- update{a, err} }) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	// fsnotify has no "ready": give the watches a moment to be in place.
	time.Sleep(100 * time.Millisecond)
	return dir, f, ch
}

// next waits, boundedly, for the next change.
func next(t *testing.T, ch <-chan update) update {
	t.Helper()
	select {
	case u := <-ch:
		return u
	case <-time.After(10 * time.Second):
		t.Fatal("no change reported within 10 s")
		return update{}
	}
}

// noteText is the first paragraph of the riverside article's note id.
func noteText(articles []content.Article, id string) string {
	for _, a := range articles {
		if a.Slug == "riverside-library" {
			if n, ok := a.Note(id); ok {
				return content.PlainText(n.Body[0].Text)
			}
		}
	}
	return ""
}

func TestAnEditedNoteIsReadAgain(t *testing.T) {
	dir, f, ch := follow(t)
	before, err := f.State()
	if err != nil || noteText(before, "visitors") == "" {
		t.Fatalf("%d articles, %v, or no riverside-library", len(before), err)
	}
	note := filepath.Join(dir, "riverside-library", "notes", "visitors.md")
	b, _ := os.ReadFile(note)
	os.WriteFile(note, []byte(strings.Replace(string(b), "Visitor numbers were already falling", "Visits were already falling", 1)), 0o644)
	u := next(t, ch)
	if u.problem != nil || !strings.HasPrefix(noteText(u.articles, "visitors"), "Visits were already falling") {
		t.Fatalf("after the edit: %v, note reads %q", u.problem, noteText(u.articles, "visitors"))
	}
}

// A broken file keeps its article's last good version, reports
// file:line, and fixing the file clears the problem.
func TestABrokenNoteKeepsTheLastGoodVersion(t *testing.T) {
	dir, _, ch := follow(t)
	note := filepath.Join(dir, "riverside-library", "notes", "visitors.md")
	good, _ := os.ReadFile(note)
	os.WriteFile(note, []byte(strings.Replace(string(good), "kind: correction", "kind: correction\nkindd: typo", 1)), 0o644)
	u := next(t, ch)
	if u.problem == nil || !strings.Contains(u.problem.Error(), "visitors.md:4: ") || !strings.Contains(u.problem.Error(), "kindd") {
		t.Fatalf("the broken note is reported as %v, want visitors.md:4 and the field", u.problem)
	}
	if !strings.HasPrefix(noteText(u.articles, "visitors"), "Visitor numbers were already falling") {
		t.Fatal("the article's last good version is not kept")
	}
	os.WriteFile(note, good, 0o644)
	if u := next(t, ch); u.problem != nil || noteText(u.articles, "visitors") == "" {
		t.Fatalf("after the fix: %v, %d articles", u.problem, len(u.articles))
	}
}

// A new article folder is picked up; a removed one is dropped.
func TestArticlesComeAndGo(t *testing.T) {
	dir, f, ch := follow(t)
	start, _ := f.State()
	n := len(start)
	if err := os.CopyFS(filepath.Join(dir, "second-library"), os.DirFS(filepath.Join(dir, "riverside-library"))); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		u := next(t, ch)
		if len(u.articles) == n+1 && u.problem == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the new article was not picked up: %d articles, %v", len(u.articles), u.problem)
		}
	}
	os.RemoveAll(filepath.Join(dir, "second-library"))
	for {
		u := next(t, ch)
		if len(u.articles) == n {
			break
		}
		if time.Now().After(deadline.Add(10 * time.Second)) {
			t.Fatal("the removed article is still served")
		}
	}
}

// An edit that changes an article's date moves it in the site order (the
// first article is the site's home), as the folder holds it in order
// without sorting it again.
func TestANewDateMovesTheArticle(t *testing.T) {
	dir, f, ch := follow(t)
	slugs := func(as []content.Article) string {
		var s []string
		for _, a := range as {
			s = append(s, a.Slug)
		}
		return strings.Join(s, " ")
	}
	start, _ := f.State()
	if got := slugs(start); got != "riverside-library rtl-sample" && got != "rtl-sample riverside-library" {
		t.Fatalf("start: %s", got)
	}
	article := filepath.Join(dir, "riverside-library", "article.md")
	good, _ := os.ReadFile(article)
	for _, c := range []struct{ date, want string }{
		{"1 January 2099", "riverside-library rtl-sample"},
		{"1 January 1999", "rtl-sample riverside-library"},
	} {
		dated := regexp.MustCompile(`(?m)^date: .*$`).ReplaceAll(good, []byte("date: "+c.date))
		os.WriteFile(article, dated, 0o644)
		if u := next(t, ch); u.problem != nil || slugs(u.articles) != c.want {
			t.Fatalf("dated %s: %s (%v), want %s", c.date, slugs(u.articles), u.problem, c.want)
		}
	}
}
