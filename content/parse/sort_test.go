package parse

import (
	"testing"

	"github.com/gloss/gloss/content"
)

func TestTheNewestArticleComesFirst(t *testing.T) {
	d := func(y, m, day int) content.Date { return content.Date{Year: y, Month: m, Day: day} }
	articles := []content.Article{
		{Slug: "a-old", Date: d(2023, 5, 1)},
		{Slug: "z-new", Date: d(2025, 1, 2)},
		{Slug: "b-same-day", Date: d(2025, 1, 2)},
		{Slug: "m-mid", Date: d(2024, 2, 8)},
	}
	SortArticles(articles)
	var got []string
	for _, a := range articles {
		got = append(got, a.Slug)
	}
	want := []string{"b-same-day", "z-new", "m-mid", "a-old"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
}
