package server

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gloss/gloss/content"
)

// An edit of a card that many articles show is served without first
// rendering every page it changed: the open tab's page is rendered when
// the tab asks for it, and shows the edit.
func TestACardShownEverywhereIsServedAtOnce(t *testing.T) {
	card := content.Card{ID: "levy", Kind: content.KindContext, Title: "The levy", Updated: content.Date{Year: 2025, Month: 1, Day: 1},
		Sources: []content.Source{{Title: "Minutes", Publisher: "Council", URL: "https://example.org/m"}}}
	articles := func(c content.Card) []content.Article {
		var as []content.Article
		for i := range 3 * eagerEdits {
			a := testArticle
			a.Slug = fmt.Sprintf("article-%03d", i)
			a.Notes = []content.Note{c.For(c.ID, "", a.Date, 3*eagerEdits)}
			as = append(as, a)
		}
		return as
	}
	s := testServer(t, Config{Articles: articles(card)})
	card.Title = "The levy, edited"
	before := s.pages.len()
	if err := s.SetArticles(articles(card)); err != nil {
		t.Fatal(err)
	}
	if n := s.pages.len() - before; n > eagerEdits {
		t.Errorf("the edit rendered %d pages before it was served, want at most %d", n, eagerEdits)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/a/article-047", nil))
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "The levy, edited") {
		t.Errorf("the last article's page after the edit: %d, without the edit", rec.Code)
	}
}
