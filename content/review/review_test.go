package review

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gloss/gloss/content"
)

var cards = []content.Card{
	{ID: "facility", Title: "The EU's Ukraine Facility", Aliases: []string{"Ukraine Facility", "EU aid package"}},
	{ID: "istanbul", Title: "The Istanbul talks of 2022", Aliases: []string{"Istanbul talks"}},
}

func TestTermsFindWholePhrasesInAnyCase(t *testing.T) {
	terms := NewTerms(cards)
	for text, want := range map[string][]string{
		"The ukraine facility pays out.":                   {"facility"},
		"Talks in Istanbul, then the Istanbul Talks again": {"istanbul"},
		"The UkraineFacility is one word here.":            nil,
		"An EU aid packages list is not the package.":      nil,
		"Istanbul talks and the EU aid package":            {"istanbul", "facility"},
		"The EU's Ukraine Facility":                        {"facility"},
		"Facility, Ukraine":                                nil,
	} {
		if got := terms.Find(text); !reflect.DeepEqual(got, want) {
			t.Errorf("Find(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestSentencesSplitAtTheirEnds(t *testing.T) {
	a := content.Article{Body: []content.Block{
		{Text: []content.Inline{{Text: "Putin spoke. He named the "}, {Text: "Istanbul talks", Em: true}, {Text: " of 2022! Was it true? 3 sides disagree."}}},
		{Kind: content.Heading, Text: []content.Inline{{Text: "A heading"}}},
	}}
	want := []string{"Putin spoke.", "He named the Istanbul talks of 2022!", "Was it true?", "3 sides disagree.", "A heading"}
	if got := Sentences(a); !reflect.DeepEqual(got, want) {
		t.Errorf("Sentences = %q, want %q", got, want)
	}
}

func article(slug string, text string, cards ...string) content.Article {
	a := content.Article{Slug: slug, Body: []content.Block{{Text: []content.Inline{{Text: text}}}}}
	for _, c := range cards {
		a.Notes = append(a.Notes, content.Note{ID: c, Card: c})
	}
	return a
}

func TestReviewWarnsOfUnusedStaleAndNotYetIncludedCards(t *testing.T) {
	terms := NewTerms(cards)
	raw := []byte("---\ntitle: x\n---\nFirst line.\nThe Istanbul talks failed. The EU aid package passed.\n")
	arts := []Article{
		Of(article("a", "The Istanbul talks failed. The EU aid package passed.", "facility"), "a/article.md", func() []byte { return raw }, terms),
		Of(article("b", "Nothing to see.", "facility"), "b/article.md", func() []byte { t.Error("article b, which names no card, was read again"); return nil }, terms),
	}
	lib := []Card{
		{Card: content.Card{ID: "facility", Title: "The EU's Ukraine Facility", Updated: content.Date{Year: 2026, Month: 11, Day: 30}}, File: "cards/facility.md"},
		{Card: content.Card{ID: "istanbul", Title: "The Istanbul talks of 2022", Updated: content.Date{Year: 2026, Month: 5}}, File: "cards/istanbul.md"},
	}
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	r := Review(lib, arts, Options{Now: now, Stale: 180 * 24 * time.Hour})
	var got []string
	for _, w := range r.Warnings {
		got = append(got, w.Kind+" "+w.Card+" "+w.String())
	}
	want := []string{
		`not-included istanbul a/article.md:5: warning: not yet included: "The Istanbul talks failed." names card "istanbul" (The Istanbul talks of 2022) but the article has no note for it`,
		`unused istanbul cards/istanbul.md: warning: card "istanbul" is shown by no article`,
		`stale istanbul cards/istanbul.md: warning: card "istanbul" is stale: updated May 2026, more than 180 days before today`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantUsage := []Usage{
		{Card: "facility", File: "cards/facility.md", Articles: 2, Updated: "2026-11-30"},
		{Card: "istanbul", File: "cards/istanbul.md", Articles: 0, Updated: "2026-05", Stale: true},
	}
	if !reflect.DeepEqual(r.Usage, wantUsage) {
		t.Errorf("usage = %+v, want %+v", r.Usage, wantUsage)
	}
}

func TestAMonthOnlyUpdatedCountsFromItsLastDay(t *testing.T) {
	o := Options{Now: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC), Stale: 180 * 24 * time.Hour}
	// June's last day, the 30th, is 160 days before.
	if isStale(content.Date{Year: 2026, Month: 6}, o) {
		t.Error("June 2026 is stale on 7 December 2026 with 180 days")
	}
	if !isStale(content.Date{Year: 2025}, o) {
		t.Error("2025 is not stale on 7 December 2026 with 180 days")
	}
	if !isStale(content.Date{Year: 2026, Month: 5, Day: 1}, o) {
		t.Error("1 May 2026 is not stale on 7 December 2026 with 180 days")
	}
}
