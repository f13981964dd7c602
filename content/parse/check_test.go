package parse

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	const (
		badNote   = `testdata/broken/bad-notes/notes/bad.md:9: unknown field "lang"`
		otherNote = `testdata/broken/bad-notes/notes/other.md:3: kind: "opinion" is not a kind; use context, contested, figure, correction`
	)
	tests := []struct {
		name            string
		paths           []string
		articles, notes int
		want            []string
	}{
		{"root", []string{"testdata/articles"}, 1, 4, nil},
		{"article folder", []string{"testdata/articles/sample-talks/"}, 1, 4, nil},
		{"article.md", []string{"testdata/articles/sample-talks/article.md"}, 1, 4, nil},
		{"note", []string{"testdata/articles/sample-talks/notes/eu-aid.md"}, 1, 1, nil},
		{"each article once", []string{"testdata/articles", "testdata/articles/sample-talks/notes/eu-aid.md"}, 1, 4, nil},
		{"two notes", []string{"testdata/broken/bad-notes/notes/good.md", "testdata/broken/bad-notes/notes/bad.md"}, 1, 2,
			[]string{badNote}},
		{"only the note's problems", []string{"testdata/broken/bad-notes/notes/good.md"}, 1, 1, nil},
		{"all problems", []string{"testdata/broken"}, 1, 0, []string{badNote, otherNote}},
		{"missing", []string{"testdata/nope"}, 0, 0,
			[]string{"testdata/nope: no such file or directory"}},
		{"no article", []string{"testdata"}, 0, 0,
			[]string{"testdata: no article here: an article is a folder holding article.md"}},
		{"not an article file", []string{"testdata/broken/bad-notes/article.md", "errors_test.go"}, 1, 3,
			[]string{
				"errors_test.go: not an article.md, nor a note (notes/<id>.md beside an article.md)",
				badNote, otherNote,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			articles, notes, err := Check(tt.paths)
			got := errorLines(t, err)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got errors:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
			if err == nil && (articles != tt.articles || notes != tt.notes) {
				t.Errorf("checked %d articles, %d notes; want %d, %d", articles, notes, tt.articles, tt.notes)
			}
		})
	}
}

// TestCheckDot checks that "." keeps the folder's name as the slug, and
// that messages use paths relative to where the user is.
func TestCheckDot(t *testing.T) {
	t.Chdir("testdata/broken/bad-notes")
	_, _, err := Check([]string{"."})
	want := []string{
		`notes/bad.md:9: unknown field "lang"`,
		`notes/other.md:3: kind: "opinion" is not a kind; use context, contested, figure, correction`,
	}
	if got := errorLines(t, err); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got errors:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// TestCheckManyInOrder checks that an archive read on every core reports
// its problems in file then line order, the same in every run, as a
// read on one core did.
func TestCheckManyInOrder(t *testing.T) {
	root := t.TempDir()
	var want []string
	for i := range 40 {
		dir := filepath.Join(root, fmt.Sprintf("story-%02d", i))
		if err := os.MkdirAll(filepath.Join(dir, "notes"), 0o755); err != nil {
			t.Fatal(err)
		}
		article := "---\ntitle: T\ndescription: D\ndate: 1 March 2024\nbyline: me\n---\nText.\n"
		note := "---\ntitle: N\nkind: opinion\nsources:\n  - {title: S, publisher: P, url: https://example.org/}\n---\nBody.\n"
		if err := os.WriteFile(filepath.Join(dir, "article.md"), []byte(article), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "notes", "n.md"), []byte(note), 0o644); err != nil {
			t.Fatal(err)
		}
		want = append(want,
			filepath.Join(dir, "article.md")+`:5: unknown field "byline"`,
			filepath.Join(dir, "notes", "n.md")+`:3: kind: "opinion" is not a kind; use context, contested, figure, correction`)
	}
	for run := range 3 {
		articles, notes, err := Check([]string{root})
		if got := errorLines(t, err); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("run %d: got errors:\n\t%s\nwant:\n\t%s", run, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
		}
		if articles != 40 || notes != 0 {
			t.Errorf("run %d: checked %d articles, %d notes; want 40, 0", run, articles, notes)
		}
	}
}
