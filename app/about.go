package app

import (
	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/content"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// AboutID is the id of the "About this article" panel.
const AboutID = "about"

// About is the panel about the article as a whole: its date, what it gets
// wrong, and what has happened since. Like a card, it is a native popover
// dialog.
func About(t *i18n.Strings, a content.Article) app.UI {
	notes := a.AboutNotes()
	sections := make([]app.UI, 0, len(notes))
	for _, n := range notes {
		sections = append(sections, app.Section().
			ID(n.ID).
			Class("gloss-about-section", "gloss-kind-"+string(n.Kind)).
			Aria("labelledby", n.ID+"-title").
			Body(
				app.H3().ID(n.ID+"-title").Dir("auto").Text(n.Title),
				CardBody(t, n),
			))
	}
	return app.Div().
		ID(AboutID).
		Class("gloss-card", "gloss-about").
		Attr("popover", "auto").
		Attr("role", "dialog").
		Aria("labelledby", AboutID+"-title").
		TabIndex(-1).
		Body(
			app.Div().Class("gloss-card-head").Body(
				app.P().Class("gloss-kind").Body(
					app.Text(t.Published),
					app.Time().DateTime(a.Date.ISO()).Text(t.Date(a.Date)),
				),
				app.H2().ID(AboutID+"-title").Class("gloss-card-title").Text(t.About),
				app.Button().
					Type("button").
					Class("gloss-close").
					Attr("popovertarget", AboutID).
					Attr("popovertargetaction", "hide").
					Aria("label", t.Close).
					Text("×"),
			),
			app.Div().Class("gloss-about-body").Body(sections...),
		)
}
