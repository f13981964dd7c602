package web

// The DOM contract: what the page the server prints (package app's
// components), web/gloss.js and web/gloss.css must agree on beyond the
// page's own classes and ids. Every class and id that gloss.css styles or
// gloss.js looks up is either in the printed page or listed here, and the
// breakpoint and the storage key are spelled the same in all three: a
// test holds them to it (server/dom_test.go).

// RootClasses are the classes web/gloss.js puts on the page's <html>:
// before first paint the reader's display choices (embed view, theme,
// hidden highlights), later the wasm's start and its failure.
var RootClasses = []string{
	"gloss-embed",
	"gloss-theme-light",
	"gloss-theme-dark",
	"gloss-plain",
	"gloss-starting",
	"gloss-wasm-failed",
}

// Wide is the viewport width, in CSS pixels, from which a card opens
// beside its phrase; below it a card is a bottom sheet.
const Wide = 600

// HideHighlightsKey is the localStorage key that keeps the reader's
// "Hide highlights" choice across visits.
const HideHighlightsKey = "gloss.hideHighlights"
