package app

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// The functions here touch the browser's DOM directly, for what go-app
// does not model: the popover API, history fragments, focus and the
// clipboard. On the server they do nothing.

func element(id string) app.Value {
	return app.Window().Get("document").Call("getElementById", id)
}

// showCard opens the card with the given element id if it is closed.
func showCard(id string) {
	if app.IsServer {
		return
	}
	el := element(id)
	if !el.Truthy() || !el.Get("showPopover").Truthy() || el.Call("matches", ":popover-open").Bool() {
		return
	}
	// Opened by script, a card has its phrase as anchor (and opens next
	// to it, as on a click) only when the phrase is named as its source.
	// Browsers without the option ignore it.
	doc := app.Window().Get("document")
	if trigger := doc.Call("querySelector", `[aria-controls="`+id+`"]`); trigger.Truthy() {
		el.Call("showPopover", map[string]any{"source": trigger})
		return
	}
	el.Call("showPopover")
}

// cardURL is the address that opens the card id: this page's, with the
// card's fragment.
func cardURL(id string) string {
	if app.IsServer {
		return ""
	}
	loc := app.Window().Get("location")
	return loc.Get("origin").String() + loc.Get("pathname").String() + loc.Get("search").String() + "#" + id
}

// copyText puts s on the clipboard; it reports false where the browser
// offers no clipboard.
func copyText(s string) bool {
	if app.IsServer {
		return false
	}
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		return false
	}
	clip.Call("writeText", s)
	return true
}

// setPlainClass mirrors the "Hide highlights" choice on the root element,
// where web/gloss.js sets it before first paint.
func setPlainClass(plain bool) {
	if app.IsServer {
		return
	}
	root := app.Window().Get("document").Get("documentElement").Get("classList")
	root.Call("toggle", "gloss-plain", plain)
}
