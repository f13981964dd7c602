package goapp

import (
	"bytes"
	"fmt"

	"github.com/gloss/gloss/internal/escape"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Page is one page Gloss prints, in the parts it is made of. The shell
// around them is go-app's page as its handler prints it (http.go,
// servePage), which the wasm expects when it starts: go-app's root is the
// body's first element, its loader the body's last, and app.js with
// wasm_exec.js in the head. TestThePageIsGoAppsShape holds the two
// together.
type Page struct {
	// Lang and Dir are the page's language and direction: the <html>'s,
	// which screen readers pick their voice by and cards, in the top
	// layer, are placed in the direction of.
	Lang, Dir string
	// Title and Description name the page in its head.
	Title, Description string
	// Type is the page's og:type: "website" when empty, "article" for
	// an article.
	Type string
	// Head are tags Gloss writes itself after go-app's (the canonical
	// link, og:url, oEmbed discovery, the preview's script), escaped by
	// their writer.
	Head []byte
	// Root is go-app's root component as the server prints it: the
	// element the wasm replaces when it starts, and nothing else.
	Root app.UI
	// Main is the page's content, after the root: the wasm never touches
	// it.
	Main app.UI
	// Loading is the loader's text, shown while the wasm starts.
	Loading string
}

// Render prints p in the adapter's shell.
func (a *Adapter) Render(p Page) ([]byte, error) {
	root, err := Print(p.Root)
	if err != nil {
		return nil, fmt.Errorf("page %q: go-app's root: %w", p.Title, err)
	}
	main, err := Print(p.Main)
	if err != nil {
		return nil, fmt.Errorf("page %q: %w", p.Title, err)
	}
	var b bytes.Buffer
	b.Grow(len(main) + 4096)
	b.WriteString("<!DOCTYPE html>\n<html " + escape.Attr("dir", p.Dir) + " " + escape.Attr("lang", p.Lang) + ">\n<head>\n")
	b.WriteString("<meta charset=\"UTF-8\">\n")
	meta := func(content, key, name string) {
		// No tag with empty content: it says nothing, and link
		// previews and validators read it as a broken one.
		if content != "" {
			b.WriteString("<meta " + escape.Attr("content", content) + " " + key + "=\"" + name + "\">\n")
		}
	}
	meta(p.Description, "name", "description")
	meta(a.h.ThemeColor, "name", "theme-color")
	// go-app's viewport forbids zooming, which fails WCAG 1.4.4.
	meta("width=device-width, initial-scale=1, viewport-fit=cover", "name", "viewport")
	meta(p.Title, "property", "og:title")
	meta(p.Description, "property", "og:description")
	typ := p.Type
	if typ == "" {
		typ = "website"
	}
	meta(typ, "property", "og:type")
	b.WriteString("<title>" + escape.Text(p.Title) + "</title>\n")
	for _, s := range a.styles {
		b.WriteString("<link as=\"style\" " + escape.Attr("href", s) + " rel=\"preload\" type=\"text/css\">\n")
	}
	b.WriteString("<link " + escape.Attr("href", a.h.Icon.SVG) + " rel=\"icon\">\n")
	b.WriteString("<link " + escape.Attr("href", a.h.Icon.AppleTouch) + " rel=\"apple-touch-icon\">\n")
	b.WriteString("<link " + escape.Attr("href", a.path("/manifest.webmanifest")) + " rel=\"manifest\">\n")
	for _, s := range a.styles {
		b.WriteString("<link " + escape.Attr("href", s) + " rel=\"stylesheet\" type=\"text/css\">\n")
	}
	b.WriteString("<script defer " + escape.Attr("src", a.path("/wasm_exec.js")) + "></script>\n")
	// app.js starts the wasm's download the moment it runs: printed as
	// a data block the browser neither fetches nor runs, which
	// web/gloss.js starts once the page has loaded and is idle (in a
	// frame, on the reader's first touch), so the text never waits
	// behind it. The address is in data-src: a data block may not have
	// a src.
	b.WriteString("<script " + escape.Attr("data-src", a.path("/app.js")) + " type=\"gloss/after-paint\"></script>\n")
	for _, s := range a.h.Scripts {
		b.WriteString("<script " + escape.Attr("src", s) + "></script>\n")
	}
	b.Write(p.Head)
	b.WriteString("</head>\n<body>")
	b.Write(root)
	b.Write(main)
	// go-app's loader; its spinning logo is decoration (the text says
	// what is happening), so its alt is empty: without one the Nu Html
	// Checker reports an error and axe a critical violation for as long
	// as the loader shows.
	b.WriteString("<aside class=\"goapp-app-info\" id=\"app-wasm-loader\"><img alt=\"\" class=\"goapp-logo goapp-spin\" id=\"app-wasm-loader-icon\" " +
		escape.Attr("src", a.h.Icon.Default) + "><p class=\"goapp-label\" id=\"app-wasm-loader-label\">" + escape.Text(p.Loading) + "</p></aside></body></html>")
	return b.Bytes(), nil
}
