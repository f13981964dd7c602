package app

import (
	"github.com/gloss/gloss/content"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// ArticlePath is the path an article is served at. The first article of a
// catalog is also served at "/".
func ArticlePath(slug string) string { return "/a/" + slug }

// Routes registers a page for every article: the first one at "/", every
// one at ArticlePath and with a trailing slash, as static hosts serve
// folders. It must be called with the same articles on the server and in
// the wasm, so both render the same pages.
func Routes(articles []content.Article, restore *Restore) {
	for i, a := range articles {
		a := a
		page := func() app.Composer { return &Page{Article: a, Restore: restore} }
		if i == 0 {
			app.RouteFunc("/", page)
		}
		app.RouteFunc(ArticlePath(a.Slug), page)
		app.RouteFunc(ArticlePath(a.Slug)+"/", page)
	}
}
