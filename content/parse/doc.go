// Package parse reads Gloss articles from their files (see
// docs/content-format.md) into the content model and checks them.
//
// It runs only on the server and in build tools: it imports the YAML and
// Markdown parsers, which must never reach the WebAssembly binary. The wasm
// needs no article: each page carries its own, printed by the server.
//
// Editors are the users of this package, so it reports every problem it
// finds, each as a *Error naming the file and line, rather than stopping at
// the first one; and it never panics, whatever the input.
package parse
