package app

import (
	"github.com/gloss/gloss/content"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// ArticleText renders the article body. Each phrase that has a note is a
// real button that opens the note's card with the native popover API, so
// it works before the wasm has loaded. With plain set, the phrases are
// ordinary text and the article reads as it was published.
func ArticleText(a content.Article, plain bool) app.UI {
	body := make([]app.UI, 0, len(a.Body))
	for _, b := range a.Body {
		runs := make([]app.UI, 0, len(b.Text))
		for _, r := range b.Text {
			runs = append(runs, phrase(a, r, plain))
		}
		if b.Kind == content.Heading {
			body = append(body, app.H2().Dir("auto").Body(runs...))
			continue
		}
		body = append(body, app.P().Dir("auto").Body(runs...))
	}
	return app.Div().Class("gloss-text").Body(body...)
}

// phrase renders one run of the article; a run that opens a note becomes
// its trigger button.
func phrase(a content.Article, r content.Inline, plain bool) app.UI {
	n, ok := a.Note(r.Note)
	if r.Note == "" || !ok || plain {
		return styled(r, app.Text(r.Text))
	}
	return app.Button().
		Type("button").
		ID(TriggerID(n.ID)).
		Class("gloss-mark", "gloss-kind-"+string(n.Kind)).
		Attr("popovertarget", CardID(n.ID)).
		Aria("controls", CardID(n.ID)).
		Aria("expanded", "false").
		Aria("haspopup", "dialog").
		Aria("describedby", KindLabelID(n.Kind)).
		Text(r.Text)
}

// CardID is the id of a note's card element and the deep-link fragment
// that opens it.
func CardID(note string) string { return note }

// TriggerID is the id of the button that opens a note's card.
func TriggerID(note string) string { return "mark-" + note }

// KindLabelID is the id of the hidden text that tells screen readers what
// kind of card a highlighted phrase opens.
func KindLabelID(k content.Kind) string { return "gloss-kind-" + string(k) + "-label" }
