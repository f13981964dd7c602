package server

import (
	_ "embed"

	ui "github.com/gloss/gloss/app"
	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/content"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// WasmLengthHeader carries the uncompressed size of the wasm, which
// go-app's loader needs to show a true percentage for a compressed body.
const WasmLengthHeader = "X-Gloss-Wasm-Length"

//go:embed app-worker.js
var workerTemplate string

// AppHandler returns the go-app handler that renders Gloss pages and
// writes app.js, the service worker and the manifest. The server and the
// static export both use it, so they produce the same pages.
func AppHandler(articles []content.Article, version string) *app.Handler {
	title, lang := "Gloss", "en"
	if len(articles) > 0 {
		title = articles[0].Title
		if articles[0].Lang != "" {
			lang = articles[0].Lang
		}
	}
	return &app.Handler{
		Name:        Info.Name,
		ShortName:   Info.ShortName,
		Title:       title,
		Description: Info.Description,
		// go-app has one language and one loader text for the whole
		// site: the first article's. (Each page's <html> then takes its
		// own article's language: validHTML.)
		Lang:            lang,
		BackgroundColor: Info.BackgroundColor,
		ThemeColor:      Info.ThemeColor,
		LoadingLabel:    i18n.For(lang).Loading,
		Icon: app.Icon{
			Default:    "/web/icon-192.png",
			Large:      "/web/icon-512.png",
			SVG:        "/web/icon.svg",
			AppleTouch: "/web/icon-192.png",
		},
		Styles: []string{"/web/gloss.css"},
		// Loaded without defer, in the head: it sets the reader's display
		// choices before first paint and guards storage before app.js runs.
		Scripts:                 []string{"/web/gloss.js"},
		CacheableResources:      cacheable(articles),
		Version:                 version,
		WasmContentLengthHeader: WasmLengthHeader,
		ServiceWorkerTemplate:   workerTemplate,
	}
}

// cacheable lists what the service worker precaches beyond go-app's own
// list: every article page and the maskable icon.
func cacheable(articles []content.Article) []string {
	res := []string{"/web/icon-maskable-512.png"}
	for _, a := range articles {
		res = append(res, ui.ArticlePath(a.Slug))
	}
	return res
}

// Paths lists the page paths of articles: "/" for the first, then each
// article's own path.
func Paths(articles []content.Article) []string {
	var paths []string
	for i, a := range articles {
		if i == 0 {
			paths = append(paths, "/")
		}
		paths = append(paths, ui.ArticlePath(a.Slug))
	}
	return paths
}
