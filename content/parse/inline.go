package parse

import (
	"bufio"
	"bytes"
	"html"
	"strings"

	"github.com/gloss/gloss/content"
	"github.com/yuin/goldmark/ast"
	mdhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// inlines converts the inline content of a block into runs of text with
// one style each. Adjacent runs of the same style are merged, so that a
// phrase split by the parser (at an escape or an entity, say) is one run
// again and anchors can be found in it.
func (m *markdown) inlines(block ast.Node) []content.Inline {
	var pieces []content.Inline
	m.walk(block, content.Inline{}, &pieces)
	out := merge(pieces)
	// A line break at the very end shows nothing.
	if n := len(out); n > 0 {
		out[n-1].Text = strings.TrimRight(out[n-1].Text, " ")
		if out[n-1].Text == "" {
			out = out[:n-1]
		}
	}
	return out
}

// walk appends the runs of n's children, each styled like style plus what
// the child adds.
func (m *markdown) walk(n ast.Node, style content.Inline, out *[]content.Inline) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			s := string(c.Value(m.src))
			if !c.IsRaw() {
				s = unescape(c.Value(m.src))
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				// The model has no line breaks: a break inside a
				// paragraph reads as a space.
				s += " "
			}
			add(out, style, s)
		case *ast.String:
			s := string(c.Value)
			if !c.IsRaw() && !c.IsCode() {
				s = unescape(c.Value)
			}
			add(out, style, s)
		case *ast.Emphasis:
			st := style
			if c.Level >= 2 {
				st.Strong = true
			} else {
				st.Em = true
			}
			m.walk(c, st, out)
		case *ast.Link:
			m.walk(c, m.link(c, string(util.URLEscape(c.Destination, true)), style), out)
		case *ast.AutoLink:
			add(out, m.link(c, string(util.URLEscape(c.URL(m.src), false)), style), string(c.Label(m.src)))
		case *ast.RawHTML:
			// Not rendered: shown as the text the editor wrote.
			add(out, style, string(c.Segments.Value(m.src)))
		default:
			m.unsupported(c)
		}
	}
}

// link returns the style of a link's text, reporting a URL that may not be
// linked; the text then stays, unlinked, so the problem is the only loss.
func (m *markdown) link(n ast.Node, href string, style content.Inline) content.Inline {
	if err := checkURL(href); err != nil {
		m.errorf(n, "link %v", err)
		return style
	}
	style.Href = href
	return style
}

// add appends text in a style as a piece of its own; inlines merges the
// pieces afterwards.
func add(out *[]content.Inline, style content.Inline, text string) {
	if text == "" {
		return
	}
	style.Text = text
	*out = append(*out, style)
}

// merge joins adjacent pieces of the same style into one run. Each run is
// built once, in a buffer of its final size: appending to the run piece by
// piece copied the whole run again at every soft line break, so a long
// paragraph took time in the square of its lines.
func merge(pieces []content.Inline) []content.Inline {
	var out []content.Inline
	for i := 0; i < len(pieces); {
		j, size := i+1, len(pieces[i].Text)
		for ; j < len(pieces) && sameStyle(pieces[i], pieces[j]); j++ {
			size += len(pieces[j].Text)
		}
		run := pieces[i]
		if j > i+1 {
			var b strings.Builder
			b.Grow(size)
			for _, p := range pieces[i:j] {
				b.WriteString(p.Text)
			}
			run.Text = b.String()
		}
		out = append(out, run)
		i = j
	}
	return out
}

func sameStyle(a, b content.Inline) bool {
	return a.Em == b.Em && a.Strong == b.Strong && a.Href == b.Href && a.Note == b.Note
}

var textWriter = mdhtml.NewWriter()

// unescape resolves Markdown backslash escapes and HTML character
// references in a text segment. It asks goldmark's own HTML writer, which
// knows the exact CommonMark rules, and undoes the HTML escaping that
// writer adds.
func unescape(raw []byte) string {
	if !bytes.ContainsAny(raw, `\&`) && bytes.IndexByte(raw, 0) < 0 {
		return string(raw)
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	textWriter.Write(w, raw)
	_ = w.Flush()
	return html.UnescapeString(buf.String())
}
