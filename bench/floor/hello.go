// Command floor is the smallest go-app v9 program: the anchor that
// `make bench` compares Gloss's wasm against. It is built with the same
// flags and the same server/wasm split as cmd/gloss (the handler only in
// !wasm files), so the difference in bytes is what Gloss adds.
package main

import "github.com/maxence-charriere/go-app/v9/pkg/app"

type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.H1().Text("Hello, world!") }

func route() { app.RouteFunc("/", func() app.Composer { return &hello{} }) }
