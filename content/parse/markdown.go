package parse

import (
	"fmt"
	"strings"

	"github.com/gloss/gloss/content"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// CommonMark with no extensions: editors write plain Markdown, and what
// the model cannot show is reported rather than rendered some other way.
var mdParser = goldmark.DefaultParser()

// markdown converts one Markdown text, a file's body or a YAML field, into
// content blocks. It allows only what the model can show: paragraphs,
// "##" headings where headings are allowed, bulleted lists where lists are
// allowed, emphasis, strong emphasis and http(s) links. Raw HTML is kept
// as literal text, as the spec promises; anything else is reported, never
// dropped.
type markdown struct {
	f   *file
	src []byte
	// field is the YAML field the text came from, "" for the file's body.
	field string
	// lineAt returns the file line of a byte offset in src.
	lineAt func(off int) int
	// where names the text in messages: "the article", "a note".
	where    string
	headings bool
	lists    bool
}

// bodyMarkdown is the markdown of a file's body.
func (f *file) bodyMarkdown(where string) *markdown {
	return &markdown{f: f, src: f.body, lineAt: f.bodyLineAt, where: where}
}

func (m *markdown) errorf(n ast.Node, format string, args ...any) {
	m.f.errorf(m.lineAt(pos(n)), m.field, format, args...)
}

// parse runs the Markdown parser, guarding against its panics: the package
// promises never to panic, and that parser is not ours.
func (m *markdown) parse() (doc ast.Node) {
	if !m.guard() {
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			m.f.errorf(m.lineAt(0), m.field, "the Markdown parser failed: %v", r)
			doc = nil
		}
	}()
	return mdParser.Parse(text.NewReader(m.src), parser.WithContext(parser.NewContext()))
}

// blocks converts the whole text.
func (m *markdown) blocks() []content.Block {
	doc := m.parse()
	if doc == nil {
		return nil
	}
	var out []content.Block
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Paragraph:
			out = appendBlock(out, content.Block{Kind: content.Paragraph, Text: m.inlines(n)})
		case *ast.HTMLBlock:
			out = appendBlock(out, content.Block{Kind: content.Paragraph, Text: m.htmlBlock(n)})
		case *ast.Heading:
			if b, ok := m.heading(n); ok {
				out = append(out, b)
			}
		case *ast.List:
			if b, ok := m.list(n); ok {
				out = append(out, b)
			}
		case *ast.LinkReferenceDefinition:
			// Used by the links that refer to it; nothing to show.
		default:
			m.unsupported(n)
		}
	}
	return out
}

func appendBlock(out []content.Block, b content.Block) []content.Block {
	if len(b.Text) == 0 {
		return out
	}
	return append(out, b)
}

// paragraph converts a text that must be a single paragraph, such as a
// timeline event.
func (m *markdown) paragraph() []content.Inline {
	doc := m.parse()
	if doc == nil {
		return nil
	}
	var out []content.Inline
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Paragraph:
			if out != nil {
				m.errorf(n, "must be a single paragraph")
				return out
			}
			out = m.inlines(n)
		case *ast.LinkReferenceDefinition:
		default:
			m.errorf(n, "must be a single paragraph of text")
			return out
		}
	}
	return out
}

func (m *markdown) heading(n *ast.Heading) (content.Block, bool) {
	switch {
	case !m.headings:
		m.errorf(n, "headings are not allowed in %s", m.where)
	case n.Level != 2:
		m.errorf(n, "only ## headings are allowed in %s, not %s", m.where, strings.Repeat("#", n.Level))
	default:
		b := content.Block{Kind: content.Heading, Text: m.inlines(n)}
		if len(b.Text) == 0 {
			m.errorf(n, "empty heading")
			return b, false
		}
		return b, true
	}
	return content.Block{}, false
}

// list converts a bulleted list whose items are each one paragraph: the
// model's list items are runs of text, not nested blocks.
func (m *markdown) list(n *ast.List) (content.Block, bool) {
	switch {
	case !m.lists:
		m.errorf(n, "lists are not allowed in %s", m.where)
		return content.Block{}, false
	case n.IsOrdered():
		m.errorf(n, "numbered lists are not supported; use a bulleted list (- item)")
		return content.Block{}, false
	}
	b := content.Block{Kind: content.List}
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		var text []content.Inline
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				if text != nil {
					m.errorf(c, "a list item must be a single paragraph")
					continue
				}
				text = m.inlines(c)
			case *ast.List:
				m.errorf(c, "nested lists are not supported")
			default:
				m.unsupported(c)
			}
		}
		if len(text) == 0 {
			m.errorf(item, "empty list item")
			continue
		}
		b.Items = append(b.Items, text)
	}
	return b, len(b.Items) > 0
}

// htmlBlock keeps a raw HTML block as the literal text of a paragraph.
func (m *markdown) htmlBlock(n *ast.HTMLBlock) []content.Inline {
	var lines []string
	for i := range n.Lines().Len() {
		seg := n.Lines().At(i)
		lines = append(lines, string(seg.Value(m.src)))
	}
	if n.HasClosure() {
		closure := n.ClosureLine
		lines = append(lines, string(closure.Value(m.src)))
	}
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	s := strings.TrimSpace(strings.Join(lines, " "))
	if s == "" {
		return nil
	}
	return []content.Inline{{Text: s}}
}

// unsupported reports a Markdown construct the model cannot show, naming
// it the way an editor would know it.
func (m *markdown) unsupported(n ast.Node) {
	name := map[ast.NodeKind]string{
		ast.KindBlockquote:      "block quotes (>)",
		ast.KindCodeBlock:       "code blocks (is the text indented by four spaces?)",
		ast.KindFencedCodeBlock: "code blocks (```)",
		ast.KindThematicBreak:   "horizontal rules (---, ***)",
		ast.KindImage:           "images",
		ast.KindCodeSpan:        "code spans (`code`)",
	}[n.Kind()]
	if name == "" {
		name = fmt.Sprintf("Markdown %s elements", n.Kind())
	}
	m.errorf(n, "%s are not supported in %s", name, m.where)
}

// pos returns the byte offset where n starts in its source: its own
// position when the parser recorded one, else that of its first
// descendant that has one, else that of its parent.
func pos(n ast.Node) int {
	for p := n; p != nil; p = p.Parent() {
		if off, ok := firstPos(p); ok {
			return off
		}
	}
	return 0
}

func firstPos(n ast.Node) (int, bool) {
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start, true
	}
	if off := n.Pos(); off >= 0 {
		return off, true
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start, true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off, ok := firstPos(c); ok {
			return off, true
		}
	}
	return 0, false
}
