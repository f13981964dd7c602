package site

import (
	"bytes"
	"errors"
)

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
