//go:build js

// Package afternetip gives the browser a frame after package net/netip's
// init, during the wasm's start (package pace).
package afternetip

import (
	_ "net/netip"

	"github.com/gloss/gloss/app/pace"
)

func init() { pace.Frame() }
