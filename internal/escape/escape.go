// Package escape is the one place where Gloss escapes what it writes for
// the context it writes it in: HTML text, a double-quoted HTML attribute
// value, a URL path segment or query value. Every tag, link and
// document Gloss writes itself goes through these; what go-app prints
// goes through the go-app adapter's printer, which uses Attr's rules too.
package escape

import (
	"encoding/xml"
	"html"
	"net/url"
	"strings"
)

// Text escapes s for HTML text: &, <, >, ' and ".
func Text(s string) string { return html.EscapeString(s) }

// AppendAttrValue appends v to b as a double-quoted HTML attribute value:
// &, <, >, ' and " are escaped, so no value can end its attribute or its
// tag, whatever an editor wrote.
func AppendAttrValue(b []byte, v string) []byte {
	b = append(b, '"')
	b = append(b, html.EscapeString(v)...)
	return append(b, '"')
}

// Attr returns name="v" with v escaped by AppendAttrValue.
func Attr(name, v string) string {
	return name + "=" + string(AppendAttrValue(nil, v))
}

// PathSegment escapes s for one segment of a URL path.
func PathSegment(s string) string { return url.PathEscape(s) }

// QueryValue escapes s for a URL query value.
func QueryValue(s string) string { return url.QueryEscape(s) }

// XML escapes s for XML text or a double-quoted attribute value.
func XML(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
