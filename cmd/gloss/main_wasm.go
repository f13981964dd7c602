//go:build wasm

// The wasm half of the gloss binary: the install and update prompts. The
// article is static HTML the server printed; no article is compiled in or
// read, and none of the server code, parser or content files are linked.
package main

import (
	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/app/pace"
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	// Frames for the browser between the packages' inits: package pace.
	_ "github.com/gloss/gloss/app/pace/aftercrypto"
	_ "github.com/gloss/gloss/app/pace/afternetip"
	_ "github.com/gloss/gloss/app/pace/afterruntime"
	_ "github.com/gloss/gloss/app/pace/afterunicode"
)

func main() {
	// The start runs in short tasks, with a frame for the browser between
	// them: the Go runtime and the packages' inits, in steps (package
	// pace); go-app's environment (a JSON decode, the first use of
	// encoding/json); go-app's start and the prompts' mount; their first
	// update (Prompts.Settle).
	pace.Frame()
	path, lang := app.Here()
	app.Route([]string{path}, app.Prompts{Lang: lang, Settle: pace.Frame})
	pace.Frame()
	restore := app.HideFragment()
	go restore()
	goapp.RunWhenOnBrowser()
}
