// Package app is Gloss's user interface: the go-app components that render
// an article and its context cards.
//
// The server prints the article (Page: ArticleText, Card, Timeline,
// FigureChart, About) as static HTML once per page; in the browser it is
// never rendered again, and works with no script but web/gloss.js, its
// cards being native popovers. The wasm runs one component, Prompts, which
// go-app mounts as the body's first element, the only one it replaces
// when it starts: the install button and the update notice. So the wasm
// reads no article and never rebuilds what the reader is reading.
//
// The package knows nothing of HTTP or of content files: it receives
// content.Article values.
package app
