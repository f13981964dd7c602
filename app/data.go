package app

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/gloss/gloss/content"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// DataID is the id of the page's data island: a <script
// type="application/json"> in the head that carries the page's article, so
// the wasm renders what the server rendered without any article compiled
// into it. go-app replaces the body when it starts, never the head.
const DataID = "gloss-data"

// PageData is what a page tells the wasm: its article, and whether it is
// the newest, which the site also serves at "/".
type PageData struct {
	Newest  bool            `json:"newest"`
	Article content.Article `json:"article"`
}

// ReadPageData decodes the page's data island. go-app already links
// encoding/json, so decoding costs the wasm no bytes.
func ReadPageData() (PageData, error) {
	var d PageData
	if app.IsServer {
		return d, errors.New("page data: not in a browser")
	}
	el := element(DataID)
	if !el.Truthy() {
		return d, errors.New("page data: the page has no #" + DataID)
	}
	if err := json.Unmarshal([]byte(el.Get("textContent").String()), &d); err != nil {
		return d, fmt.Errorf("page data: %w", err)
	}
	return d, nil
}
