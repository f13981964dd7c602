package app

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// Restore is what the reader had open and focused in the pre-rendered
// page. go-app replaces the whole DOM when the wasm starts, which closes an
// open popover and drops focus; the wasm's main captures this before that
// swap and the page applies it after.
type Restore struct {
	// Open is the id of the open card, if any.
	Open string
	// Focus is the id of the focused element, if it has one.
	Focus string
}

// CaptureRestore reads the open card and the focused element from the
// pre-rendered DOM. Call it before app.RunWhenOnBrowser.
func CaptureRestore() Restore {
	if app.IsServer {
		return Restore{}
	}
	var r Restore
	doc := app.Window().Get("document")
	if open := doc.Call("querySelector", ".gloss-card:popover-open"); open.Truthy() {
		r.Open = open.Get("id").String()
	}
	if active := doc.Get("activeElement"); active.Truthy() {
		r.Focus = active.Get("id").String()
	}
	return r
}

// Apply reopens the card and refocuses the element of r in the new DOM,
// then forgets them, so a later navigation does not reopen the card.
func (r *Restore) Apply() {
	if app.IsServer || r == nil {
		return
	}
	defer func() { *r = Restore{} }()
	if r.Open != "" {
		showCard(r.Open)
	}
	if r.Focus != "" {
		if el := element(r.Focus); el.Truthy() {
			el.Call("focus", map[string]any{"preventScroll": true})
		}
	}
}
