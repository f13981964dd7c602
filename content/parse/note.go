package parse

import (
	"slices"
	"strings"

	"github.com/gloss/gloss/content"
	"gopkg.in/yaml.v3"
)

// noteFile is a note being read, with what placing its anchor needs.
type noteFile struct {
	f    *file
	note content.Note
	// anchor is the parsed anchor field; hasAnchor is false when the note
	// has none or it is invalid (and reported).
	anchor     anchorSpec
	hasAnchor  bool
	anchorLine int
	// placed is true once the anchor was found exactly once, at at.
	placed bool
	at     place
	// card is the id a reference note names (card: <id>), found on line
	// cardLine; "" for a note written in its article.
	card     string
	cardLine int
}

// readNote reads one note file; nil when it has no readable front matter.
func readNote(name, id string, data []byte, errs *problems) *noteFile {
	f, ok := split(name, data, errs)
	if !ok {
		return nil
	}
	n := &noteFile{f: f, note: content.Note{ID: id}}
	root := f.frontMatter()
	if isReference(root) {
		n.reference(root, len(data))
		return n
	}
	if root != nil {
		n.meta(root)
	}
	m := f.bodyMarkdown("a note")
	m.lists = true
	n.note.Body = m.blocks()
	return n
}

// meta reads the note's front matter.
func (n *noteFile) meta(root *yaml.Node) {
	f := n.f
	v := f.fields(root, "", append(sharedFields(), optional("anchor"), optional("since"))...)
	f.sharedMeta(v, &n.note)
	if a := v["anchor"]; a != nil {
		n.readAnchor(a)
	}
	if s := v["since"]; s != nil {
		n.note.Since = f.since(s)
	}
}

// sharedFields are the fields a note has in common with a card of the
// library (see readCard), which is a note written once for many
// articles.
func sharedFields() []field {
	return []field{required("title"), required("kind"), optional("timeline"), optional("figures"), required("sources")}
}

// sharedMeta reads the sharedFields of a front matter into n.
func (f *file) sharedMeta(v map[string]*yaml.Node, n *content.Note) {
	n.Title = f.nonEmpty(v["title"], "title")
	n.Kind = f.kind(v["kind"])
	n.Timeline = f.timeline(v["timeline"])
	if fig := v["figures"]; fig != nil {
		n.Figures = f.figures(fig)
	}
	if s := v["sources"]; s != nil {
		n.Sources = f.sources(s)
	}
}

func (f *file) kind(n *yaml.Node) content.Kind {
	k := content.Kind(f.nonEmpty(n, "kind"))
	if k != "" && !slices.Contains(content.Kinds, k) {
		names := make([]string, len(content.Kinds))
		for i, k := range content.Kinds {
			names[i] = string(k)
		}
		f.errorf(f.line(n), "kind", "%q is not a kind; use %s", string(k), strings.Join(names, ", "))
	}
	return k
}

func (n *noteFile) readAnchor(a *yaml.Node) {
	f := n.f
	n.anchorLine = f.line(a)
	s := f.text(a, "anchor")
	if s == "" {
		if a.Kind == yaml.ScalarNode {
			f.errorf(n.anchorLine, "anchor", "must not be empty; remove the field for a note about the whole article")
		}
		return
	}
	spec, err := parseAnchor(s)
	if err != nil {
		f.errorf(n.anchorLine, "anchor", "%v", err)
		return
	}
	n.anchor, n.hasAnchor = spec, true
	n.note.Anchor = spec.highlight()
}

// timeline reads the events; they must be oldest first, as the card draws
// them top to bottom as a time line.
func (f *file) timeline(n *yaml.Node) []content.Event {
	var events []content.Event
	for i, item := range f.list(n, "timeline") {
		p := index("timeline", i)
		v := f.fields(item, p, required("date"), required("text"))
		e := content.Event{Date: f.requiredDate(v["date"], join(p, "date"))}
		if m := f.fieldMarkdown(v["text"], join(p, "text"), "a timeline"); m != nil {
			e.Text = m.paragraph()
		}
		if k := len(events); k > 0 && !e.Date.IsZero() && e.Date.Before(events[k-1].Date) {
			f.errorf(f.line(v["date"]), join(p, "date"), "%s is before the event above it (%s): list events oldest first",
				e.Date, events[k-1].Date)
		}
		events = append(events, e)
	}
	return events
}

func (f *file) since(n *yaml.Node) content.Since {
	v := f.fields(n, "since", required("as_of"), required("text"))
	s := content.Since{AsOf: f.requiredDate(v["as_of"], "since.as_of")}
	if m := f.fieldMarkdown(v["text"], "since.text", "a note"); m != nil {
		m.lists = true
		s.Body = m.blocks()
	}
	return s
}

func (f *file) sources(n *yaml.Node) []content.Source {
	items := f.list(n, "sources")
	if len(items) == 0 && (n.Kind == yaml.SequenceNode || isNull(n)) {
		f.errorf(f.line(n), "sources", "must list at least one source")
	}
	var sources []content.Source
	for i, item := range items {
		p := index("sources", i)
		v := f.fields(item, p, required("title"), required("publisher"), optional("date"), required("url"))
		sources = append(sources, content.Source{
			Title:     f.nonEmpty(v["title"], join(p, "title")),
			Publisher: f.nonEmpty(v["publisher"], join(p, "publisher")),
			Date:      f.date(v["date"], join(p, "date")),
			URL:       f.url(v["url"], join(p, "url")),
		})
	}
	return sources
}

// fieldMarkdown returns the markdown of a required text field holding
// Markdown; nil when it is absent or empty (and reported).
func (f *file) fieldMarkdown(n *yaml.Node, path, where string) *markdown {
	if f.nonEmpty(n, path) == "" {
		return nil
	}
	line := f.line(n)
	lineAt := func(int) int { return line }
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		// A block scalar starts on the line after its "|" or ">"; a
		// literal one keeps its lines, so offsets map to lines exactly.
		lineAt = func(off int) int { return line + 1 }
		if n.Style&yaml.LiteralStyle != 0 {
			lines := newLineIndex([]byte(n.Value))
			lineAt = func(off int) int { return line + 1 + lines.before(off) }
		}
	}
	return &markdown{f: f, src: []byte(n.Value), field: path, lineAt: lineAt, where: where}
}
