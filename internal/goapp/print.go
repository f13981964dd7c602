package goapp

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/gloss/gloss/internal/escape"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Print prints a tree of go-app elements as Gloss serves it: go-app's
// printer, then its output made safe and stable. Attribute values are
// escaped for HTML and sorted by name (printAttributes), and the line
// breaks go-app's printer puts between the children of every element are
// removed: between inline elements they are not harmless ("said
// <button>…</button>, and" would gain a space before the comma, and the
// page would differ from the DOM the wasm builds). Content text never
// holds a line break (the parser folds them into spaces), so every line
// break in what go-app prints of a component is the printer's.
func Print(ui app.UI) ([]byte, error) {
	b := bytes.ReplaceAll([]byte(app.HTMLString(ui)), []byte("\n"), nil)
	return printAttributes(b)
}

// printAttributes rewrites the attribute values of go-app's HTML with
// the escaping of package escape. go-app prints attribute values as Go
// strings (strconv.Quote), which escapes a quote as \" — a backslash HTML
// does not know — so an
// editor's `"` in a description would end the attribute and let the rest
// of the value become attributes of its own (a meta refresh, an event
// handler). printAttributes reads every start tag of go-app's HTML,
// unquotes each value and writes it back HTML-escaped, with the
// attributes in name order: go-app keeps attributes in a map, so two
// printings of the same component differ in attribute order; sorted, a
// page depends only on its content.
//
// It reads the HTML go-app prints: text escaped, attribute values quoted
// with strconv.Quote, script and style elements empty or verbatim. When
// it meets anything else it fails: a page it cannot read is a page it
// cannot vouch for.
func printAttributes(doc []byte) ([]byte, error) {
	out := make([]byte, 0, len(doc)+len(doc)/16)
	i := 0
	for i < len(doc) {
		j := bytes.IndexByte(doc[i:], '<')
		if j < 0 {
			out = append(out, doc[i:]...)
			break
		}
		out = append(out, doc[i:i+j]...)
		i += j
		if i+1 >= len(doc) || !isLetter(doc[i+1]) {
			out = append(out, '<')
			i++
			continue
		}
		tag, attrs, end, n, ok := parseStartTag(doc[i:])
		if !ok {
			return nil, fmt.Errorf("print attributes: unreadable start tag at byte %d", i)
		}
		slices.SortStableFunc(attrs, func(a, b attr) int { return bytes.Compare(a.name, b.name) })
		out = append(out, '<')
		out = append(out, tag...)
		for _, a := range attrs {
			out = append(out, ' ')
			out = append(out, a.name...)
			if a.value == nil {
				// go-app prints the value "true" as a bare attribute,
				// which an ARIA state reads as empty, not true.
				if bytes.HasPrefix(a.name, []byte("aria-")) {
					out = append(out, `="true"`...)
				}
				continue
			}
			v, err := strconv.Unquote(string(a.value[1:]))
			if err != nil {
				return nil, fmt.Errorf("print attributes: <%s %s>: %w", tag, a.name, err)
			}
			out = escape.AppendAttrValue(append(out, '='), v)
		}
		out = append(out, end...)
		i += n
		// The content of script and style is not HTML: copy it as is.
		if t := string(bytes.ToLower(tag)); t == "script" || t == "style" {
			k := bytes.Index(doc[i:], []byte("</"+t))
			if k < 0 {
				return nil, errors.New("print attributes: unclosed <" + t + ">")
			}
			out = append(out, doc[i:i+k]...)
			i += k
		}
	}
	return out, nil
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
