package app

import (
	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/content"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Card renders a note as a non-modal dialog in the top layer. It is a
// native auto popover: it opens from its trigger without script, closes on
// Escape or a click outside, and only one is open at a time. web/gloss.js
// moves focus into the card when the reader opens it (autofocus would be
// refused, with a console error, in a cross-origin frame); the browser
// returns focus to the trigger when it closes. Its "Copy link" is a link
// to the card, which web/gloss.js also copies.
//
// A shared card also carries its id and version, and the words of the
// "Updated since you read it" mark, for web/js/cards/seen.js, and links
// its own page, href, where every article that shows it is listed.
func Card(t *i18n.Strings, n content.Note, href string) app.HTMLDiv {
	id := CardID(n.ID)
	card := app.Div()
	if n.Card != "" {
		card = card.
			DataSet("card", n.Card).
			DataSet("version", n.Version).
			DataSet("updated", t.UpdatedSinceRead).
			DataSet("new", t.NewSinceRead)
	}
	return card.
		ID(id).
		Class("gloss-card", "gloss-kind-"+string(n.Kind)).
		Attr("popover", "auto").
		Attr("role", "dialog").
		Aria("labelledby", id+"-title").
		TabIndex(-1).
		Body(
			app.Div().Class("gloss-card-head").Body(
				app.P().Class("gloss-kind").Text(t.Kind(n.Kind)),
				app.H2().ID(id+"-title").Class("gloss-card-title").Dir("auto").Text(n.Title),
				app.Button().
					Type("button").
					Class("gloss-close").
					Attr("popovertarget", id).
					Attr("popovertargetaction", "hide").
					Aria("label", t.Close).
					Text("×"),
			),
			CardBody(t, n),
			app.P().Class("gloss-card-foot").Body(
				app.A().
					Class("gloss-permalink").
					Href("#"+id).
					Text(t.CopyLink),
				// web/gloss.js copies the link and says so here, in the
				// page's words.
				app.Span().Class("gloss-copied").Aria("live", "polite").DataSet("done", t.LinkCopied),
				app.If(href != "" && n.Uses > 0, app.A().Class("gloss-used-in").Href(href).Text(t.UsedInCount(n.Uses))),
			),
		)
}

// CardBody is everything a card says: its text, timeline, figures, what
// changed since publication and its sources.
func CardBody(t *i18n.Strings, n content.Note) app.UI {
	return app.Div().Class("gloss-card-body").Dir("auto").Body(
		app.Div().Body(blocks(n.Body)...),
		app.If(len(n.Timeline) > 0, Timeline(t, n.Timeline, n.Card != "")),
		app.If(len(n.Figures.Items) > 0, FigureChart(t, n.ID, n.Figures)),
		app.If(!n.Since.IsZero(), SincePublication(t, n.Since, n.Card != "")),
		Sources(t, n.Sources),
	)
}

// SincePublication is the part of a card that says what changed after the
// article was published, dated so the reader knows how current it is: a
// note's own text, or a shared card's developments after the article's
// date (or that there are none, as of its date).
func SincePublication(t *i18n.Strings, s content.Since, shared bool) app.UI {
	return app.Section().Class("gloss-since").Body(
		app.H3().Body(
			app.Text(t.SincePublication),
			app.If(!s.AsOf.IsZero(), app.Span().Class("gloss-asof").Body(
				app.Text(t.AsOf),
				app.Time().DateTime(s.AsOf.ISO()).Text(t.Date(s.AsOf)),
			)),
		),
		app.If(len(s.Body) > 0, app.Div().Body(blocks(s.Body)...)),
		app.If(len(s.Events) > 0, events(t, s.Events, shared, t.SincePublication)),
		app.If(len(s.Body) == 0 && len(s.Events) == 0, app.P().Text(t.NothingSince)),
	)
}

// Timeline renders dated events as a compact vertical list.
func Timeline(t *i18n.Strings, evs []content.Event, shared bool) app.UI {
	return events(t, evs, shared, t.Timeline)
}

// events are dated events as a list named label. A shared card's carry
// their keys, so that web/js/cards/seen.js can tell which are new to the
// reader.
func events(t *i18n.Strings, evs []content.Event, shared bool, label string) app.UI {
	items := make([]app.UI, 0, len(evs))
	for _, e := range evs {
		li := app.Li()
		if shared {
			li = li.DataSet("dev", e.Key())
		}
		items = append(items, li.Body(
			app.Time().DateTime(e.Date.ISO()).Text(t.Date(e.Date)),
			app.Span().Body(Text(e.Text)...),
		))
	}
	return app.Ol().Class("gloss-timeline").Aria("label", label).Body(items...)
}

// Sources lists the sources a card is built from.
func Sources(t *i18n.Strings, src []content.Source) app.UI {
	return app.Section().Class("gloss-sources").Body(
		app.H3().Text(t.Sources),
		app.Ul().Body(sourceItems(t, src)...),
	)
}

// sourceItems are the sources as list items: each its title (a link when
// its address is http or https), publisher and date.
func sourceItems(t *i18n.Strings, src []content.Source) []app.UI {
	items := make([]app.UI, 0, len(src))
	for _, s := range src {
		meta := s.Publisher
		if !s.Date.IsZero() {
			meta += ", " + t.Date(s.Date)
		}
		items = append(items, app.Li().Body(
			ExternalLink(s.URL, app.Text(s.Title)),
			app.If(meta != "", app.Span().Class("gloss-source-meta").Text(" — "+meta)),
		))
	}
	return items
}
