package app

import (
	"regexp"
	"strings"
	"testing"

	"github.com/gloss/gloss/content"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// sharedCard is a shared card with every part a card page shows.
var sharedCard = content.Card{
	ID: "levy", Kind: content.KindFigure, Title: "The harbour levy",
	Body: []content.Block{{Text: []content.Inline{{Text: "A charge on every passenger."}}}},
	Timeline: []content.Event{
		{Date: content.Date{Year: 2022, Month: 11, Day: 3}, Text: []content.Inline{{Text: "Proposed."}}},
		{Date: content.Date{Year: 2024, Month: 12, Day: 1}, Text: []content.Inline{{Text: "Raised to €3."}}},
	},
	Figures: content.Figures{Caption: "Levy raised", Items: []content.Figure{{Label: "2024", Amount: 2.4, Currency: "EUR", Scale: "m"}}},
	Sources: []content.Source{{Title: "Council minutes", Publisher: "Council", URL: "https://example.org/minutes"}},
	Updated: content.Date{Year: 2026, Month: 1, Day: 15},
}

// A card's page shows the card in full (its kind, title, "as of", text,
// figures, whole timeline and sources) and every article that shows it,
// in the order given (the newest first), each a link with its date, in
// the site's language, with no script.
func TestACardPageShowsTheCardAndEveryArticle(t *testing.T) {
	p := CardPageData{Lang: "en", Card: sharedCard, Articles: []CardArticle{
		{Href: "/a/newer", Title: "Newer article", Lang: "en", Date: content.Date{Year: 2025, Month: 10, Day: 5}},
		{Href: "/a/older", Title: "Older article", Lang: "en", Date: content.Date{Year: 2023, Month: 5, Day: 10}},
	}}
	html := strings.ReplaceAll(app.HTMLString(CardPage(p)), "\n", "")
	for _, want := range []string{
		// go-app prints an element's attributes in no fixed order: each
		// is looked for on its own.
		`class="gloss gloss-cardpage"`, `id="gloss-headline"`, `>The harbour levy</h1>`, ">Figures<", " · as of ", `<time datetime="2026-01-15">15 January 2026</time>`,
		"A charge on every passenger.", "Levy raised", ">3 November 2022<", "Proposed.", ">1 December 2024<", "Raised to €3.",
		`href="https://example.org/minutes"`, `rel="noopener noreferrer"`, `>Council minutes</a>`,
		`<h2 id="gloss-cardpage-used-in">Used in 2 articles</h2>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the card page lacks %s", want)
		}
	}
	links := regexp.MustCompile(`<li><a [^>]*href="([^"]*)"[^>]*>([^<]*)</a> · <time datetime="([^"]*)">`).FindAllStringSubmatch(html, -1)
	if len(links) != 2 || links[0][1] != "/a/newer" || links[1][1] != "/a/older" || links[1][3] != "2023-05-10" {
		t.Errorf("the articles listed: %q", links)
	}
	if strings.Contains(html, "<script") || strings.Contains(html, "popover") {
		t.Error("the card page needs a script or a popover")
	}
	p.Lang = "uk"
	html = app.HTMLString(CardPage(p))
	for _, want := range []string{`lang="uk"`, "Цифри", "станом на", "15 січня 2026", "Джерела", "Хронологія", "Використано у 2 статтях"} {
		if !strings.Contains(html, want) {
			t.Errorf("a Ukrainian card page lacks %s", want)
		}
	}
}
