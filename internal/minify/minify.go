// Package minify minifies the scripts and styles Gloss sends, with a
// well-kept minifier, when the site is built, so that the sources stay
// readable.
package minify

import (
	"path"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/js"
)

var minifier = func() *minify.M {
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	return m
}()

// File returns the file name's bytes as Gloss sends them: scripts and
// styles minified, anything else as it is. The service worker is left as
// it is: it is fetched in the background, and the export reads its
// precache list.
func File(name string, b []byte) ([]byte, error) {
	var typ string
	switch {
	case path.Base(name) == "app-worker.js":
		return b, nil
	case path.Ext(name) == ".js":
		typ = "text/javascript"
	case path.Ext(name) == ".css":
		typ = "text/css"
	default:
		return b, nil
	}
	return minifier.Bytes(typ, b)
}
