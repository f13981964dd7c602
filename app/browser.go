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
	el.Call("showPopover")
}

// currentFragment is the fragment of the address bar, without '#'.
func currentFragment() string {
	if app.IsServer {
		return ""
	}
	h := app.Window().Get("location").Get("hash").String()
	if len(h) > 0 && h[0] == '#' {
		h = h[1:]
	}
	return h
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

// setFragment puts #id in the address bar, or removes the fragment when
// id is empty, without adding a history entry or scrolling.
func setFragment(id string) {
	if app.IsServer {
		return
	}
	loc := app.Window().Get("location")
	u := loc.Get("pathname").String() + loc.Get("search").String()
	if id != "" {
		u += "#" + id
	}
	app.Window().Get("history").Call("replaceState", nil, "", u)
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

// listenCardToggles calls f whenever a card (any popover of the page)
// opens or closes. Toggle events do not bubble, so it listens in the
// capture phase on the document. The returned func removes the listener
// and releases the Go callback.
func listenCardToggles(f func(id string, open bool)) (release func()) {
	if app.IsServer {
		return func() {}
	}
	cb := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		target := e.Get("target")
		if !target.Truthy() || !target.Get("id").Truthy() || !target.Call("hasAttribute", "popover").Bool() {
			return nil
		}
		f(target.Get("id").String(), e.Get("newState").String() == "open")
		return nil
	})
	doc := app.Window().Get("document")
	doc.Call("addEventListener", "toggle", cb, true)
	return func() {
		doc.Call("removeEventListener", "toggle", cb, true)
		cb.Release()
	}
}
