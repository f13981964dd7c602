//go:build wasm

// The wasm half of the gloss binary: the install and update prompts. The
// article is static HTML the server printed; no article is compiled in or
// read, and none of the server code, parser or content files are linked.
package main

import (
	"github.com/gloss/gloss/app"
	"github.com/gloss/gloss/app/pace"
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	// The frames between the packages' inits: each of these imports the
	// one before it, so Go runs them in this order (package pace).
	_ "github.com/gloss/gloss/app/pace/afternetip"
)

// main is the last part of the wasm's start, which runs in short tasks
// with a frame for the browser between them (pace.Frame), so that a card
// the reader opens meanwhile is on screen before the next (make bench
// section 7; docs/performance.md, item 12, steps 5 and 22). Its steps:
//
//  1. the Go runtime and the first standard packages' inits (syscall,
//     time, context), then a frame (package afterruntime);
//  2. io/fs, os and unicode's inits, then a frame (afterunicode);
//  3. reflect, encoding/json, crypto/rand (go-app's ids), html and
//     net/netip's inits, then a frame (afternetip);
//  4. go-app's and Gloss's app packages' inits and this function's
//     first frame;
//  5. the page's path and language, read from the page, and the prompts'
//     route, then a frame;
//  6. go-app's start: its environment (a JSON decode, the first use of
//     encoding/json), a frame before it mounts the prompts and one after
//     (Prompts.Settle), and their first update.
func main() {
	pace.Frame()
	path, lang := app.Here()
	app.Route([]string{path}, app.Prompts{Lang: lang, Settle: pace.Frame})
	pace.Frame()
	restore := app.HideFragment()
	go restore()
	goapp.RunWhenOnBrowser()
}
