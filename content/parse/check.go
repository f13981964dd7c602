package parse

// Check reads the articles at paths on disk for "gloss check" and reports
// every problem. A path may be an article folder, a root of article
// folders, an article.md, or a note file; a note file is checked in the
// context of its article (its anchor must be found in article.md) but only
// its own problems and those of article.md are reported, so an editor
// working on one note is not shown a colleague's half-written one.
//
// The card library of a folder of articles is checked whole; an article
// or note given alone has the cards it shows checked, from the library
// beside its folder.
//
// It returns how many articles and notes it checked.
func Check(paths []string) (articles, notes int, err error) {
	articles, notes, _, err = check(paths, nil)
	return articles, notes, err
}
