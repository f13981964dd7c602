package server

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
)

// Page is a pre-rendered HTML page.
type Page struct {
	HTML []byte
}

// viewport is the viewport go-app writes into every page. It forbids
// zooming, which fails WCAG 1.4.4, so Render replaces it.
const (
	viewport         = `content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover"`
	zoomableViewport = `content="width=device-width, initial-scale=1, viewport-fit=cover"`
)

// Render pre-renders the page at path with h, once, with article (static
// HTML) after go-app's root: pages depend only on the version and the
// article, never on the request.
func Render(h http.Handler, path string, article []byte) (Page, error) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	if rec.Code != http.StatusOK {
		return Page{}, fmt.Errorf("render %s: status %d", path, rec.Code)
	}
	doc, err := withArticle(rec.Body.Bytes(), article)
	if err != nil {
		return Page{}, fmt.Errorf("render %s: %w", path, err)
	}
	if !bytes.Contains(doc, []byte(viewport)) {
		return Page{}, fmt.Errorf("render %s: go-app's viewport meta not found; the zoom fix needs updating", path)
	}
	doc = bytes.Replace(doc, []byte(viewport), []byte(zoomableViewport), 1)
	if doc, err = printAttributes(joinBodyLines(doc)); err != nil {
		return Page{}, fmt.Errorf("render %s: %w", path, err)
	}
	if doc, err = startAfterPaint(doc); err != nil {
		return Page{}, fmt.Errorf("render %s: %w", path, err)
	}
	if doc, err = validHTML(doc); err != nil {
		return Page{}, fmt.Errorf("render %s: %w", path, err)
	}
	// go-app names the page by the request's URL, here a made-up host:
	// the page's public URL is set, if known, by WithPageURL.
	doc = ogURL.ReplaceAll(doc, nil)
	return Page{HTML: doc}, nil
}

// appScript is go-app's script tag for app.js, which starts the wasm
// download the moment it runs.
var appScript = regexp.MustCompile(`<script defer src="([^"]*/app\.js)"></script>`)

// startAfterPaint turns app.js into a script the browser neither fetches
// nor runs; web/gloss.js starts it once the page has loaded and is idle
// (in a frame, on the reader's first touch), so the text never waits
// behind it, and starts the wasm later still (GoAppFile).
func startAfterPaint(doc []byte) ([]byte, error) {
	if !appScript.Match(doc) {
		return nil, errors.New("go-app's app.js script tag not found; the after-paint start needs updating")
	}
	// The address is in data-src: a data block may not have a src.
	return appScript.ReplaceAll(doc, []byte(`<script data-src="$1" type="gloss/after-paint"></script>`)), nil
}

// loaderTag is go-app's loader, the element it prints after its root
// (its attributes in any order).
var loaderTag = regexp.MustCompile(`<aside [^>]*id="app-wasm-loader"`)

// withArticle puts the article's HTML right after go-app's root element,
// the body's first child: go-app replaces that element when the wasm
// starts, and leaves its siblings alone.
func withArticle(doc, article []byte) ([]byte, error) {
	loc := loaderTag.FindIndex(doc)
	if loc == nil {
		return nil, errors.New("go-app's loader not found after its root; the article's place needs updating")
	}
	i := loc[0]
	out := make([]byte, 0, len(doc)+len(article))
	return append(append(append(out, doc[:i]...), article...), doc[i:]...), nil
}

var ogURL = regexp.MustCompile(`<meta content="[^"]*" property="og:url">\n?`)

// joinBodyLines removes the line breaks go-app's printer puts between the
// children of every element. Between inline elements they are not
// harmless: "said <button>…</button>, and" would gain a space before the
// comma, and the page would differ from the DOM the wasm builds. Content
// text never holds a line break (the parser folds them into spaces), so
// every line break in the body is the printer's.
func joinBodyLines(doc []byte) []byte {
	i := bytes.Index(doc, []byte("<body"))
	if i < 0 {
		return doc
	}
	body := bytes.ReplaceAll(doc[i:], []byte("\n"), nil)
	return append(doc[:i:i], body...)
}
