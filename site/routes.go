package site

import (
	"github.com/gloss/gloss/content"
)

// ArticlePath is the path an article is served at.
func ArticlePath(slug string) string { return "/a/" + slug }

// Route is one page of the site: a path and the article it shows.
type Route struct {
	Path    string
	Article content.Article
}

// Routes lists every page of articles, which are in site order: the
// newest first. It is the one place that says the newest article is also
// the page at "/"; every article has its own path, also with a trailing
// slash, as static hosts serve folders.
func Routes(articles []content.Article) []Route {
	var rs []Route
	for i, a := range articles {
		for _, p := range Paths(a, i == 0) {
			rs = append(rs, Route{Path: p, Article: a})
		}
	}
	return rs
}

// Paths are the paths of one article's page: "/" too when it is the
// newest.
func Paths(a content.Article, newest bool) []string {
	p := ArticlePath(a.Slug)
	if newest {
		return []string{"/", p, p + "/"}
	}
	return []string{p, p + "/"}
}

// PagePaths lists the distinct pages of articles, without the trailing
// slash copies: "/" and then each article's own path.
func PagePaths(articles []content.Article) []string {
	var ps []string
	for i, a := range articles {
		if i == 0 {
			ps = append(ps, "/")
		}
		ps = append(ps, ArticlePath(a.Slug))
	}
	return ps
}
