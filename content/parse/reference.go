package parse

import (
	"bytes"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/gloss/gloss/content"
)

// maxReferenceSize is the most a reference note (card: and anchor:, no
// body) may weigh. Its two lines need a few hundred bytes; the limit
// lets an index learn which cards an article shows by reading only its
// notes this small (see IndexArticle), so that start-up does not read
// every note of the archive.
const maxReferenceSize = 1 << 10

// isReference reports whether a note's front matter names a card of the
// library: the note is then a reference, which shows that card.
func isReference(root *yaml.Node) bool {
	return referenceID(root) != nil
}

// referenceID returns the value of the top-level "card" field, or nil.
func referenceID(root *yaml.Node) *yaml.Node {
	if root == nil || root.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; k.Kind == yaml.ScalarNode && k.Value == "card" {
			return root.Content[i+1]
		}
	}
	return nil
}

// reference reads a reference note: "card: <id>", optionally "anchor:
// <phrase>", and no text. Without an anchor it shows its card in the
// "About this article" panel, as a note without one does. Its card is
// looked up once the article's date is known (see resolveCards).
func (n *noteFile) reference(root *yaml.Node, size int) {
	f := n.f
	if size > maxReferenceSize {
		f.errs.add(f.path, 0, fmt.Sprintf("a card reference is at most %d bytes (card and anchor, no text); this one is %d", maxReferenceSize, size))
	}
	// Only card and anchor go on to fields, which checks that each is
	// given once; any other field gets a message saying what a
	// reference is, rather than fields' bare "unknown field".
	only := &yaml.Node{Kind: yaml.MappingNode, Line: root.Line, Column: root.Column}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if k.Kind == yaml.ScalarNode && k.Value != "card" && k.Value != "anchor" {
			f.errorf(f.line(k), "", "unknown field %q: a card reference has only card and anchor (the card's fields are in cards/<id>.md)", k.Value)
			continue
		}
		only.Content = append(only.Content, k, root.Content[i+1])
	}
	v := f.fields(only, "", required("card"), optional("anchor"))
	if c := v["card"]; c != nil {
		n.cardLine = f.line(c)
		id := f.nonEmpty(c, "card")
		if id != "" && !validName.MatchString(id) {
			f.errorf(n.cardLine, "card", "%q is not a card id: it is the name of cards/<id>.md, lowercase letters, digits and hyphens", id)
			id = ""
		}
		n.card = id
	}
	if a := v["anchor"]; a != nil {
		if a.Kind == yaml.ScalarNode && strings.TrimSpace(a.Value) == "" {
			f.errorf(f.line(a), "anchor", "must not be empty: give the phrase the card explains, or leave anchor out to show the card under About this article")
		} else {
			n.readAnchor(a)
		}
	}
	if off := len(f.body) - len(bytes.TrimLeft(f.body, " \t\r\n")); off < len(f.body) {
		f.errorf(f.bodyLineAt(off), "", "a card reference has no text of its own: write it in cards/%s.md", orID(n.card))
	}
}

// orID is id, or a placeholder for messages when there is none.
func orID(id string) string {
	if id == "" {
		return "<id>"
	}
	return id
}

// resolveCards makes each reference note the card it names, as shown in
// an article published on published (see content.Card.For), keeping the
// reference's own id, which the article's links to the note use.
func resolveCards(notes []*noteFile, published content.Date, lib Library, errs *problems) {
	for _, n := range notes {
		if n.card == "" {
			continue
		}
		c, uses, err := lib.Card(n.card)
		if err != nil {
			if own := fileProblems(err); own != nil {
				// The card's file is broken: its problems say where.
				*errs = append(*errs, own...)
			} else {
				n.f.errorf(n.cardLine, "card", "%v", err)
			}
			continue
		}
		n.note = c.For(n.note.ID, n.note.Anchor, published, uses)
	}
}

// fileProblems returns the *Error values of err when it is made only of
// problems of files (a card file's, say), and nil otherwise.
func fileProblems(err error) problems {
	ps := unwrap(err)
	for _, p := range ps {
		if p.File == "" {
			return nil
		}
	}
	return ps
}
