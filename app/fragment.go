package app

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// HideFragment takes the fragment out of the page's address and returns
// the function that puts it back. go-app, when it starts, scrolls to the
// element its address's fragment names; here that is a card, which
// web/gloss.js has already opened next to its phrase (openFromHash), and
// the scroll would pull the phrase out of view. Call it just before
// app.RunWhenOnBrowser, and the returned function in a goroutine: it runs
// once go-app has read the address and waits for events, in the same task,
// so the reader never sees the address change.
func HideFragment() (restore func()) {
	if app.IsServer {
		return func() {}
	}
	loc := app.Window().Get("location")
	hash := loc.Get("hash").String()
	if hash == "" {
		return func() {}
	}
	history := app.Window().Get("history")
	bare := loc.Get("pathname").String() + loc.Get("search").String()
	history.Call("replaceState", history.Get("state"), "", bare)
	return func() {
		if loc.Get("hash").String() == "" && loc.Get("pathname").String()+loc.Get("search").String() == bare {
			history.Call("replaceState", history.Get("state"), "", bare+hash)
		}
	}
}
