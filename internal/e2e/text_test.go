package e2e

import (
	"html"
	"regexp"

	"github.com/gloss/gloss/content"
)

var tags = regexp.MustCompile(`<[^>]*>`)

// visibleText strips the tags of an HTML document and decodes entities:
// roughly what a reader sees, enough to find a paragraph in it.
func visibleText(doc string) string {
	return html.UnescapeString(tags.ReplaceAllString(doc, ""))
}

// plain is the text of a block as the article prints it.
func plain(b content.Block) string { return content.PlainText(b.Text) }
