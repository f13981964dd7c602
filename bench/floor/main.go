//go:build !wasm

package main

import (
	"log"
	"net/http"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// main serves the hello world at 127.0.0.1:8001 (the bench only builds
// its wasm; this half exists so the split matches Gloss's).
func main() {
	route()
	http.Handle("/", &app.Handler{Name: "Hello"})
	log.Fatal(http.ListenAndServe("127.0.0.1:8001", nil))
}
