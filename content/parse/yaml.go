package parse

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Front matter is read into yaml.Node trees rather than decoded into
// structs, because nodes keep the line of every key and value: an editor
// needs "notes/eu-aid.md:7: unknown field", not "yaml: unmarshal errors".

var yamlLineErr = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// frontMatter parses the file's YAML and returns its top-level mapping, or
// nil when the YAML is invalid (which it reports) or empty.
func (f *file) frontMatter() (root *yaml.Node) {
	doc, err := decodeYAML(f.meta)
	if err != nil {
		line, msg := f.metaLine, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLineErr.FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			line, msg = f.metaLine+n-1, m[2]
		}
		f.errorf(min(line, f.bodyLine-1), "", "invalid YAML: %s", msg)
		return nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || isNull(doc.Content[0]) {
		// An empty front matter: its missing fields are reported on the
		// opening "---", line 1.
		return &yaml.Node{Kind: yaml.MappingNode, Line: 2 - f.metaLine}
	}
	root = doc.Content[0]
	if root.Kind != yaml.MappingNode {
		f.errorf(f.line(root), "", `front matter must be fields, one "name: value" per line`)
		return nil
	}
	return root
}

// decodeYAML parses data as one YAML document. Unlike yaml.Unmarshal it
// reads on to the end, so that text after a "..." document end marker is
// an error rather than silently ignored. It guards against a panic in the
// YAML parser on hostile input: the package promises never to panic, and
// that parser is not ours.
func decodeYAML(data []byte) (doc *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("yaml: the YAML parser failed: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	doc = new(yaml.Node)
	if err := dec.Decode(doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
		return doc, nil
	case err != nil:
		return nil, err
	default:
		return nil, fmt.Errorf("yaml: line %d: the front matter must be one YAML document", next.Line)
	}
}

// line returns the file line of a node.
func (f *file) line(n *yaml.Node) int {
	return f.metaLine + n.Line - 1
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// field describes one key a mapping may have.
type field struct {
	name     string
	required bool
}

func required(name string) field { return field{name, true} }
func optional(name string) field { return field{name, false} }

// fields checks that n is a mapping of only the given fields, each at most
// once, with every required one present, and returns the values by name.
// A null value (an empty mapping written as "since:") counts as a mapping
// with no fields, so its required fields are reported missing.
func (f *file) fields(n *yaml.Node, path string, spec ...field) map[string]*yaml.Node {
	if n == nil || isNull(n) {
		n = &yaml.Node{Kind: yaml.MappingNode, Line: nodeLine(n)}
	}
	if !f.isKind(n, path, yaml.MappingNode) {
		return nil
	}
	known := make(map[string]bool, len(spec))
	for _, s := range spec {
		known[s.name] = true
	}
	values := make(map[string]*yaml.Node)
	keys := make(map[string]*yaml.Node)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case k.Kind != yaml.ScalarNode:
			f.errorf(f.line(k), path, "a field name must be a word, not a list or mapping")
		case !known[k.Value]:
			// The line points at the key, so the message needs no path.
			f.errorf(f.line(k), "", "unknown field %q", k.Value)
		case keys[k.Value] != nil:
			f.errorf(f.line(k), path, "field %q is given twice (first on line %d)", k.Value, f.line(keys[k.Value]))
		default:
			keys[k.Value], values[k.Value] = k, v
		}
	}
	for _, s := range spec {
		if s.required && keys[s.name] == nil {
			f.errorf(f.line(n), path, "missing required field %q", s.name)
		}
	}
	return values
}

func nodeLine(n *yaml.Node) int {
	if n == nil {
		return 1
	}
	return n.Line
}

// isKind reports whether n is of the wanted kind, and reports it when not.
// Aliases are refused rather than followed: nobody needs them in a note,
// and following them invites exponential "billion laughs" documents.
func (f *file) isKind(n *yaml.Node, path string, want yaml.Kind) bool {
	if n.Kind == want {
		return true
	}
	if n.Kind == yaml.AliasNode {
		f.errorf(f.line(n), path, "YAML aliases (*%s) are not supported", n.Value)
		return false
	}
	f.errorf(f.line(n), path, "must be %s, not %s", kindName(want), kindName(n.Kind))
	return false
}

func kindName(k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return `fields ("name: value")`
	case yaml.SequenceNode:
		return `a list ("- item")`
	default:
		return "text"
	}
}

// text returns the value of a text field, trimmed; "" when absent or null.
// Any scalar is text: "title: 2024" is the title "2024".
func (f *file) text(n *yaml.Node, path string) string {
	if n == nil || isNull(n) || !f.isKind(n, path, yaml.ScalarNode) {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// nonEmpty returns the value of a required text field, reporting it when
// it is empty (a missing field was reported by fields already).
func (f *file) nonEmpty(n *yaml.Node, path string) string {
	s := f.text(n, path)
	if n != nil && s == "" && n.Kind == yaml.ScalarNode {
		f.errorf(f.line(n), path, "must not be empty")
	}
	return s
}

// list returns the items of a list field; none when absent or null.
func (f *file) list(n *yaml.Node, path string) []*yaml.Node {
	if n == nil || isNull(n) || !f.isKind(n, path, yaml.SequenceNode) {
		return nil
	}
	return n.Content
}

// join builds the path of a field for messages: "figures.items[2].amount".
func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// index builds the path of a list item; it counts from 1, as editors do.
func index(path string, i int) string {
	return fmt.Sprintf("%s[%d]", path, i+1)
}
