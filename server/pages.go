package server

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/http/httptest"
)

// Page is a pre-rendered HTML page.
type Page struct {
	HTML []byte
	// Gzip is HTML compressed, for clients that accept it.
	Gzip []byte
}

// viewport is the viewport go-app writes into every page. It forbids
// zooming, which fails WCAG 1.4.4, so Render replaces it.
const (
	viewport         = `content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover"`
	zoomableViewport = `content="width=device-width, initial-scale=1, viewport-fit=cover"`
)

// Render pre-renders the page at path with h, once: pages depend only on
// the version, never on the request.
func Render(h http.Handler, path string) (Page, error) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	if rec.Code != http.StatusOK {
		return Page{}, fmt.Errorf("render %s: status %d", path, rec.Code)
	}
	html := rec.Body.Bytes()
	if !bytes.Contains(html, []byte(viewport)) {
		return Page{}, fmt.Errorf("render %s: go-app's viewport meta not found; the zoom fix needs updating", path)
	}
	html = bytes.Replace(html, []byte(viewport), []byte(zoomableViewport), 1)
	html = sortAttributes(joinBodyLines(html))
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(html)
	zw.Close()
	return Page{HTML: html, Gzip: gz.Bytes()}, nil
}

// joinBodyLines removes the line breaks go-app's printer puts between the
// children of every element. Between inline elements they are not
// harmless: "said <button>…</button>, and" would gain a space before the
// comma, and the page would differ from the DOM the wasm builds. Content
// text never holds a line break (the parser folds them into spaces), so
// every line break in the body is the printer's.
func joinBodyLines(html []byte) []byte {
	i := bytes.Index(html, []byte("<body"))
	if i < 0 {
		return html
	}
	body := bytes.ReplaceAll(html[i:], []byte("\n"), nil)
	return append(html[:i:i], body...)
}
