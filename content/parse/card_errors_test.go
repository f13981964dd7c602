package parse

import (
	"strings"
	"testing"
)

// TestCardErrors checks that every problem of a card, or of a reference
// to one, is reported at its file and line, as a note's are.
func TestCardErrors(t *testing.T) {
	card := func(old, new string) string { return strings.Replace(okCard, old, new, 1) }
	tests := []struct {
		name  string
		files map[string]string // replace or add files of the archive: cards/…, x/…
		want  []string
	}{
		// References.
		{"unknown card", map[string]string{"x/notes/r.md": "---\ncard: nope\nanchor: open to talks\n---\n"},
			[]string{`cards/x/notes/r.md:2: card: unknown card "nope": no cards/nope.md`}},
		{"not a card id", map[string]string{"x/notes/r.md": "---\ncard: ../talks\nanchor: open to talks\n---\n"},
			[]string{`cards/x/notes/r.md:2: card: "../talks" is not a card id: it is the name of cards/<id>.md, lowercase letters, digits and hyphens`}},
		{"empty card", map[string]string{"x/notes/r.md": "---\ncard:\nanchor: open to talks\n---\n"},
			[]string{`cards/x/notes/r.md:2: card: must not be empty`}},
		{"a note's field in a reference", map[string]string{"x/notes/r.md": "---\ncard: talks\nanchor: open to talks\ntitle: Mine\n---\n"},
			[]string{`cards/x/notes/r.md:4: unknown field "title": a card reference has only card and anchor (the card's fields are in cards/<id>.md)`}},
		{"empty anchor", map[string]string{"x/notes/r.md": "---\ncard: talks\nanchor: \"\"\n---\n"},
			[]string{`cards/x/notes/r.md:3: anchor: must not be empty: give the phrase the card explains, or leave anchor out to show the card under About this article`}},
		{"anchor not found", map[string]string{"x/notes/r.md": "---\ncard: talks\nanchor: closed to talks\n---\n"},
			[]string{`cards/x/notes/r.md:3: anchor: "closed to talks" does not occur in the article`}},
		{"card given twice", map[string]string{"x/notes/r.md": "---\ncard: talks\ncard: talks\nanchor: open to talks\n---\n"},
			[]string{`cards/x/notes/r.md:3: field "card" is given twice (first on line 2)`}},
		{"a body", map[string]string{"x/notes/r.md": okRef + "\nMy own words.\n"},
			[]string{`cards/x/notes/r.md:6: a card reference has no text of its own: write it in cards/talks.md`}},
		{"too large", map[string]string{"x/notes/r.md": "---\n# " + strings.Repeat("x", 1024) + "\ncard: talks\nanchor: open to talks\n---\n"},
			[]string{`cards/x/notes/r.md: a card reference is at most 1024 bytes (card and anchor, no text); this one is 1069`}},
		{"overlaps a note", map[string]string{"x/notes/n.md": okNote, "x/notes/r.md": strings.Replace(okRef, "open to talks", "open to", 1)},
			[]string{
				`cards/x/notes/n.md:4: anchor: "open to talks" overlaps the anchor of note "r"`,
				`cards/x/notes/r.md:3: anchor: "open to" overlaps the anchor of note "n"`,
			}},
		// The card a reference shows is read, and its problems reported
		// in its own file.
		{"card without updated", map[string]string{"cards/talks.md": card("updated: 1 March 2025\n", "")},
			[]string{`cards/cards/talks.md:2: missing required field "updated"`}},
		{"card with an anchor", map[string]string{"cards/talks.md": card("updated:", "anchor: open to talks\nupdated:")},
			[]string{`cards/cards/talks.md:4: unknown field "anchor"`}},
		{"card with since", map[string]string{"cards/talks.md": card("updated:", "since: {as_of: 2025, text: x}\nupdated:")},
			[]string{`cards/cards/talks.md:4: unknown field "since"`}},
		{"card updated not a date", map[string]string{"cards/talks.md": card("updated: 1 March 2025", "updated: soon")},
			[]string{`cards/cards/talks.md:4: updated: "soon" is not a date; write it like "29 March 2022", "March 2022" or "2022"`}},
		{"empty alias", map[string]string{"cards/talks.md": card("  - peace talks\n", "  - peace talks\n  - \"\"\n")},
			[]string{`cards/cards/talks.md:7: aliases[2]: must not be empty`}},
		{"aliases not a list", map[string]string{"cards/talks.md": card("aliases:\n  - peace talks\n", "aliases: peace talks\n")},
			[]string{`cards/cards/talks.md:5: aliases: must be a list ("- item"), not text`}},
		{"card timeline out of order", map[string]string{"cards/talks.md": card("date: 1 March 2025", "date: 1 March 2023")},
			[]string{`cards/cards/talks.md:16: timeline[5].date: 1 March 2023 is before the event above it (9 February 2024): list events oldest first`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{
				"cards/x/article.md":   okArticle,
				"cards/x/notes/r.md":   okRef,
				"cards/cards/talks.md": okCard,
			}
			for name, data := range tt.files {
				files["cards/"+name] = data
			}
			_, err := Article(mapFS(files), "cards/x")
			got := errorLines(t, err)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got errors:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

// A folder of articles reports every card's problems, whether an
// article shows the card or not, each once, and files of the cards
// folder that are not cards.
func TestTreeCardErrors(t *testing.T) {
	files := sharedArchive()
	files["articles/cards/talks.md"] = strings.Replace(okCard, "kind: context", "kind: rumour", 1)
	files["articles/cards/unused.md"] = strings.Replace(okCard, "updated: 1 March 2025\n", "", 1)
	files["articles/cards/Bad_Name.md"] = okCard
	files["articles/cards/notes.txt"] = "notes"
	files["articles/cards/notes/n.md"] = okNote
	_, err := Tree(mapFS(files), "articles")
	want := []string{
		`articles/cards/Bad_Name.md: invalid card file name "Bad_Name.md": use lowercase letters, digits and hyphens, then .md`,
		`articles/cards/notes: not a card: the cards folder holds files named <id>.md`,
		`articles/cards/notes.txt: not a card: the cards folder holds files named <id>.md`,
		`articles/cards/talks.md:3: kind: "rumour" is not a kind; use context, contested, figure, correction`,
		`articles/cards/unused.md:2: missing required field "updated"`,
	}
	if got := errorLines(t, err); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got errors:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}
