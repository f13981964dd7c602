package app

import (
	"strconv"

	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/content"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Front is one page of the archive's front page: a fixed number of
// articles, the newest first, and links to the pages around it.
type Front struct {
	// Lang is the site's language, which the page's own words speak.
	Lang string
	// Title names the site; Description says what it is.
	Title, Description string
	Entries            []FrontEntry
	// Page is this page's number, from 1, of Pages.
	Page, Pages int
	// Newer and Older are the addresses of the pages before and after,
	// "" at either end.
	Newer, Older string
}

// FrontEntry is one article on the front page.
type FrontEntry struct {
	Href, Title, Description, Lang string
	Date                           content.Date
	// Cards counts the article's context cards.
	Cards int
	// Updated says its context changed after it was published.
	Updated bool
}

// FrontPage is the archive's front page: readable with no script, its
// entries links to the articles' own pages.
func FrontPage(f Front) app.UI {
	t := i18n.For(f.Lang)
	items := make([]app.UI, 0, len(f.Entries))
	for _, e := range f.Entries {
		meta := []app.UI{
			app.Time().DateTime(e.Date.ISO()).Text(t.Date(e.Date)),
			app.Span().Class("gloss-front-cards").Text(" · " + t.CardCount(e.Cards)),
		}
		if e.Updated {
			meta = append(meta, app.Text(" · "), app.Span().Class("gloss-front-updated").Text(t.Updated))
		}
		items = append(items, app.Li().Class("gloss-front-entry").Body(
			app.Article().Lang(e.Lang).Dir(i18n.Dir(e.Lang)).Body(
				app.H2().Class("gloss-front-title").Body(app.A().Href(e.Href).Text(e.Title)),
				app.P().Class("gloss-front-meta").Lang(f.Lang).Dir(i18n.Dir(f.Lang)).Body(meta...),
				app.P().Class("gloss-front-description").Text(e.Description),
			),
		))
	}
	var nav []app.UI
	if f.Newer != "" {
		nav = append(nav, app.A().Href(f.Newer).Rel("prev").Text(t.Newer))
	}
	if f.Pages > 1 {
		nav = append(nav, app.Span().Text(t.PageOf[0]+strconv.Itoa(f.Page)+t.PageOf[1]+strconv.Itoa(f.Pages)))
	}
	if f.Older != "" {
		nav = append(nav, app.A().Href(f.Older).Rel("next").Text(t.Older))
	}
	return app.Main().ID("gloss").Class("gloss", "gloss-front").Lang(f.Lang).Dir(i18n.Dir(f.Lang)).Body(
		app.Header().Class("gloss-header").Body(
			app.H1().ID("gloss-headline").Text(f.Title),
			app.P().Class("gloss-front-about").Text(f.Description),
		),
		app.Section().Aria("labelledby", "gloss-front-latest").Body(
			app.H2().ID("gloss-front-latest").Class("gloss-front-heading").Text(t.Latest),
			app.Ol().Class("gloss-front-list").Body(items...),
		),
		app.If(len(nav) > 0, app.Nav().Class("gloss-front-pages").Aria("label", t.Pages).Body(nav...)),
	)
}
