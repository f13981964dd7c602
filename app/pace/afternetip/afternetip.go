//go:build js

// Package afternetip gives the browser a frame after package net/netip's
// init, the last of the standard library's that go-app brings, during the
// wasm's start (cmd/gloss, main_wasm.go, lists its steps). It imports
// afterunicode so that it comes after that step: Go initialises a package
// after the packages it imports.
package afternetip

import (
	_ "net/netip"

	"github.com/gloss/gloss/app/pace"
	_ "github.com/gloss/gloss/app/pace/afterunicode"
)

func init() { pace.Frame() }
