package site

import (
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/escape"
)

// ArticlePath is the path an article is served at, at a host's root.
func ArticlePath(slug string) string { return "/a/" + slug }

// CardPath is the path of a shared card's page at a host's root.
func CardPath(id string) string { return "/c/" + id }

// cardHref is the address of a shared card's page under base.
func (b *build) cardHref(id string) string { return b.base + CardPath(escape.PathSegment(id))[1:] }

// pagePaths are the paths of one article's page under base: its own,
// with a trailing slash too (static hosts serve folders).
func pagePaths(base, slug string) []string {
	p := base + ArticlePath(slug)[1:]
	return []string{p, p + "/"}
}

// PagePaths lists the distinct article pages of articles at a host's
// root, without the trailing slash copies.
func PagePaths(articles []content.Entry) []string {
	ps := make([]string, 0, len(articles))
	for _, a := range articles {
		ps = append(ps, ArticlePath(a.Slug))
	}
	return ps
}
