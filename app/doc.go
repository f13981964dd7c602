// Package app is Gloss's user interface: the go-app components that render
// an article and its context cards.
//
// The same code pre-renders every page on the server and runs in the
// browser as WebAssembly. Because go-app replaces the pre-rendered DOM when
// the wasm starts, every component renders its first frame from the
// article values it is given, never from something fetched after mount, so
// the browser's first render equals the server's.
//
// The package knows nothing of HTTP or of content files: it receives
// content.Article values.
package app
