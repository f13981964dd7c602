//go:build js

// Package afterunicode gives the browser a frame after package unicode's
// init (its tables), during the wasm's start (package pace).
package afterunicode

import (
	_ "unicode"

	"github.com/gloss/gloss/app/pace"
)

func init() { pace.Frame() }
