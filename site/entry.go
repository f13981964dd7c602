package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sync"

	"github.com/gloss/gloss/content"
)

// entry is one article of a site, with the outputs made of it.
type entry struct {
	article content.Article
	page    *Output

	// same is the previous site's entry of this very article value,
	// whose key is this one's.
	same    *entry
	keyOnce sync.Once
	k       string
}

// entry makes the entry of article a in the build; newest says it is
// also the page at the base. An article that is the same value as prev's
// (the content folder read it once, and an edit elsewhere left it alone)
// keeps prev's key without hashing it again.
func (b *build) entry(a content.Article, newest bool, prev *entry) *entry {
	e := &entry{article: a}
	if prev != nil && sameValue(prev.article, a) {
		e.same = prev
	}
	e.page = &Output{
		Paths:   pagePaths(b.base, a.Slug, newest),
		Kind:    KindPage,
		Type:    TypeOf(".html"),
		Cache:   CacheRevalidate,
		Article: &e.article,
		entry:   e,
		render:  func() ([]byte, error) { return b.renderPage(&e.article, b.origin) },
	}
	return e
}

// outputs are the outputs made of the entry's article: its page, and its
// oEmbed document where the site has an origin and the embed script.
func (e *entry) outputs(b *build) []*Output {
	out := []*Output{e.page}
	if b.embed && b.origin != "" {
		out = append(out, b.oembedOutput(e))
	}
	return out
}

// key names the article's content: a hash of all of it, made once, when
// first asked for.
func (e *entry) key() string {
	if e.same != nil {
		return e.same.key()
	}
	e.keyOnce.Do(func() {
		j, err := json.Marshal(e.article)
		if err != nil {
			// content's types all marshal; a key that matches nothing
			// only costs a rendering.
			j = []byte(err.Error())
		}
		sum := sha256.Sum256(j)
		e.k = hex.EncodeToString(sum[:12])
	})
	return e.k
}

// sameValue reports whether a and b are one article value, copied: the
// same text and notes in the same memory. Content is never changed once
// read, so the same memory is the same content; anything else is
// compared by key.
func sameValue(a, b content.Article) bool {
	return a.Slug == b.Slug && a.Title == b.Title && a.Date == b.Date &&
		len(a.Body) == len(b.Body) && len(a.Notes) == len(b.Notes) &&
		(len(a.Body) == 0 || &a.Body[0] == &b.Body[0]) &&
		(len(a.Notes) == 0 || &a.Notes[0] == &b.Notes[0])
}
