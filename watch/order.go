package watch

import (
	"slices"

	"github.com/gloss/gloss/content"
)

// order is a folder's articles in site order, as entries. An edit moves
// one entry (a binary search, a copy of the slice) and never sorts the
// archive again: at 10,000 articles a save must cost one article's work.
// It is copied on every change, never changed in place, so a slice handed
// out stays as it was.
type order []content.Entry

// newOrder sorts entries once, at start.
func newOrder(entries []content.Entry) order {
	o := slices.Clone(entries)
	slices.SortFunc(o, content.Entry.Compare)
	return o
}

// replace returns the order with old (when not nil) taken out and e (when
// not nil) put in its place in site order.
func (o order) replace(old, e *content.Entry) order {
	out := slices.Clone(o)
	if old != nil {
		if i, found := slices.BinarySearchFunc(out, *old, content.Entry.Compare); found {
			out = slices.Delete(out, i, i+1)
		}
	}
	if e != nil {
		i, _ := slices.BinarySearchFunc(out, *e, content.Entry.Compare)
		out = slices.Insert(out, i, *e)
	}
	return out
}

// update returns the order with the entries of slugs replaced by those
// of entries (by slug), which must be in the same places: only their
// versions changed.
func (o order) update(entries map[string]content.Entry, slugs []string) order {
	changed := make(map[string]bool, len(slugs))
	for _, s := range slugs {
		changed[s] = true
	}
	out := slices.Clone(o)
	for i, e := range out {
		if changed[e.Slug] {
			out[i] = entries[e.Slug]
		}
	}
	return out
}
