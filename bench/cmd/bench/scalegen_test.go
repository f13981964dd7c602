package main

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gloss/gloss/content/parse"
)

func TestShuffleWordsKeepsPhrasesWhole(t *testing.T) {
	text := "Putin alluded to a previously drafted peace agreement in Istanbul, which could have ended the war."
	keep := []string{"a previously drafted peace agreement in Istanbul", "ended"}
	rng := rand.New(rand.NewPCG(1, 2))
	changed := false
	for range 20 {
		got := ShuffleWords(text, keep, rng)
		for _, k := range keep {
			if strings.Count(got, k) != 1 {
				t.Fatalf("%q holds %q %d times, want once", got, k, strings.Count(got, k))
			}
		}
		want := strings.Fields(text)
		have := strings.Fields(got)
		slices.Sort(want)
		slices.Sort(have)
		if !slices.Equal(want, have) {
			t.Fatalf("the words changed:\n got %q\nfrom %q", got, text)
		}
		changed = changed || got != text
	}
	if !changed {
		t.Error("20 shuffles all gave the text back unchanged")
	}
}

// No shuffle starts a line with a word that would make it a list item.
func TestShuffleWordsStartsNoBlock(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 50 {
		got := ShuffleWords("The talks of 2022. ended - 1. as * signed", nil, rng)
		if first, _, _ := strings.Cut(got, " "); startsBlock.MatchString(first) {
			t.Fatalf("%q starts with %q", got, first)
		}
	}
}

func TestSplitMarker(t *testing.T) {
	for _, c := range []struct{ line, marker, text string }{
		{"## A Conflict Rooted", "## ", "A Conflict Rooted"},
		{"- item words", "- ", "item words"},
		{"#hashtag is text", "", "#hashtag is text"},
		{"Plain text", "", "Plain text"},
	} {
		m, txt := splitMarker(c.line)
		if m != c.marker || txt != c.text {
			t.Errorf("splitMarker(%q) = %q, %q; want %q, %q", c.line, m, txt, c.marker, c.text)
		}
	}
}

// Copies of the seed parse, each with its own slug and date, and no two
// alike.
func TestGenArticlesFromTheSeed(t *testing.T) {
	seed := filepath.Join("..", "..", "..", "articles", "ukraine-talks-2024")
	dir := t.TempDir()
	slugs, err := GenArticles(seed, dir, 3, rand.New(rand.NewPCG(3, 4)))
	if err != nil {
		t.Fatal(err)
	}
	got, err := parse.Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || len(slugs) != 3 {
		t.Fatalf("%d articles, %d slugs; want 3", len(got), len(slugs))
	}
	seedArticles, err := parse.Load([]string{seed})
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range got {
		if a.Slug != slugs[i] {
			t.Errorf("article %d is %s, want %s (the newest first)", i, a.Slug, slugs[i])
		}
		if len(a.Notes) != len(seedArticles[0].Notes) {
			t.Errorf("%s has %d notes, the seed %d", a.Slug, len(a.Notes), len(seedArticles[0].Notes))
		}
		// Each copy shows the first variant of each card the seed shows,
		// which every copy of a small archive shares.
		var want []string
		for _, id := range seedArticles[0].CardIDs() {
			want = append(want, cardCopyID(id, 0))
		}
		if ids := a.CardIDs(); len(want) == 0 || !slices.Equal(ids, want) {
			t.Errorf("%s shows the cards %v, want %v", a.Slug, ids, want)
		}
		for _, n := range a.Notes {
			if n.Card != "" && n.Uses != 3 {
				t.Errorf("%s: card %s is used %d times, want 3", a.Slug, n.Card, n.Uses)
			}
		}
		if i > 0 && !got[i].Date.Before(got[i-1].Date) {
			t.Errorf("%s is dated %v, not before %v", a.Slug, a.Date, got[i-1].Date)
		}
	}
	bodies := map[string]bool{}
	for _, s := range append(slugs, "") {
		p := filepath.Join(dir, s, "article.md")
		if s == "" {
			p = filepath.Join(seed, "article.md")
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		_, body, err := splitFront(b)
		if err != nil {
			t.Fatal(err)
		}
		bodies[string(body)] = true
	}
	if len(bodies) != 4 {
		t.Errorf("%d distinct bodies among the seed and 3 copies, want 4", len(bodies))
	}
}

// TestCachedArticlesAreReused checks that a second run reuses the folder
// the first wrote, and that a change of the seed writes it again.
func TestCachedArticlesAreReused(t *testing.T) {
	tmp := t.TempDir()
	seed := filepath.Join(tmp, "seed")
	if err := os.CopyFS(seed, os.DirFS("../../../articles/ukraine-talks-2024")); err != nil {
		t.Fatal(err)
	}
	// The cards the seed shows, beside it as in articles/.
	if err := os.CopyFS(filepath.Join(tmp, "cards"), os.DirFS("../../../articles/cards")); err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	dir, slugs, err := CachedArticles(seed, cache, 3)
	if err != nil || len(slugs) != 3 {
		t.Fatalf("CachedArticles: %v, %d slugs", err, len(slugs))
	}
	mark := filepath.Join(dir, slugs[0], "article.md")
	if err := os.WriteFile(mark, []byte("kept"), 0o644); err != nil {
		t.Fatal(err)
	}
	again, _, err := CachedArticles(seed, cache, 3)
	if b, _ := os.ReadFile(mark); err != nil || again != dir || string(b) != "kept" {
		t.Fatalf("second run: %s, %v; the folder was not reused", again, err)
	}
	f, _ := os.OpenFile(filepath.Join(seed, "article.md"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("\nOne more sentence.\n")
	f.Close()
	fresh, _, err := CachedArticles(seed, cache, 3)
	if b, _ := os.ReadFile(filepath.Join(fresh, slugs[0], "article.md")); err != nil || string(b) == "kept" {
		t.Fatalf("after a seed change: %v; the folder was not written again", err)
	}
	if old, _ := filepath.Glob(filepath.Join(cache, "3-*")); len(old) != 1 {
		t.Errorf("%d folders of 3 articles kept, want 1", len(old))
	}
}
