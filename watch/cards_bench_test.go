package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The archive of issue 28's goal: 10,000 articles, 500 cards, each
// article showing three cards, and the card "talks" shown by 2,000.
const (
	benchArticles = 10000
	benchCards    = 500
	benchUsers    = 2000
)

// localNote is a note written in its article, larger than a reference,
// as real notes are (1 to 3 KB): the index does not read it.
var localNote = "---\ntitle: Istanbul\nkind: context\nanchor: began in Istanbul\nsources:\n  - title: A source\n    publisher: A publisher\n    url: https://example.com/a\n---\n" +
	strings.Repeat("Some context about the talks in Istanbul and what came of them. ", 24) + "\n"

// benchFolder writes the archive; with refs false, its articles show no
// card, their three references replaced by notes of their own, to
// compare.
func benchFolder(b *testing.B, refs bool) string {
	b.Helper()
	dir := b.TempDir()
	files := map[string]string{}
	for i := range benchCards {
		files[fmt.Sprintf("cards/card-%d.md", i)] = sharedCard
	}
	files["cards/talks.md"] = sharedCard
	article := "---\ntitle: Leader open to talks\ndescription: A test article.\ndate: 8 February 2024\n---\n" +
		"The leader said he was open to talks, and talks began in Istanbul. He spoke of aid, of loans and of the front.\n"
	for i := range benchArticles {
		a := fmt.Sprintf("a-%05d/", i)
		files[a+"article.md"] = article
		files[a+"notes/istanbul.md"] = localNote
		if !refs {
			// As many notes, none small enough to be read.
			for _, n := range []string{"talks", "aid", "loans"} {
				files[a+"notes/"+n+".md"] = strings.Replace(localNote, "began in Istanbul", n, 1)
			}
			continue
		}
		first := fmt.Sprintf("card-%d", i%benchCards)
		if i < benchUsers {
			first = "talks"
		}
		files[a+"notes/talks.md"] = "---\ncard: " + first + "\nanchor: open to talks\n---\n"
		files[a+"notes/aid.md"] = fmt.Sprintf("---\ncard: card-%d\nanchor: aid\n---\n", (i+1)%benchCards)
		files[a+"notes/loans.md"] = fmt.Sprintf("---\ncard: card-%d\nanchor: loans\n---\n", (i+2)%benchCards)
	}
	for name, data := range files {
		name = filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkOpenArchive is a server's start on the archive: the index of
// every article (with the cards it shows) and the card library.
func BenchmarkOpenArchive(b *testing.B) {
	for _, refs := range []bool{false, true} {
		b.Run(fmt.Sprintf("cards=%v", refs), func(b *testing.B) {
			dir := benchFolder(b, refs)
			for b.Loop() {
				a, err := OpenArchive(dir)
				if err != nil || a.Problems() != nil {
					b.Fatal(err, a.Problems())
				}
			}
		})
	}
}

// BenchmarkCardSave is the archive's part of a card's save: the card
// read again and the versions of its 2,000 articles folded again, for
// the server to re-render them.
func BenchmarkCardSave(b *testing.B) {
	dir := benchFolder(b, true)
	a, err := OpenArchive(dir)
	if err != nil {
		b.Fatal(err)
	}
	card := filepath.Join(dir, "cards", "talks.md")
	i := 0
	for b.Loop() {
		i++
		if err := os.WriteFile(card, fmt.Appendf(nil, "%sSave %d.\n", sharedCard, i), 0o644); err != nil {
			b.Fatal(err)
		}
		if slugs := a.readCard("talks.md"); len(slugs) != benchUsers {
			b.Fatalf("%d articles changed, want %d", len(slugs), benchUsers)
		}
	}
}
