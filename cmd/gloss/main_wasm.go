//go:build wasm

// The wasm half of the gloss binary: the install and update prompts. The
// article is static HTML the server printed; no article is compiled in or
// read, and none of the server code, parser or content files are linked.
package main

import (
	"github.com/gloss/gloss/app"
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

func main() {
	path, lang := app.Here()
	app.Route([]string{path}, app.Prompts{Lang: lang})
	restore := app.HideFragment()
	go restore()
	goapp.RunWhenOnBrowser()
}
