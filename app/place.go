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
// CSS anchor positioning. On narrow screens, where cards are bottom
// sheets, it does nothing.
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
	t := trigger.Call("getBoundingClientRect")
	c := card.Call("getBoundingClientRect")
	const gap = 8.0
	top := t.Get("bottom").Float() + gap
	if top+c.Get("height").Float() > vh-gap {
		top = t.Get("top").Float() - c.Get("height").Float() - gap
	}
	left := t.Get("left").Float()
	left = clamp(left, gap, vw-c.Get("width").Float()-gap)
	top = clamp(top, gap, vh-c.Get("height").Float()-gap)
	style := card.Get("style")
	style.Call("setProperty", "position", "fixed")
	style.Call("setProperty", "margin", "0")
	style.Call("setProperty", "inset", "auto")
	style.Call("setProperty", "top", px(top))
	style.Call("setProperty", "left", px(left))
}

func clamp(v, lo, hi float64) float64 {
	if v > hi {
		v = hi
	}
	if v < lo {
		v = lo
	}
	return v
}

func px(v float64) string {
	return strconv.Itoa(int(v)) + "px"
}
