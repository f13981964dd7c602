package main

import "github.com/gloss/gloss/articles"

// defaultArticle names the article at "/", which every figure is for.
func defaultArticle() string {
	if len(articles.All()) == 0 {
		return "(none)"
	}
	a := articles.All()[0]
	return a.Slug + ` ("` + a.Title + `")`
}
