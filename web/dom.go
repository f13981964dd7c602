package web

// The DOM contract: what the page the server prints (package app's
// components), the scripts (web/js) and the style sheet (web/css) must
// agree on beyond the page's own classes and ids. Every class and id that
// the style sheet styles or a script looks up is either in the printed
// page or listed here. The scripts import these values (package
// internal/bundle writes them as the module "gloss:dom"), the style sheet
// names the breakpoint as (--wide) and (--narrow), which the bundler
// writes out as Wide: each value is typed here once. Tests hold the
// sources to it (server/dom_test.go, internal/bundle).

// The classes web/js puts on the page's <html>: before first paint the
// reader's display choices (embed view, theme, hidden highlights), later
// the wasm's start and its failure, and the embed view's preview under a
// host's cap on its height.
const (
	EmbedClass      = "gloss-embed"
	ThemeLightClass = "gloss-theme-light"
	ThemeDarkClass  = "gloss-theme-dark"
	PlainClass      = "gloss-plain"
	StartingClass   = "gloss-starting"
	WasmFailedClass = "gloss-wasm-failed"
	PreviewClass    = "gloss-preview"
)

// RootClasses are all the classes the scripts put on the page's <html>.
var RootClasses = []string{EmbedClass, ThemeLightClass, ThemeDarkClass, PlainClass, StartingClass, WasmFailedClass, PreviewClass}

// ContinueClass is the class of the embed preview's "Continue reading",
// which web/js adds to the page.
const ContinueClass = "gloss-continue"

// ScriptClasses are the classes of elements web/js adds to the page.
var ScriptClasses = []string{ContinueClass}

// Wide is the viewport width, in CSS pixels, from which a card opens
// beside its phrase; below it a card is a bottom sheet.
const Wide = 600

// HideHighlightsKey is the localStorage key that keeps the reader's
// "Hide highlights" choice across visits.
const HideHighlightsKey = "gloss.hideHighlights"
