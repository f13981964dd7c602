package parse

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/gloss/gloss/content"
)

func TestArticle(t *testing.T) {
	got, err := Article(os.DirFS("testdata/articles"), "sample-talks")
	if err != nil {
		t.Fatal(err)
	}
	want := content.Article{
		Slug:        "sample-talks",
		Title:       "Leader says he is open to talks",
		Description: "A sample article with one note of each kind, for the parser's tests.",
		Lang:        "en",
		Date:        content.Date{Year: 2024, Month: 2, Day: 8},
		Body: []content.Block{
			{Kind: content.Paragraph, Text: []content.Inline{
				{Text: "The leader said on Thursday that he was "},
				{Text: "open to talks", Em: true},
				{Text: ", and recalled "},
				{Text: "a previously drafted peace agreement in Istanbul", Note: "istanbul-talks"},
				{Text: "."},
			}},
			{Kind: content.Heading, Text: []content.Inline{{Text: "Aid"}}},
			{Kind: content.Paragraph, Text: []content.Inline{
				{Text: "The European Union approved "},
				{Text: "€50 billion", Strong: true, Note: "eu-aid"},
				{Text: " in aid, according to "},
				{Text: "the Council", Href: "https://www.consilium.europa.eu/en/press/"},
				{Text: ". Critics said "},
				{Text: "the talks", Note: "pretext"},
				{Text: " were a pretext; supporters said the talks were sincere."},
			}},
		},
		Notes: []content.Note{
			{
				ID:     "istanbul-talks",
				Kind:   content.KindContext,
				Title:  "The Istanbul talks of 2022",
				Anchor: "a previously drafted peace agreement in Istanbul",
				Body: []content.Block{{Kind: content.Paragraph, Text: []content.Inline{
					{Text: "Delegations met in Istanbul in "},
					{Text: "March 2022", Strong: true},
					{Text: "."},
				}}},
				Timeline: []content.Event{
					{Date: content.Date{Year: 2022, Month: 3, Day: 29}, Text: []content.Inline{
						{Text: "Delegations meet at "}, {Text: "Dolmabahçe", Em: true}, {Text: " Palace."},
					}},
					{Date: content.Date{Year: 2022, Month: 4}, Text: []content.Inline{{Text: "Talks stall."}}},
				},
				Since: content.Since{
					AsOf: content.Date{Year: 2025, Month: 5, Day: 16},
					Body: []content.Block{
						{Kind: content.Paragraph, Text: []content.Inline{{Text: "Drafts published in 2024 show the sides far apart."}}},
						{Kind: content.List, Items: [][]content.Inline{
							{{Text: "One point."}},
							{{Text: "Another, "}, {Text: "linked", Href: "https://example.org/a"}, {Text: "."}},
						}},
					},
				},
				Sources: []content.Source{{
					Title:     "Ukraine and Russia conclude a round of talks",
					Publisher: "NV",
					Date:      content.Date{Year: 2022, Month: 3, Day: 29},
					URL:       "https://english.nv.ua/",
				}},
			},
			{
				ID:     "eu-aid",
				Kind:   content.KindFigure,
				Title:  "The Ukraine Facility",
				Anchor: "€50 billion",
				Body: []content.Block{{Kind: content.List, Items: [][]content.Inline{
					{{Text: "Grants do not have to be repaid."}},
					{{Text: "Loans do."}},
				}}},
				Figures: content.Figures{
					Caption: "Ukraine Facility, 2024–2027",
					Items: []content.Figure{
						{Label: "Grants", Amount: 17, Currency: "EUR", Scale: "bn"},
						{Label: "Loans", Amount: 33.5, Currency: "EUR", Scale: "bn", Date: content.Date{Year: 2024}},
					},
					Note: "About $54 bn at the exchange rate of February 2024.",
				},
				Sources: []content.Source{{Title: "Ukraine Facility", Publisher: "European Commission", URL: "https://commission.europa.eu/"}},
			},
			{
				ID:     "pretext",
				Kind:   content.KindContested,
				Title:  "Who calls the talks a pretext",
				Anchor: "the talks",
				Body: []content.Block{{Kind: content.Paragraph, Text: []content.Inline{
					{Text: "The claim is attributed to opposition politicians."},
				}}},
				Sources: []content.Source{{Title: "An interview", Publisher: "Example News", URL: "http://example.com/interview"}},
			},
			{
				ID:    "about",
				Kind:  content.KindCorrection,
				Title: "About this article",
				Body: []content.Block{{Kind: content.Paragraph, Text: []content.Inline{
					{Text: "The article gave the wrong day. See "},
					{Text: "https://example.com/fix", Href: "https://example.com/fix"},
					// Escapes and entities are resolved; raw HTML stays text.
					{Text: " & *this* <b>raw</b>."},
				}}},
				Sources: []content.Source{{
					Title:     "The original",
					Publisher: "Example News",
					Date:      content.Date{Year: 2024, Month: 2},
					URL:       "https://example.com/original",
				}},
			},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%#v\nwant\n%#v", got, want)
	}
}

// TestArticleNoNotes checks that the notes folder is optional.
func TestArticleNoNotes(t *testing.T) {
	a, err := Article(mapFS(map[string]string{"x/article.md": okArticle}), "x")
	if err != nil {
		t.Fatal(err)
	}
	if a.Slug != "x" || len(a.Notes) != 0 || len(a.Body) != 1 {
		t.Errorf("got %+v", a)
	}
}

func TestFixturesValid(t *testing.T) {
	articles, err := Tree(os.DirFS("testdata"), "articles")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range articles {
		if err := validate(a); err != nil {
			t.Errorf("%s: %v", a.Slug, err)
		}
	}
}

// An article may name its author, by name, or by name and the address of
// a page about them; the index carries neither (it needs no byline).
func TestArticleAuthor(t *testing.T) {
	for in, want := range map[string]content.Author{
		"author: Jane Doe\n": {Name: "Jane Doe"},
		"author: {name: Jane Doe, url: https://example.com/jane}\n": {Name: "Jane Doe", URL: "https://example.com/jane"},
		"": {},
	} {
		fsys := mapFS(map[string]string{"x/article.md": strings.Replace(okArticle, "date:", in+"date:", 1)})
		a, err := Article(fsys, "x")
		if err != nil || a.Author != want {
			t.Errorf("%q: author %+v, %v; want %+v", in, a.Author, err, want)
		}
		if _, err := IndexArticle(fsys, "x"); err != nil {
			t.Errorf("%q: the index refuses it: %v", in, err)
		}
	}
}
