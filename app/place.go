package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// cssPlacesCards reports whether the browser positions cards itself, with
// CSS anchor positioning (see web/gloss.css).
func cssPlacesCards() bool {
	if app.IsServer {
		return true
	}
	css := app.Window().Get("CSS")
	return css.Truthy() && css.Call("supports", "position-area", "bottom").Bool()
}

// placeCard positions an open card next to its trigger in browsers without
// CSS anchor positioning: below the phrase if it fits there, else on the
// side with more room, its height capped to that room so it scrolls
// rather than leaves the viewport. On narrow screens, where cards are
// bottom sheets, it does nothing.
func placeCard(id string) {
	w := app.Window()
	vw, vh := w.Get("innerWidth").Float(), w.Get("innerHeight").Float()
	if vw < 600 {
		return
	}
	card, trigger := element(id), element(TriggerID(id))
	if !card.Truthy() || !trigger.Truthy() {
		return
	}
	const gap = 8.0
	t := trigger.Call("getBoundingClientRect")
	c := card.Call("getBoundingClientRect")
	tTop, tBottom := t.Get("top").Float(), t.Get("bottom").Float()
	below, above := vh-tBottom-2*gap, tTop-2*gap
	h := c.Get("height").Float()
	top, room := tBottom+gap, below
	if h > below && above > below {
		// Above the phrase the card ends at the phrase, so its height may
		// not grow past what was measured.
		room = min(h, above)
		top = tTop - gap - room
	}
	left := clamp(t.Get("left").Float(), gap, vw-c.Get("width").Float()-gap)
	// Absolute, in page coordinates, so the card scrolls with its phrase.
	top += w.Get("scrollY").Float()
	left += w.Get("scrollX").Float()
	style := card.Get("style")
	style.Call("setProperty", "position", "absolute")
	style.Call("setProperty", "margin", "0")
	style.Call("setProperty", "inset", "auto")
	style.Call("setProperty", "max-height", px(room))
	style.Call("setProperty", "top", px(top))
	style.Call("setProperty", "left", px(left))
}

func clamp(v, lo, hi float64) float64 {
	return max(lo, min(v, hi))
}

func px(v float64) string {
	return strconv.Itoa(int(v)) + "px"
}
