//go:build js

// Package afterruntime gives the browser a frame once the Go runtime and
// the first standard packages have started: the first of the wasm's
// start's steps (cmd/gloss, main_wasm.go, lists them all).
package afterruntime

import (
	"github.com/gloss/gloss/app/pace"
)

func init() { pace.Frame() }
