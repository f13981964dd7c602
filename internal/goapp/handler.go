package goapp

import (
	_ "embed"
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// WasmLengthHeader carries the uncompressed size of the wasm, which
// go-app's loader needs to show a true percentage for a compressed body.
const WasmLengthHeader = "X-Gloss-Wasm-Length"

//go:embed app-worker.js
var workerTemplate string

// Build is what the adapter needs to know of a build of the site.
type Build struct {
	// Version names the build: it keys the service worker's cache.
	Version string
	// Resources are the build's URLs.
	Resources Resources
	// Info describes the app: its name, colours and description.
	Info Info
	// Loading is the loader's text in app.js, as go-app has one for the
	// whole site (each page prints its own in its language).
	Loading string
}

// Info is what the manifest and go-app's files say about the app.
type Info struct {
	Name, ShortName, Description, BackgroundColor, ThemeColor string
}

// Adapter is go-app, as Gloss uses it on the server: the files its
// handler writes (app.js, the service worker, its styles, wasm_exec.js),
// made once per build, and the shell of every page. go-app renders no
// page of Gloss's: only its components are printed (Print).
type Adapter struct {
	h      *app.Handler
	styles []string
	files  []File
}

// New makes the adapter of build b, writing go-app's files once.
func New(b Build) (*Adapter, error) {
	h := handler(b)
	a := &Adapter{h: h}
	files, err := goAppFiles(h)
	if err != nil {
		return nil, fmt.Errorf("go-app: %w", err)
	}
	a.files = files
	// Writing its files ran the handler's init, which put every path
	// under the build's root, and its own styles before Gloss's: the
	// page's shell reads them from the handler from now on.
	a.styles = h.Styles
	return a, nil
}

// path is the URL path of go-app's file p under the build's root.
func (a *Adapter) path(p string) string { return a.h.Resources.Package() + p }

// handler is the go-app handler of build b, which writes go-app's files.
func handler(b Build) *app.Handler {
	res := b.Resources
	// Paths are given as at a host's root: go-app puts them under the
	// resources' root itself.
	return &app.Handler{
		Name:            b.Info.Name,
		ShortName:       b.Info.ShortName,
		Title:           b.Info.Name,
		Description:     b.Info.Description,
		BackgroundColor: b.Info.BackgroundColor,
		ThemeColor:      b.Info.ThemeColor,
		LoadingLabel:    b.Loading,
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
		Version:                 b.Version,
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
