package server

import (
	"bytes"
	"errors"
	"regexp"
)

// loaderIcon is the start of go-app's loader image as printAttributes
// writes it (attributes in name order), without the alt text an image
// must have.
var loaderIcon = []byte(`<img class="goapp-logo goapp-spin" id="app-wasm-loader-icon"`)

var (
	// pageLang is the language and direction app.Page gives its <main>
	// (attributes in name order).
	pageLang = regexp.MustCompile(`<main class="gloss" dir="(ltr|rtl)" id="gloss" lang="([A-Za-z0-9-]+)"`)
	// htmlTag is go-app's <html>, with the one language of the handler.
	htmlTag = regexp.MustCompile(`<html lang="[^"]*">`)
)

// validHTML makes go-app's parts of a page valid and true to the article:
//
//   - The loader's spinning logo gets an empty alt, which marks it as
//     decoration (the loader's text says what is happening). Without one,
//     the Nu Html Checker reports an error and axe a critical violation
//     for as long as the loader shows, i.e. before the wasm runs.
//   - The document takes the article's language and direction, which
//     go-app sets once for every page: screen readers pick their voice by
//     it, and cards, in the top layer, are placed in the direction of the
//     document, not of the article.
//
// A page without the loader or the article is left as it is.
func validHTML(doc []byte) ([]byte, error) {
	if m := pageLang.FindSubmatch(doc); m != nil {
		if !htmlTag.Match(doc) {
			return nil, errors.New("go-app's <html> tag not found; the page language fix needs updating")
		}
		tag := []byte(`<html dir="` + string(m[1]) + `" lang="` + string(m[2]) + `">`)
		doc = htmlTag.ReplaceAllLiteral(doc, tag)
	}
	if !bytes.Contains(doc, []byte(`id="app-wasm-loader-icon"`)) {
		return doc, nil
	}
	if !bytes.Contains(doc, loaderIcon) {
		return nil, errors.New("go-app's loader image is not as expected; the alt fix needs updating")
	}
	return bytes.Replace(doc, loaderIcon, []byte(`<img alt="" class="goapp-logo goapp-spin" id="app-wasm-loader-icon"`), 1), nil
}
