package watch

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/content/parse"
)

const (
	sharedArticle = `---
title: Leader open to talks
description: A test article.
date: 8 February 2024
---
The leader said he was open to talks, and talks began in Istanbul.
`
	sharedCard = `---
title: The talks
kind: context
updated: 1 March 2025
timeline:
  - date: 29 March 2022
    text: Delegations meet in Istanbul.
  - date: 1 March 2025
    text: Talks resume.
sources:
  - title: A source
    publisher: A publisher
    url: https://example.com/a
---
What the talks were about.
`
	sharedRef = "---\ncard: talks\nanchor: open to talks\n---\n"
)

// sharedFolder writes a content folder of three articles, two of which
// show the card talks, and opens it as an Archive.
func sharedFolder(t *testing.T) (string, *Archive) {
	t.Helper()
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"cards/talks.md":         sharedCard,
		"early/article.md":       sharedArticle,
		"early/notes/context.md": sharedRef,
		"late/article.md":        strings.Replace(sharedArticle, "8 February 2024", "1 January 2025", 1),
		"late/notes/talks.md":    sharedRef,
		"none/article.md":        strings.Replace(sharedArticle, "8 February 2024", "1 January 2023", 1),
	})
	a, err := OpenArchive(dir)
	if err != nil || a.Problems() != nil {
		t.Fatal(err, a.Problems())
	}
	return dir, a
}

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		name = filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// watchArchive follows a's folder, handing every change to the channel.
func watchArchive(t *testing.T, a *Archive) <-chan archiveUpdate {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan archiveUpdate, 16)
	done := make(chan error, 1)
	go func() {
		done <- a.Watch(ctx, func(slugs []string, err error) { ch <- archiveUpdate{slugs, err} })
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	// fsnotify has no "ready": give the watches a moment to be in place.
	time.Sleep(100 * time.Millisecond)
	return ch
}

// The archive serves its shared cards as the parser reads the whole
// folder: its library, and each card's uses.
func TestArchiveServesCardsAsTheFolderReads(t *testing.T) {
	dir, a := sharedFolder(t)
	articles, err := parse.Tree(os.DirFS(dir), ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range articles {
		got, _, err := a.Article(want.Slug)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %+v, %v;\nwant %+v", want.Slug, got.Notes, err, want.Notes)
		}
	}
	if cards := a.Cards(); len(cards) != 1 || cards[0].ID != "talks" {
		t.Errorf("Cards() = %+v", cards)
	}
}

// A card's save changes the articles that show it, and only those; a
// save that does not parse keeps the card's last good version and says
// why; an article that starts showing the card changes the others'
// "Used in".
func TestArchiveCardSave(t *testing.T) {
	dir, a := sharedFolder(t)
	ch := watchArchive(t, a)
	versions := func() map[string]string {
		v := make(map[string]string)
		for _, e := range a.Entries() {
			v[e.Slug] = e.Version
		}
		return v
	}
	// The note showing the card in each article: references' ids are
	// their own, not the card's.
	notes := map[string]string{"early": "context", "late": "talks", "none": "talks"}
	a.Article("late") // the editor's tab has it open: the archive keeps it
	before := versions()
	card := filepath.Join(dir, "cards", "talks.md")
	write(t, dir, map[string]string{"cards/talks.md": strings.Replace(sharedCard, "Talks resume.", "Talks resume in Riyadh.", 1)})
	u := nextArchive(t, ch)
	if strings.Join(u.slugs, " ") != "early late" || u.problem != nil {
		t.Fatalf("the card's save is reported as %v, %v; want early late", u.slugs, u.problem)
	}
	after := versions()
	if after["early"] == before["early"] || after["late"] == before["late"] || after["none"] != before["none"] {
		t.Errorf("versions %v, then %v: want early's and late's changed", before, after)
	}
	for _, slug := range []string{"early", "late"} {
		n := noteOf(t, a, slug, notes[slug])
		if got := content.PlainText(n.Since.Events[len(n.Since.Events)-1].Text); got != "Talks resume in Riyadh." {
			t.Errorf("%s shows %q", slug, got)
		}
	}
	good := noteOf(t, a, "early", "context")

	os.WriteFile(card, []byte(strings.Replace(sharedCard, "kind: context", "kind: rumour", 1)), 0o644)
	u = nextArchive(t, ch)
	if len(u.slugs) != 0 || u.problem == nil || !strings.Contains(u.problem.Error(), filepath.Join("cards", "talks.md")+":3: kind") {
		t.Fatalf("the broken save is reported as %v, %v; want no article, talks.md:3", u.slugs, u.problem)
	}
	if n := noteOf(t, a, "early", "context"); !reflect.DeepEqual(n, good) {
		t.Errorf("the card's last good version is not kept: %+v", n)
	}

	write(t, dir, map[string]string{"none/notes/talks.md": sharedRef})
	u = nextArchive(t, ch)
	if strings.Join(u.slugs, " ") != "early late none" || u.problem == nil {
		t.Fatalf("a new reference is reported as %v, %v; want early late none, and the card's problem", u.slugs, u.problem)
	}
	for _, slug := range []string{"early", "late", "none"} {
		if n := noteOf(t, a, slug, notes[slug]); n.Uses != 3 {
			t.Errorf("%s: the card is used in %d articles, want 3", slug, n.Uses)
		}
	}
}

func noteOf(t *testing.T, a *Archive, slug, id string) content.Note {
	t.Helper()
	art, _, err := a.Article(slug)
	if err != nil {
		t.Fatal(err)
	}
	n, ok := art.Note(id)
	if !ok {
		t.Fatalf("%s has no note %s", slug, id)
	}
	return n
}
