package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	ui "github.com/gloss/gloss/app"
	"github.com/gloss/gloss/content"
)

// DataIsland is the <script type="application/json"> that carries a
// page's article to the wasm. encoding/json escapes <, > and & (and
// U+2028/9) inside strings, so no article text can end the script
// element.
func DataIsland(a content.Article, newest bool) ([]byte, error) {
	b, err := json.Marshal(ui.PageData{Newest: newest, Article: a})
	if err != nil {
		return nil, fmt.Errorf("data island of %s: %w", a.Slug, err)
	}
	var out bytes.Buffer
	out.WriteString(`<script id="` + ui.DataID + `" type="application/json">`)
	out.Write(b)
	out.WriteString("</script>\n")
	return out.Bytes(), nil
}

// WithHead inserts tags just before a page's </head>.
func WithHead(page, tags []byte) ([]byte, error) {
	i := bytes.Index(page, []byte("</head>"))
	if i < 0 {
		return nil, errors.New("the page has no </head>")
	}
	out := make([]byte, 0, len(page)+len(tags))
	out = append(append(append(out, page[:i]...), tags...), page[i:]...)
	return out, nil
}
