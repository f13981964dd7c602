package main

// Section 6's cost of sharing to a reader: an article page whose cards
// are shared, against the same article with each card written into it.

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"os"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/content/parse"
	"github.com/gloss/gloss/site"
)

// sharedPage is what sharedPageBytes measured of one article.
type sharedPage struct {
	// Shared and Local are the gzip -9 sizes of its page with its cards
	// shared and written into it.
	Shared, Local int
	// Card is its first shared card, and Uses how many articles show it.
	Card string
	Uses int
}

// sharedPageBytes builds the page of article slug of the archive at dir
// twice, in memory and with no origin: as the archive shows it (its
// shared cards with their ids, versions, developments' keys and "Used in
// N articles" links) and with every shared card made a note of its own,
// the same words in the same places.
func sharedPageBytes(web fs.FS, dir, slug string) (sharedPage, error) {
	var p sharedPage
	archive, err := parse.OpenArchive(os.DirFS(dir), ".")
	if err != nil {
		return p, err
	}
	a, _, err := archive.Article(slug)
	if err != nil {
		return p, err
	}
	own := a
	own.Notes = make([]content.Note, len(a.Notes))
	for i, n := range a.Notes {
		if n.Card != "" && p.Card == "" {
			p.Card, p.Uses = n.Card, n.Uses
		}
		n.Card, n.Version, n.Uses = "", "", 0
		own.Notes[i] = n
	}
	if p.Card == "" {
		return p, fmt.Errorf("article %s shows no shared card", slug)
	}
	if p.Shared, err = pageGzip(web, a); err != nil {
		return p, err
	}
	if p.Local, err = pageGzip(web, own); err != nil {
		return p, err
	}
	return p, nil
}

// pageGzip is the gzip -9 size of a's page in a site of a alone.
func pageGzip(web fs.FS, a content.Article) (int, error) {
	s, err := site.Build(site.Config{Articles: []content.Article{a}, Web: web, Version: "bench"})
	if err != nil {
		return 0, err
	}
	o, ok := s.Lookup(site.ArticlePath(a.Slug))
	if !ok {
		return 0, fmt.Errorf("no page at %s", site.ArticlePath(a.Slug))
	}
	page, err := o.Body()
	if err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(page)
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return buf.Len(), nil
}
