package server

import (
	_ "embed"

	"github.com/gloss/gloss/app/i18n"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// WasmLengthHeader carries the uncompressed size of the wasm, which
// go-app's loader needs to show a true percentage for a compressed body.
const WasmLengthHeader = "X-Gloss-Wasm-Length"

//go:embed app-worker.js
var workerTemplate string

// AppHandler returns the go-app handler that renders Gloss pages and
// writes app.js, the service worker and the manifest. The server and the
// static export both use it, so they produce the same pages. It depends
// on the build only (version and resource paths) and the site's language,
// never on the articles: they reach it through the routes each page
// registers before it is rendered (ui.Route).
func AppHandler(version string, res Resources, lang string) *app.Handler {
	if lang == "" {
		lang = "en"
	}
	return &app.Handler{
		Name:        Info.Name,
		ShortName:   Info.ShortName,
		Title:       Info.Name,
		Description: Info.Description,
		// go-app has one language and one loader text for the whole
		// site: the newest article's when the server starts. (Each
		// page's <html> then takes its own article's language:
		// validHTML.)
		Lang:            lang,
		BackgroundColor: Info.BackgroundColor,
		ThemeColor:      Info.ThemeColor,
		LoadingLabel:    i18n.For(lang).Loading,
		// go-app names its SVG icon as the tab's (<link rel="icon">);
		// a 32 px PNG goes there instead. Chromium decodes a page's icon
		// on the page's main thread, and fetches it again after every
		// change of address: each card a reader opened or closed
		// (gloss.js names it in the address) cost that, and the first
		// visit's service worker once more, during the wasm's start. At
		// CPU 4× an SVG icon took 30 ms (a document of its own), the
		// 192 px PNG 10.6 ms (docs/performance.md, item 12.20). The
		// manifest still offers the SVG icon and the large ones, for
		// installing.
		Icon: app.Icon{
			Default:    "/web/icon-192.png",
			Large:      "/web/icon-512.png",
			SVG:        "/web/icon-32.png",
			AppleTouch: "/web/icon-192.png",
		},
		Styles: []string{"/web/gloss.css" + res.Query["gloss.css"]},
		// Loaded without defer, in the head: it sets the reader's display
		// choices before first paint and guards storage before app.js runs.
		Scripts: []string{"/web/gloss.js" + res.Query["gloss.js"]},
		// go-app precaches its default, large and Apple icons, not the
		// tab's nor the manifest's SVG and maskable ones.
		CacheableResources:      []string{"/web/icon-32.png", "/web/icon.svg", "/web/icon-maskable-512.png"},
		Version:                 version,
		WasmContentLengthHeader: WasmLengthHeader,
		ServiceWorkerTemplate:   workerTemplate,
		Resources:               res,
	}
}

// Resources is the go-app ResourceProvider of a Gloss build: every URL
// under Root ("" at a host's root, "/gloss" under a sub-path), and the
// wasm named by its content, so it can be cached for good. Unlike
// go-app's own providers it serves nothing.
type Resources struct {
	Root string
	// Wasm is the URL path of the wasm, as /web/app-0123456789abcdef.wasm.
	Wasm string
	// Query versions a web asset's URL by its content ("?v=…"), by file
	// name: a page names the exact bytes it was built with.
	Query map[string]string
}

func (r Resources) Package() string { return r.Root }
func (r Resources) Static() string  { return r.Root }
func (r Resources) AppWASM() string { return r.Wasm }
