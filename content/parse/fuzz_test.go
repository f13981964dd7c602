package parse

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"os"
	"path"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gloss/gloss/content"
)

// FuzzArticle feeds an article.md and up to two notes to Article, beside
// a library of one card (talks), which a note may reference. It must
// never panic; every error must be a *Error in the article's files; and
// when there is no error, the article must be one the UI can trust, and
// its entry must show the cards it shows.
func FuzzArticle(f *testing.F) {
	for _, dir := range []string{"../../articles", "testdata/articles", "testdata/broken"} {
		addSeeds(f, os.DirFS(dir))
	}
	f.Add([]byte(okArticle), []byte(okNote), []byte(note("anchor: Istanbul\n")))
	f.Add([]byte(okArticle), []byte(okRef), []byte(strings.Replace(okRef, "open to talks", "began in Istanbul", 1)))
	f.Fuzz(func(t *testing.T, article, note1, note2 []byte) {
		fsys := fstest.MapFS{"a/article.md": {Data: article}, "cards/talks.md": {Data: []byte(okCard)}}
		// An empty note stands for no note, so articles with fewer notes
		// are explored too.
		if len(note1) > 0 {
			fsys["a/notes/one.md"] = &fstest.MapFile{Data: note1}
		}
		if len(note2) > 0 {
			fsys["a/notes/two.md"] = &fstest.MapFile{Data: note2}
		}
		a, err := Article(fsys, "a")
		// The index reads what the article reads of article.md: an
		// article that parses has the entry its fields give.
		entry, indexErr := IndexArticle(fsys, "a")
		for _, err := range []error{err, indexErr} {
			if err == nil {
				continue
			}
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				var pe *Error
				if !errors.As(e, &pe) || !strings.HasPrefix(pe.File, "a/") || pe.Line < 0 || pe.Msg == "" {
					t.Errorf("bad error %#v", e)
				}
			}
		}
		if err != nil {
			return
		}
		for _, n := range a.Notes {
			if n.Card != "" && (n.Card != "talks" || n.Version != cardVersion([]byte(okCard))) {
				t.Errorf("note %q shows card %q version %q", n.ID, n.Card, n.Version)
			}
		}
		if indexErr != nil || !reflect.DeepEqual(entry, content.EntryOf(a, entry.Version)) {
			t.Errorf("the article parses but its entry is %+v, %v", entry, indexErr)
		}
		if err := validate(a); err != nil {
			t.Errorf("Article returned no error but an invalid article: %v\n%#v", err, a)
		}
	})
}

// addSeeds adds every article under root (if root exists) as seeds: its
// article.md with its notes two at a time.
func addSeeds(f *testing.F, fsys fs.FS) {
	dirs, _ := articleDirs(fsys, ".")
	for _, dir := range dirs {
		article, err := fs.ReadFile(fsys, path.Join(dir, "article.md"))
		if err != nil {
			continue
		}
		names, _ := fs.Glob(fsys, path.Join(dir, "notes", "*.md"))
		var notes [][]byte
		for _, name := range names {
			if data, err := fs.ReadFile(fsys, name); err == nil {
				notes = append(notes, data)
			}
		}
		notes = append(notes, nil, nil)
		for i := 0; i+1 < len(notes); i += 2 {
			f.Add(article, notes[i], notes[i+1])
		}
	}
}

// validate checks what the UI relies on, independently of the parser's
// own code paths.
func validate(a content.Article) error {
	if !validName.MatchString(a.Slug) || a.Title == "" || a.Description == "" || a.Lang == "" {
		return fmt.Errorf("bad article fields")
	}
	if a.Date.Day == 0 || a.Date.Month == 0 || a.Date.Year == 0 {
		return fmt.Errorf("bad date %+v", a.Date)
	}
	if len(a.Body) == 0 {
		return fmt.Errorf("empty body")
	}
	opened := make(map[string]content.Inline)
	if err := validateBlocks(a.Body, func(in content.Inline) error {
		if in.Note == "" {
			return nil
		}
		if _, dup := opened[in.Note]; dup {
			return fmt.Errorf("note %q opened twice", in.Note)
		}
		opened[in.Note] = in
		return nil
	}); err != nil {
		return err
	}
	seenAbout := false
	for i, n := range a.Notes {
		if err := validateNote(n); err != nil {
			return fmt.Errorf("note %q: %v", n.ID, err)
		}
		in, ok := opened[n.ID]
		switch {
		case n.Anchor == "" && ok, n.Anchor != "" && !ok:
			return fmt.Errorf("note %q: anchor %q but opened by %+v", n.ID, n.Anchor, in)
		case n.Anchor != "" && in.Text != n.Anchor:
			return fmt.Errorf("note %q: anchor %q but opened by %q", n.ID, n.Anchor, in.Text)
		case n.Anchor != "" && seenAbout:
			return fmt.Errorf("note %q: anchored note after an unanchored one", n.ID)
		case n.Anchor == "" && seenAbout && a.Notes[i-1].ID > n.ID:
			return fmt.Errorf("note %q: unanchored notes out of order", n.ID)
		}
		seenAbout = seenAbout || n.Anchor == ""
		delete(opened, n.ID)
	}
	if len(opened) > 0 {
		return fmt.Errorf("runs open missing notes: %v", opened)
	}
	return nil
}

