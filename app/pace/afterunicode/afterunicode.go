//go:build js

// Package afterunicode gives the browser a frame after package unicode's
// init, during the wasm's start (cmd/gloss, main_wasm.go, lists its
// steps). It imports afterruntime so that it comes after that step:
// Go initialises a package after the packages it imports.
package afterunicode

import (
	_ "unicode"

	"github.com/gloss/gloss/app/pace"
	_ "github.com/gloss/gloss/app/pace/afterruntime"
)

func init() { pace.Frame() }
