//go:build js

// Package aftercrypto gives the browser a frame after the crypto packages'
// inits (which net/http brings), during the wasm's start (package pace).
package aftercrypto

import (
	_ "crypto/sha512"

	"github.com/gloss/gloss/app/pace"
)

func init() { pace.Frame() }
