package parse

// Check reads the articles at paths on disk for "gloss check" and reports
// every problem. A path may be an article folder, a root of article
// folders, an article.md, or a note file; a note file is checked in the
// context of its article (its anchor must be found in article.md) but only
// its own problems and those of article.md are reported, so an editor
// working on one note is not shown a colleague's half-written one.
//
// It returns how many articles and notes it checked.
func Check(paths []string) (articles, notes int, err error) {
	targets, errs := collect(paths)
	for _, t := range targets {
		a, err := t.read()
		errs = append(errs, unwrap(err)...)
		articles++
		if t.notes != nil {
			notes += len(t.notes)
		} else {
			notes += len(a.Notes)
		}
	}
	return articles, notes, errs.err()
}
