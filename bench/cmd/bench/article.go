package main

import "github.com/gloss/gloss/articles"

// seedPath is the address of the seed article, the newest, which every
// figure is for. (The site's base is its front page.)
var seedPath = "/a/" + articles.All()[0].Slug

// defaultArticle names the article every figure is for.
func defaultArticle() string {
	if len(articles.All()) == 0 {
		return "(none)"
	}
	a := articles.All()[0]
	return a.Slug + ` ("` + a.Title + `")`
}
