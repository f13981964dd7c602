// Package server serves Gloss over HTTP: the pre-rendered pages, the wasm
// (pre-compressed), go-app's scripts and service worker, and the static
// assets under /web/.
//
// Nothing here may be compiled into the wasm: net/http and go-app's
// handler alone add about 12 MB to it. Only cmd/gloss's non-wasm build
// imports this package.
package server
