package watch

import (
	"slices"

	"github.com/gloss/gloss/content"
)

// keepRecent is how many of the articles last read an Archive keeps. The
// article an editor has open was read when its tab loaded it, so a save
// of it that does not parse still has a last good version to show; a few
// dozen articles are a few megabytes, whatever the size of the archive.
const keepRecent = 32

// recent is the articles read last, by subfolder name, the newest last.
type recent struct {
	names    []string
	articles map[string]content.Article
}

func (r *recent) put(name string, a content.Article) {
	if r.articles == nil {
		r.articles = make(map[string]content.Article)
	}
	r.drop(name)
	if len(r.names) == keepRecent {
		delete(r.articles, r.names[0])
		r.names = slices.Delete(r.names, 0, 1)
	}
	r.names = append(r.names, name)
	r.articles[name] = a
}

func (r *recent) get(name string) (content.Article, bool) {
	a, ok := r.articles[name]
	return a, ok
}

func (r *recent) drop(name string) {
	if i := slices.Index(r.names, name); i >= 0 {
		r.names = slices.Delete(r.names, i, i+1)
		delete(r.articles, name)
	}
}

// update replaces the article name keeps, if it keeps one, in its place:
// a card edit brings it up to date without making it newer.
func (r *recent) update(name string, a content.Article) {
	if _, ok := r.articles[name]; ok {
		r.articles[name] = a
	}
}
