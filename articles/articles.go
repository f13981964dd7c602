// Package articles holds the articles Gloss ships, compiled into the
// server and the wasm as Go values.
//
// Editors change the Markdown folders beside this file; `make build` (or
// `go generate ./articles`) parses them and rewrites zz_articles.go, so the
// wasm never carries a parser. The newest article is the page at "/".
package articles

//go:generate go run ../internal/cmd/gencontent -pkg articles -var All -out zz_articles.go .