func validateNote(n content.Note) error {
	if !validName.MatchString(n.ID) || n.Title == "" || !slices.Contains(content.Kinds, n.Kind) {
		return fmt.Errorf("bad fields")
	}
	if len(n.Sources) == 0 {
		return fmt.Errorf("no sources")
	}
	for _, s := range n.Sources {
		if s.Title == "" || s.Publisher == "" || !isHTTP(s.URL) {
			return fmt.Errorf("bad source %+v", s)
		}
	}
	noNotes := func(in content.Inline) error {
		if in.Note != "" {
			return fmt.Errorf("note text opens a note")
		}
		return nil
	}
	if err := validateBlocks(n.Body, noNotes); err != nil {
		return err
	}
	if err := validateBlocks(n.Since.Body, noNotes); err != nil {
		return err
	}
	for i, e := range n.Timeline {
		if e.Date.IsZero() || len(e.Text) == 0 || i > 0 && e.Date.Before(n.Timeline[i-1].Date) {
			return fmt.Errorf("bad event %+v", e)
		}
		if err := validateInlines(e.Text, noNotes); err != nil {
			return err
		}
	}
	for _, fg := range n.Figures.Items {
		if math.IsNaN(fg.Amount) || math.IsInf(fg.Amount, 0) || fg.Amount < 0 ||
			(fg.Currency == "") == (fg.Unit == "") || fg.Currency+fg.Unit != n.Figures.Items[0].Currency+n.Figures.Items[0].Unit ||
			!slices.Contains([]string{"", "k", "m", "bn"}, fg.Scale) {
			return fmt.Errorf("bad figure %+v", fg)
		}
	}
	return nil
}

func validateBlocks(blocks []content.Block, check func(content.Inline) error) error {
	for _, b := range blocks {
		if b.Kind == content.List {
			if len(b.Items) == 0 || len(b.Text) != 0 {
				return fmt.Errorf("bad list %+v", b)
			}
			for _, item := range b.Items {
				if err := validateInlines(item, check); err != nil {
					return err
				}
			}
			continue
		}
		if len(b.Items) != 0 || len(b.Text) == 0 {
			return fmt.Errorf("bad block %+v", b)
		}
		if err := validateInlines(b.Text, check); err != nil {
			return err
		}
	}
	return nil
}

func validateInlines(runs []content.Inline, check func(content.Inline) error) error {
	for _, in := range runs {
		if in.Text == "" || in.Href != "" && !isHTTP(in.Href) || in.Href != "" && in.Note != "" {
			return fmt.Errorf("bad inline %+v", in)
		}
		if err := check(in); err != nil {
			return err
		}
	}
	return nil
}

func isHTTP(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (strings.EqualFold(u.Scheme, "http") || strings.EqualFold(u.Scheme, "https")) && u.Hostname() != ""
}

// FuzzCard feeds a card file to the library. It must never panic; every
// error must be a *Error in the card's file; and a card that parses must
// be one the UI can trust as a note.
func FuzzCard(f *testing.F) {
	f.Add([]byte(okCard))
	if names, err := fs.Glob(os.DirFS("../../articles"), "cards/*.md"); err == nil {
		for _, name := range names {
			if data, err := fs.ReadFile(os.DirFS("../../articles"), name); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, card []byte) {
		cards, err := Cards(fstest.MapFS{"cards/c.md": {Data: card}}, ".")
		if err != nil {
			for _, e := range unwrap(err) {
				if e.File != "cards/c.md" || e.Line < 0 || e.Msg == "" {
					t.Errorf("bad error %#v", e)
				}
			}
			return
		}
		if len(cards) != 1 || cards[0].Version == "" || slices.Contains(cards[0].Aliases, "") {
			t.Fatalf("cards %+v", cards)
		}
		for _, published := range []content.Date{{Year: 2024, Month: 2, Day: 8}, {Year: 1900, Month: 1, Day: 1}} {
			n := cards[0].For(cards[0].ID, "anchor", published, 1)
			n.Timeline = append(n.Timeline, n.Since.Events...)
			if err := validateNote(n); err != nil {
				t.Errorf("Cards returned no error but an invalid card: %v\n%#v", err, cards[0])
			}
		}
	})
}
