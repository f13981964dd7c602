package parse

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// An archive reads its library, counts the articles that show each card,
// and folds each card's version and uses into the entries that show it,
// and only those: an edit of a card, or a new article showing it,
// changes exactly their versions.
func TestArchiveCardVersions(t *testing.T) {
	files := sharedArchive()
	versions := func() map[string]string {
		t.Helper()
		arch, err := OpenArchive(mapFS(files), "articles")
		if err != nil {
			t.Fatal(err)
		}
		v := make(map[string]string)
		for _, e := range arch.Entries() {
			v[e.Slug] = e.Version
		}
		return v
	}
	arch, err := OpenArchive(mapFS(files), "articles")
	if err != nil {
		t.Fatal(err)
	}
	if cards := arch.Cards(); len(cards) != 1 || cards[0].ID != "talks" {
		t.Fatalf("Cards() = %+v", cards)
	}
	a, e, err := arch.Article("late")
	if n, _ := a.Note("talks"); err != nil || n.Uses != 2 || !reflect.DeepEqual(e.Cards, []string{"talks"}) {
		t.Errorf("Article(late): note %+v, entry %+v, %v", n, e, err)
	}
	for slug, shows := range map[string]bool{"early": true, "late": true, "none": false} {
		files, _ := IndexArticle(mapFS(files), "articles/"+slug)
		if folded := versions()[slug]; (folded != files.Version) != shows {
			t.Errorf("%s: version %s, its files' %s", slug, folded, files.Version)
		}
	}

	changes := []struct {
		name    string
		change  func()
		changed string
	}{
		{"card edited", func() { files["articles/cards/talks.md"] = okCard + "More.\n" }, "early late"},
		{"another card added", func() { files["articles/cards/other.md"] = okCard }, ""},
		{"an article shows the card", func() { files["articles/none/notes/t.md"] = okRef }, "early late none"},
		{"it shows another card too", func() {
			files["articles/none/notes/o.md"] = strings.Replace(strings.Replace(okRef, "talks", "other", 1), "open to talks", "began in Istanbul", 1)
		}, "none"},
		{"the other card edited", func() { files["articles/cards/other.md"] = okCard + "Other.\n" }, "none"},
	}
	before := versions()
	for _, c := range changes {
		c.change()
		after := versions()
		var changed []string
		for _, slug := range []string{"early", "late", "none"} {
			if after[slug] != before[slug] {
				changed = append(changed, slug)
			}
		}
		if got := strings.Join(changed, " "); got != c.changed {
			t.Errorf("%s: the versions of %q changed, want %q", c.name, got, c.changed)
		}
		before = after
	}

	files["articles/cards/other.md"] = "broken"
	if _, err := OpenArchive(mapFS(files), "articles"); err == nil || !strings.Contains(err.Error(), "articles/cards/other.md:1: ") {
		t.Errorf("a broken card: OpenArchive: %v", err)
	}
}

// gloss check of a note, or of an article folder, reads the cards it
// shows from the library beside it, and names their files from where
// the editor is; of a folder of articles, every card.
func TestCheckCards(t *testing.T) {
	dir := t.TempDir()
	files := sharedArchive()
	files["articles/cards/talks.md"] = strings.Replace(okCard, "kind: context", "kind: rumour", 1)
	files["articles/cards/unused.md"] = strings.Replace(okCard, "title: The talks since 2022\n", "", 1)
	for name, data := range files {
		name = filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(filepath.Join(dir, "articles"))
	const (
		talks  = `cards/talks.md:3: kind: "rumour" is not a kind; use context, contested, figure, correction`
		unused = `cards/unused.md:2: missing required field "title"`
	)
	tests := []struct {
		paths []string
		want  []string
	}{
		{[]string{"early/notes/context.md"}, []string{talks}},
		{[]string{"late"}, []string{talks}},
		{[]string{"none"}, nil},
		{[]string{"."}, []string{talks, unused}},
		{[]string{"../articles"}, []string{"../articles/" + talks, "../articles/" + unused}},
	}
	for _, tt := range tests {
		_, _, err := Check(tt.paths)
		if got := errorLines(t, err); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Check(%v): got errors:\n\t%s\nwant:\n\t%s", tt.paths, strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
		}
	}
}
