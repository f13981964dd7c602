package app

import (
	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/content"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Page is the article as a reader gets it: the headline, the text with its
// highlighted phrases, the cards and the "About" panel. The server prints
// it once, as static HTML after go-app's root element (Prompts), and the
// browser never renders it again: go-app replaces only its root when the
// wasm starts, so the wasm neither rebuilds the article nor blocks a
// reader who is already using it. Everything on it works with no script
// but web/gloss.js: cards are native popovers. cardHref is the address of
// a shared card's page (nil: none is linked).
func Page(a content.Article, cardHref func(id string) string) app.UI {
	t := i18n.For(a.Lang)
	cards := make([]app.UI, 0, len(a.Notes))
	for _, n := range a.Notes {
		if n.Anchor != "" {
			href := ""
			if n.Card != "" && cardHref != nil {
				href = cardHref(n.Card)
			}
			cards = append(cards, Card(t, n, href))
		}
	}
	return app.Main().ID("gloss").Class("gloss").Lang(a.Lang).Dir(i18n.Dir(a.Lang)).Body(
		app.Header().Class("gloss-header").Body(
			app.H1().ID("gloss-headline").Dir("auto").Text(a.Title),
			app.P().Class("gloss-meta").Body(
				app.Time().DateTime(a.Date.ISO()).Text(t.Date(a.Date)),
				app.If(!a.Author.IsZero(), Byline(t, a.Author)),
				app.If(len(a.AboutNotes()) > 0, app.Button().
					Type("button").
					ID("gloss-about-button").
					Class("gloss-link-button").
					Attr("popovertarget", AboutID).
					Aria("controls", AboutID).
					Aria("haspopup", "dialog").
					Text(t.About)),
			),
			Tools(t),
		),
		app.Article().Class("gloss-article").Aria("labelledby", "gloss-headline").Body(
			ArticleText(a),
		),
		KindLabels(t),
		// The cards, in the order of their phrases: printed, they are the
		// article's numbered endnotes under this heading (web/gloss.css).
		app.Div().Class("gloss-cards").Body(
			app.H2().Class("gloss-notes-title").Hidden(true).Text(t.Notes),
			app.Range(cards).Slice(func(i int) app.UI { return cards[i] }),
		),
		app.If(len(a.AboutNotes()) > 0, About(t, a)),
	)
}

// KindLabels are hidden texts that tell screen readers which kind of card
// a highlighted phrase opens.
func KindLabels(t *i18n.Strings) app.UI {
	labels := make([]app.UI, 0, len(content.Kinds))
	for _, k := range content.Kinds {
		labels = append(labels, app.Span().ID(KindLabelID(k)).Text(t.KindCard(k)))
	}
	return app.Div().Hidden(true).Body(labels...)
}

// Byline names the article's author, linking to their page when the
// article gives one.
func Byline(t *i18n.Strings, a content.Author) app.UI {
	name := app.UI(app.Text(a.Name))
	if href, ok := SafeURL(a.URL); ok {
		name = app.A().Href(href).Attr("rel", "author").Text(a.Name)
	}
	return app.Span().Class("gloss-byline").Body(app.Text(t.By), name)
}
