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

// "Updated since you read it" (web/js/cards/seen.js): a shared card
// (.gloss-card[data-card]) that changed since the reader last opened it
// gets UpdatedClass, a badge with the card's data-updated words, in its
// phrase; its developments (li[data-dev]) the reader has not seen get
// NewClass, and a label with the card's data-new words, NewLabelClass.
// All go once the reader has opened the card and closed it again.
const (
	UpdatedClass  = "gloss-updated"
	NewClass      = "gloss-new"
	NewLabelClass = "gloss-new-label"
)

// UpdatedIDSuffix follows a card's id in the id of its phrase's badge,
// which names the phrase's button with it (aria-labelledby).
const UpdatedIDSuffix = "-updated"

// ScriptClasses are the classes of elements web/js adds to the page.
var ScriptClasses = []string{ContinueClass, UpdatedClass, NewClass, NewLabelClass}

// Wide is the viewport width, in CSS pixels, from which a card opens
// beside its phrase; below it a card is a bottom sheet.
const Wide = 600

// HideHighlightsKey is the localStorage key that keeps the reader's
// "Hide highlights" choice across visits.
const HideHighlightsKey = "gloss.hideHighlights"

// SeenKey is the localStorage key under which the reader's device keeps,
// for each shared card it showed, the card's version and the keys of
// the developments it showed, as JSON:
// {"<card id>": {"v": "<data-version>", "d": ["<data-dev>", …]}, …}.
// Nothing of it leaves the device.
const SeenKey = "gloss.seen"

// SeenLimit is the most cards SeenKey keeps; past it, the ones opened
// longest ago are forgotten.
const SeenLimit = 500
