//go:build wasm

// The wasm half of the gloss binary: the UI, with the shipped articles as
// Go values. None of the server code is compiled in.
package main

import (
	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/articles"
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

func main() {
	restore := app.CaptureRestore()
	app.Routes(articles.All, &restore)
	goapp.RunWhenOnBrowser()
}
