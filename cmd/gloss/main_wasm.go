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

// yield hands the main thread back to the browser until it has drawn a
// frame, so that a card the reader opened meanwhile is on screen before
// the next step (or 100 ms, in a hidden tab that draws none). A Go
// program waiting on a timer or a callback returns to the event loop.
func yield() {
	framed := make(chan struct{}, 1)
	next := goapp.FuncOf(func(goapp.Value, []goapp.Value) any {
		select {
		case framed <- struct{}{}:
		default:
		}
		return nil
	})
	defer next.Release()
	id := goapp.Window().Call("requestAnimationFrame", next)
	select {
	case <-framed:
	case <-time.After(100 * time.Millisecond):
		goapp.Window().Call("cancelAnimationFrame", id)
	}
	// Out of the frame's callback, into a task after the frame.
	time.Sleep(time.Millisecond)
}
