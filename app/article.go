package app

import (
	"strings"

	"github.com/gloss/gloss/content"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// ArticleText renders the article body. Each phrase that has a note is a
// real button that opens the note's card with the native popover API, so
// it works with no script at all. ("Hide highlights" is web/gloss.js's:
// it disables the buttons and the article reads as plain text.)
func ArticleText(a content.Article) app.UI {
	body := make([]app.UI, 0, len(a.Body))
	for _, b := range a.Body {
		runs := make([]app.UI, 0, len(b.Text))
		for _, r := range b.Text {
			runs = append(runs, phrase(a, r))
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
// a label around its trigger button, so the phrase wraps like the words
// around it. A button is laid out as one unbreakable box, and a button
// with display: contents cannot be focused, so the button holds only the
// phrase's first word and the label the rest: a click anywhere on the
// phrase is a click on the button (a label's activation), and Tab, Enter
// and Space reach a real button that opens the card without script. The
// button is named by the whole phrase; the rest is hidden from assistive
// technology, which would otherwise read it twice.
func phrase(a content.Article, r content.Inline) app.UI {
	n, ok := a.Note(r.Note)
	if r.Note == "" || !ok {
		return styled(r, app.Text(r.Text))
	}
	id := TriggerID(n.ID)
	first, rest := r.Text, ""
	if i := strings.IndexByte(r.Text, ' '); i > 0 {
		first, rest = r.Text[:i], r.Text[i:]
	}
	trigger := app.Button().
		Type("button").
		ID(id).
		Class("gloss-mark").
		Attr("popovertarget", CardID(n.ID)).
		Aria("controls", CardID(n.ID)).
		Aria("haspopup", "dialog").
		Aria("describedby", KindLabelID(n.Kind)).
		Text(first)
	if rest == "" {
		// Named by itself: Chromium names a button inside a label by the
		// label's text less the button's own, nothing for a phrase of one
		// word.
		return app.Label().Class("gloss-phrase", "gloss-kind-"+string(n.Kind)).Body(trigger.Aria("labelledby", id))
	}
	return app.Label().Class("gloss-phrase", "gloss-kind-"+string(n.Kind)).Body(
		trigger.Aria("labelledby", id+" "+id+"-rest"),
		app.Span().ID(id+"-rest").Aria("hidden", true).Text(rest),
	)
}

// CardID is the id of a note's card element and the deep-link fragment
// that opens it.
func CardID(note string) string { return note }

// TriggerID is the id of the button that opens a note's card.
func TriggerID(note string) string { return "mark-" + note }

// KindLabelID is the id of the hidden text that tells screen readers what
// kind of card a highlighted phrase opens.
func KindLabelID(k content.Kind) string { return "gloss-kind-" + string(k) + "-label" }
