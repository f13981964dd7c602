package app

import (
	"github.com/gloss/gloss/content"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Route registers the page of article a at each of paths. The server calls
// it before it renders a's page; the wasm, with what the page's data
// island says, so both render the same page.
func Route(paths []string, a content.Article, restore *Restore) {
	page := func() app.Composer { return &Page{Article: a, Restore: restore} }
	for _, p := range paths {
		app.RouteFunc(p, page)
	}
}

// RouteElsewhere sends every path the wasm holds no article for to the
// server: the wasm only knows the page it was started on, so following an
// in-app link to another article loads that article's page.
func RouteElsewhere() {
	app.RouteWithRegexpFunc(".*", func() app.Composer { return &elsewhere{} })
}

// elsewhere is the page of a path the wasm has no article for.
type elsewhere struct{ app.Compo }

// OnNav loads the page from the server. It is never the first page of a
// load (that page's own route matches), so this cannot loop.
func (e *elsewhere) OnNav(ctx app.Context) {
	if app.IsServer {
		return
	}
	app.Window().Get("location").Call("replace", ctx.Page().URL().String())
}

func (e *elsewhere) Render() app.UI { return app.Main().ID("gloss").Class("gloss") }
