package app

import (
	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/content"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// CardPageData is what a shared card's own page shows: the card in full
// and the articles that show it.
type CardPageData struct {
	// Lang is the site's language, which the page's own words speak.
	Lang string
	Card content.Card
	// Articles are the articles that show the card, the newest first.
	Articles []CardArticle
}

// CardArticle is one article that shows a shared card.
type CardArticle struct {
	Href, Title, Lang string
	Date              content.Date
}

// CardPage is a shared card's own page: its kind, title and "as of"
// date, its text, figures, whole dated history and sources, then every
// article that shows it, each a link to the article's page. Like an
// article's page it is printed once by the server, after go-app's root,
// and reads with no script.
func CardPage(p CardPageData) app.UI {
	t := i18n.For(p.Lang)
	c := p.Card
	meta := []app.UI{app.Span().Class("gloss-kind", "gloss-kind-"+string(c.Kind)).Text(t.Kind(c.Kind))}
	if !c.Updated.IsZero() {
		meta = append(meta, app.Span().Class("gloss-cardpage-asof").Body(
			app.Text(t.AsOf),
			app.Time().DateTime(c.Updated.ISO()).Text(t.Date(c.Updated)),
		))
	}
	card := []app.UI{app.Div().Body(blocks(c.Body)...)}
	if len(c.Figures.Items) > 0 {
		card = append(card, FigureChart(t, c.ID, c.Figures))
	}
	if len(c.Timeline) > 0 {
		card = append(card, app.Section().Class("gloss-cardpage-section").Aria("labelledby", "gloss-cardpage-timeline").Body(
			app.H2().ID("gloss-cardpage-timeline").Text(t.Timeline),
			Timeline(t, c.Timeline, false),
		))
	}
	if len(c.Sources) > 0 {
		card = append(card, app.Section().Class("gloss-cardpage-section", "gloss-sources").Aria("labelledby", "gloss-cardpage-sources").Body(
			app.H2().ID("gloss-cardpage-sources").Text(t.Sources),
			app.Ul().Body(sourceItems(t, c.Sources)...),
		))
	}
	uses := make([]app.UI, 0, len(p.Articles))
	for _, a := range p.Articles {
		uses = append(uses, app.Li().Body(
			app.A().Href(a.Href).Lang(a.Lang).Dir(i18n.Dir(a.Lang)).Text(a.Title),
			app.Text(" · "),
			app.Time().DateTime(a.Date.ISO()).Text(t.Date(a.Date)),
		))
	}
	return app.Main().ID("gloss").Class("gloss", "gloss-cardpage").Lang(p.Lang).Dir(i18n.Dir(p.Lang)).Body(
		app.Header().Class("gloss-header").Body(
			app.H1().ID("gloss-headline").Dir("auto").Text(c.Title),
			app.P().Class("gloss-meta").Body(meta...),
		),
		app.Article().Class("gloss-cardpage-card", "gloss-kind-"+string(c.Kind)).Aria("labelledby", "gloss-headline").Body(
			app.Div().Class("gloss-card-body").Dir("auto").Body(card...),
		),
		app.Section().Class("gloss-cardpage-uses").Aria("labelledby", "gloss-cardpage-used-in").Body(
			app.H2().ID("gloss-cardpage-used-in").Text(t.UsedInCount(len(p.Articles))),
			app.Ol().Class("gloss-cardpage-articles").Body(uses...),
		),
	)
}
