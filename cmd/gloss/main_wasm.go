//go:build wasm

// The wasm half of the gloss binary: the UI. No article is compiled in:
// each page carries its own as data, and none of the server code, parser
// or content files are linked.
package main

import (
	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/site"
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

func main() {
	restore := app.CaptureRestore()
	if d, err := app.ReadPageData(); err == nil {
		app.Route(site.Paths(d.Article, d.Newest), d.Article, &restore)
	} else {
		goapp.Log(err)
	}
	app.RouteElsewhere()
	goapp.RunWhenOnBrowser()
}
