//go:build js

// Package afternethttp gives the browser a frame after package net/http's
// init, during the wasm's start (package pace).
package afternethttp

import (
	_ "net/http"

	"github.com/gloss/gloss/app/pace"
)

func init() { pace.Frame() }
