package parse

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/gloss/gloss/content"
)

// anchorSpec is a parsed anchor field: the phrase to find in the article,
// and the part of it to highlight. "reaching a consensus on [the cession
// of Ukrainian territory]" finds the whole phrase, which must be unique,
// and highlights the bracketed part, which alone may occur elsewhere.
type anchorSpec struct {
	phrase     string
	start, end int // the highlighted part is phrase[start:end]
}

func (a anchorSpec) highlight() string { return a.phrase[a.start:a.end] }

// parseAnchor reads an anchor with at most one pair of brackets. Brackets
// are not otherwise allowed, so an anchor cannot contain a literal "[";
// news text seldom does.
func parseAnchor(s string) (anchorSpec, error) {
	opens, closes := strings.Count(s, "["), strings.Count(s, "]")
	if opens == 0 && closes == 0 {
		return anchorSpec{s, 0, len(s)}, nil
	}
	i, j := strings.Index(s, "["), strings.Index(s, "]")
	if opens != 1 || closes != 1 || j < i {
		return anchorSpec{}, fmt.Errorf("%q must mark one part with one pair of brackets, like \"context [phrase] context\"", s)
	}
	inner := s[i+1 : j]
	lead := len(inner) - len(strings.TrimLeftFunc(inner, unicode.IsSpace))
	hl := strings.TrimSpace(inner)
	if hl == "" {
		return anchorSpec{}, fmt.Errorf("the brackets in %q enclose no text", s)
	}
	start := i + lead
	return anchorSpec{s[:i] + inner + s[j+1:], start, start + len(hl)}, nil
}

// place is a position in the article's text: a run of one text (a block's
// Text, or a list item), and a byte range in that run.
type place struct {
	text, run  int // text counts the article's texts in reading order
	start, end int
}

func (p place) before(q place) bool {
	if p.text != q.text {
		return p.text < q.text
	}
	if p.run != q.run {
		return p.run < q.run
	}
	return p.start < q.start
}

func (p place) overlaps(q place) bool {
	return p.text == q.text && p.run == q.run && p.start < q.end && q.start < p.end
}

// texts returns the article's runs of inline text in reading order, as
// pointers so that placeAnchors can split them in place.
func texts(body []content.Block) []*[]content.Inline {
	var out []*[]content.Inline
	for i := range body {
		if body[i].Kind == content.List {
			for j := range body[i].Items {
				out = append(out, &body[i].Items[j])
			}
			continue
		}
		out = append(out, &body[i].Text)
	}
	return out
}

// placeAnchors finds every note's anchor in body, reports anchors that
// match nothing, more than once, inside a link, or overlap another note's
// anchor, and returns body with each anchored phrase split out into its
// own Inline carrying the note's id.
//
// Phrases are searched within single runs, after Markdown: a phrase that
// crosses formatting (half emphasised, say) could not become one Inline.
func placeAnchors(body []content.Block, notes []*noteFile, errs *problems) []content.Block {
	all := texts(body)
	var placed []*noteFile
	for _, n := range notes {
		if !n.hasAnchor {
			continue
		}
		at, err := find(all, n.anchor)
		if err != nil {
			n.f.errorf(n.anchorLine, "anchor", "%v", err)
			continue
		}
		n.placed, n.at = true, at
		placed = append(placed, n)
	}
	sort.SliceStable(placed, func(i, j int) bool { return placed[i].at.before(placed[j].at) })
	overlap := false
	for i, a := range placed {
		for _, b := range placed[i+1:] {
			if a.at.overlaps(b.at) {
				overlap = true
				// Reported in both notes: either may be the one to fix, and
				// checking one note file alone must still show it.
				a.f.errorf(a.anchorLine, "anchor", "%q overlaps the anchor of note %q", a.note.Anchor, b.note.ID)
				b.f.errorf(b.anchorLine, "anchor", "%q overlaps the anchor of note %q", b.note.Anchor, a.note.ID)
			}
		}
	}
	if !overlap {
		mark(all, placed)
	}
	return body
}

// mark rebuilds each text that holds anchors, cutting every anchored run
// into the part before the anchor, the anchor, and the part after it.
// placed is in article order and has no overlaps.
func mark(all []*[]content.Inline, placed []*noteFile) {
	byText := make(map[int][]*noteFile)
	for _, n := range placed {
		byText[n.at.text] = append(byText[n.at.text], n)
	}
	for t, notes := range byText {
		var out []content.Inline
		k := 0
		for r, run := range *all[t] {
			off := 0
			for ; k < len(notes) && notes[k].at.run == r; k++ {
				at := notes[k].at
				out = appendPiece(out, run, off, at.start, "")
				out = appendPiece(out, run, at.start, at.end, notes[k].note.ID)
				off = at.end
			}
			out = appendPiece(out, run, off, len(run.Text), "")
		}
		*all[t] = out
	}
}

// appendPiece appends run.Text[start:end], styled like run and opening
// note, unless it is empty.
func appendPiece(out []content.Inline, run content.Inline, start, end int, note string) []content.Inline {
	if start >= end {
		return out
	}
	run.Text, run.Note = run.Text[start:end], note
	return append(out, run)
}

// find returns the only place where the anchor's phrase occurs, with the
// range of its highlighted part.
func find(all []*[]content.Inline, a anchorSpec) (place, error) {
	var found []place
	for t, text := range all {
		for r, run := range *text {
			for off := 0; off < len(run.Text); {
				i := strings.Index(run.Text[off:], a.phrase)
				if i < 0 {
					break
				}
				start := off + i
				found = append(found, place{t, r, start + a.start, start + a.end})
				off = start + 1
			}
		}
	}
	switch len(found) {
	case 1:
		at := found[0]
		if (*all[at.text])[at.run].Href != "" {
			return place{}, fmt.Errorf("%q is inside a link in the article; a linked phrase cannot also open a note", a.phrase)
		}
		return at, nil
	case 0:
		for _, text := range all {
			if strings.Contains(content.PlainText(*text), a.phrase) {
				return place{}, fmt.Errorf("%q crosses formatting (emphasis or a link) in the article; anchor a phrase within one style", a.phrase)
			}
		}
		return place{}, fmt.Errorf("%q does not occur in the article", a.phrase)
	default:
		return place{}, fmt.Errorf("%q occurs %d times in the article; add words around it to make it unique, and put the phrase to highlight in [brackets]", a.phrase, len(found))
	}
}
