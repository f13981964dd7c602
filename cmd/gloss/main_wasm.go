//go:build wasm

// The wasm half of the gloss binary: the install and update prompts. The
// article is static HTML the server printed; no article is compiled in or
// read, and none of the server code, parser or content files are linked.
package main

import (
	"time"

	"github.com/gloss/gloss/app"
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

func main() {
	// The start runs in three tasks, each short, with the browser free to
	// handle the reader between them: the Go runtime and every package's
	// init; go-app's environment (a JSON decode, the first use of
	// encoding/json); go-app's start and the prompts' mount.
	yield()
	path, lang := app.Here()
	app.Route([]string{path}, app.Prompts{Lang: lang})
	yield()
	restore := app.HideFragment()
	go restore()
	goapp.RunWhenOnBrowser()
}

// yield hands the main thread back to the browser: a Go program that
// waits on a timer returns to the event loop until the timer fires.
func yield() { time.Sleep(time.Millisecond) }
