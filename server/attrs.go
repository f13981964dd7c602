package server

import (
	"bytes"
	"slices"
)

// sortAttributes prints every start tag of go-app's HTML with its
// attributes in name order. go-app keeps attributes in a map, so two
// renderings of the same page differ in attribute order; sorted, a page
// depends only on its content, and the static export writes the same
// bytes as the server serves (and as the previous export, when nothing
// changed).
//
// It reads the HTML go-app prints: text escaped, attribute values quoted
// with strconv.Quote, script and style elements empty or verbatim. When
// it meets anything else it returns html unchanged.
func sortAttributes(html []byte) []byte {
	out := make([]byte, 0, len(html))
	i := 0
	for i < len(html) {
		j := bytes.IndexByte(html[i:], '<')
		if j < 0 {
			out = append(out, html[i:]...)
			break
		}
		out = append(out, html[i:i+j]...)
		i += j
		if i+1 >= len(html) || !isLetter(html[i+1]) {
			out = append(out, '<')
			i++
			continue
		}
		tag, attrs, end, n, ok := parseStartTag(html[i:])
		if !ok {
			return html
		}
		slices.SortStableFunc(attrs, func(a, b attr) int { return bytes.Compare(a.name, b.name) })
		out = append(out, '<')
		out = append(out, tag...)
		for _, a := range attrs {
			out = append(out, ' ')
			out = append(out, a.name...)
			out = append(out, a.value...)
		}
		out = append(out, end...)
		i += n
		// The content of script and style is not HTML: copy it as is.
		if t := string(bytes.ToLower(tag)); t == "script" || t == "style" {
			k := bytes.Index(html[i:], []byte("</"+t))
			if k < 0 {
				return html
			}
			out = append(out, html[i:i+k]...)
			i += k
		}
	}
	return out
}

// attr is one attribute of a start tag: its name, and its value with the
// '=' and quotes as printed, or nothing for a bare attribute.
type attr struct {
	name, value []byte
}

// parseStartTag reads the start tag at the beginning of b, which starts
// with '<' and a letter. It returns the tag name, the attributes, the
// closing ">" or "/>", and the length of the tag.
func parseStartTag(b []byte) (tag []byte, attrs []attr, end []byte, n int, ok bool) {
	i := 1
	for i < len(b) && isNameByte(b[i]) {
		i++
	}
	tag = b[1:i]
	for {
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i >= len(b) {
			return nil, nil, nil, 0, false
		}
		switch {
		case b[i] == '>':
			return tag, attrs, b[i : i+1], i + 1, true
		case b[i] == '/' && i+1 < len(b) && b[i+1] == '>':
			return tag, attrs, b[i : i+2], i + 2, true
		}
		start := i
		for i < len(b) && !isSpace(b[i]) && b[i] != '=' && b[i] != '>' && b[i] != '/' {
			i++
		}
		if i == start {
			return nil, nil, nil, 0, false
		}
		a := attr{name: b[start:i]}
		if i < len(b) && b[i] == '=' {
			// A Go-quoted string: it ends at the first '"' not escaped
			// with a backslash.
			if i+1 >= len(b) || b[i+1] != '"' {
				return nil, nil, nil, 0, false
			}
			k := i + 2
			for k < len(b) && b[k] != '"' {
				if b[k] == '\\' {
					k++
				}
				k++
			}
			if k >= len(b) {
				return nil, nil, nil, 0, false
			}
			a.value = b[i : k+1]
			i = k + 1
		}
		attrs = append(attrs, a)
	}
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isNameByte(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' || c == '-' }

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }
