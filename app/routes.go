package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Route registers the prompts p at each of paths: the wasm does, for the
// one page it was started on (Here). Each page is the server's, and
// gloss.js leaves every link to the browser, so the wasm never navigates
// to another; the server prints the prompts itself (package site).
//
// go-app makes the prompts when it starts, after its own set-up and
// before it mounts them: p.Settle, when set, runs there too, so that the
// set-up and the mount are tasks of their own.
func Route(paths []string, p Prompts) {
	page := func() app.Composer {
		if p.Settle != nil {
			p.Settle()
		}
		c := p
		return &c
	}
	for _, p := range paths {
		app.RouteFunc(p, page)
	}
}

// Here is the path of the page the wasm runs on, as go-app's router sees
// it (without the site's root prefix), and the page's language, which the
// server wrote on its <html>. Both are read from the page, so the wasm
// needs no data about the article.
func Here() (path, lang string) {
	if app.IsServer {
		return "/", ""
	}
	win := app.Window()
	path = win.URL().Path
	// Where the wasm's start is warmed (app/pace.Warming), the stand-in
	// page web/gloss.js makes has a document; without one, only the code
	// above runs.
	doc := win.Get("document")
	if !doc.Truthy() {
		return path, ""
	}
	path = strings.TrimPrefix(path, app.Getenv("GOAPP_ROOT_PREFIX"))
	if path == "" {
		path = "/"
	}
	return path, doc.Get("documentElement").Get("lang").String()
}
