package site

// Changed reports whether a page of s differs from prev's: an article
// added, removed, moved or edited, or a shared card's page changed.
func (s *Site) Changed(prev *Site) bool {
	if prev == nil || len(prev.entries) != len(s.entries) || len(prev.cards) != len(s.cards) {
		return true
	}
	for i, e := range s.entries {
		if p := prev.entries[i]; e.Slug != p.Slug || e.key() != p.key() {
			return true
		}
	}
	for i, c := range s.cards {
		if c.key() != prev.cards[i].key() {
			return true
		}
	}
	return false
}

// Edited are the pages of s whose articles are new or changed since
// prev, and the pages of its shared cards that are new or changed:
// those an edit touched.
func (s *Site) Edited(prev *Site) []*Output {
	old := make(map[string]string, len(prev.entries)+len(prev.cards))
	for _, e := range prev.entries {
		old[e.page.Path()] = e.key()
	}
	for _, c := range prev.cards {
		old[c.page.Path()] = c.key()
	}
	var out []*Output
	for _, e := range s.entries {
		if k, ok := old[e.page.Path()]; !ok || k != e.key() {
			out = append(out, e.page)
		}
	}
	for _, c := range s.cards {
		if k, ok := old[c.page.Path()]; !ok || k != c.key() {
			out = append(out, c.page)
		}
	}
	return out
}
