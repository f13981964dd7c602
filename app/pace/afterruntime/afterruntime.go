//go:build js

// Package afterruntime gives the browser a frame once the Go runtime has
// started, during the wasm's start (package pace).
package afterruntime

import (
	"github.com/gloss/gloss/app/pace"
)

func init() { pace.Frame() }
