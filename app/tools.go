package app

import (
	"github.com/gloss/gloss/app/i18n"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Tools are the reader's switches on the article. "Hide highlights" is
// web/gloss.js's (it works from first paint, and sets aria-pressed and the
// phrases' state itself); the page prints it off.
func Tools(t *i18n.Strings) app.UI {
	return app.Div().Class("gloss-tools").Body(
		app.Button().
			Type("button").
			ID(PlainSwitchID).
			Class("gloss-switch").
			Aria("pressed", "false").
			Text(t.HideHighlights),
	)
}

// PlainSwitchID is the id of the "Hide highlights" switch.
const PlainSwitchID = "gloss-plain"
