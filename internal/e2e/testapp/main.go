//go:build wasm

// Command testapp is the Gloss wasm with the test fixtures added to the
// shipped articles; the browser tests serve it in place of the real one.
package main

import (
	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/internal/e2e/catalog"
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

func main() {
	restore := app.CaptureRestore()
	app.Routes(catalog.Articles(), &restore)
	goapp.RunWhenOnBrowser()
}
