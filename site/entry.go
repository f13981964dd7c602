package site

import (
	"fmt"

	"github.com/gloss/gloss/content"
)

// entry is one article of a site, as its archive lists it, with the
// outputs made of it. The article's text is read when an output needs
// it, and not kept: the site holds the archive's entries, not its text.
type entry struct {
	content.Entry
	page *Output
}

// entry makes the entry of e in the build.
func (b *build) entry(e content.Entry, archive content.Archive) *entry {
	en := &entry{Entry: e}
	en.page = &Output{
		Paths: pagePaths(b.base, e.Slug),
		Kind:  KindPage,
		Type:  TypeOf(".html"),
		Cache: CacheRevalidate,
		Slug:  e.Slug,
		entry: en,
		render: func() ([]byte, error) {
			a, err := b.sums.readEntry(archive, e)
			if err != nil {
				return nil, err
			}
			return b.renderPage(&a, b.origin)
		},
	}
	return en
}

// errArticle says which article could not be read.
func errArticle(slug string, err error) error { return fmt.Errorf("article %s: %w", slug, err) }

// outputs are the outputs made of the entry's article: its page, and its
// oEmbed document where the site has an origin and the embed script.
func (e *entry) outputs(b *build, archive content.Archive) []*Output {
	out := []*Output{e.page}
	if b.embed && b.origin != "" {
		out = append(out, b.oembedOutput(e, archive))
	}
	if b.origin != "" {
		out = append(out, b.ogImageOutput(e, archive))
	}
	return out
}

// key names the article's content: its archive's version of it.
func (e *entry) key() string { return e.Version }
