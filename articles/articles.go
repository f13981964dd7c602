// Package articles holds the articles Gloss ships, as Markdown and YAML
// files embedded in the server binary: `gloss serve` with no -content
// serves them. They are data, read and checked at start-up by
// content/parse; the wasm never sees this package, as each page carries
// its own article.
package articles

import (
	"embed"
	"io/fs"
	"sync"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/content/parse"
)

// files are the article folders beside this file, and the card library
// (cards/<id>.md). The pattern */*.md takes the cards without naming
// their folder, which a build without one would refuse.
//
//go:embed */*.md */notes
var files embed.FS

// FS is the shipped articles as a file system: one folder per article.
func FS() fs.FS { return files }

// Load parses the shipped articles, in site order (the newest first).
func Load() ([]content.Article, error) { return parse.Tree(files, ".") }

// Archive indexes the shipped articles by their front matter, each
// article parsed when asked for (see content.Archive): a server that
// takes it does no article's text at start.
func Archive() (*parse.Archive, error) { return parse.OpenArchive(files, ".") }

// All is Load for tests and tools, which treat a broken shipped article
// as the broken build it is; the test of this package reports its
// problems as file:line.
var All = sync.OnceValue(func() []content.Article {
	a, err := Load()
	if err != nil {
		panic("articles: " + err.Error())
	}
	return a
})
