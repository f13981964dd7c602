package site

import (
	"github.com/gloss/gloss/content"
)

// ArticlePath is the path an article is served at, at a host's root.
func ArticlePath(slug string) string { return "/a/" + slug }

// pagePaths are the paths of one article's page under base: its own,
// with a trailing slash too (static hosts serve folders), and base itself
// for the newest. It is the one place that says the newest article is
// also the page at the base.
func pagePaths(base, slug string, newest bool) []string {
	p := base + ArticlePath(slug)[1:]
	if newest {
		return []string{p, p + "/", base}
	}
	return []string{p, p + "/"}
}

// PagePaths lists the distinct pages of articles at a host's root,
// without the trailing slash copies: "/" and then each article's own
// path.
func PagePaths(articles []content.Entry) []string {
	var ps []string
	for i, a := range articles {
		if i == 0 {
			ps = append(ps, "/")
		}
		ps = append(ps, ArticlePath(a.Slug))
	}
	return ps
}
