package server

import (
	"bytes"
	"errors"
)

// loaderIcon is the start of go-app's loader image as printAttributes
// writes it (attributes in name order), without the alt text an image
// must have.
var loaderIcon = []byte(`<img class="goapp-logo goapp-spin" id="app-wasm-loader-icon"`)

// validHTML makes go-app's parts of a page valid HTML: the loader's
// spinning logo gets an empty alt, which marks it as decoration (the
// loader's text says what is happening). Without one, the Nu Html Checker
// reports an error and axe a critical violation for as long as the loader
// shows, i.e. before the wasm runs. A page without the loader is left as
// it is.
func validHTML(doc []byte) ([]byte, error) {
	if !bytes.Contains(doc, []byte(`id="app-wasm-loader-icon"`)) {
		return doc, nil
	}
	if !bytes.Contains(doc, loaderIcon) {
		return nil, errors.New("go-app's loader image is not as expected; the alt fix needs updating")
	}
	return bytes.Replace(doc, loaderIcon, []byte(`<img alt="" class="goapp-logo goapp-spin" id="app-wasm-loader-icon"`), 1), nil
}
