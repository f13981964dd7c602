package site

import (
	"sync"

	"github.com/gloss/gloss/content"
)

// summary is what the front page shows of an article beyond its entry:
// its number of cards, and the last date its context changed. It is
// kept, a few bytes an article, by slug and version, whenever an article
// is read (for its page, say), so that the front page reads only the
// articles nobody has asked for since they last changed: an export reads
// each article once.
type summary struct {
	cards    int
	modified content.Date
}

// summaries are the summaries of the articles read, by slug and version.
type summaries struct{ m sync.Map }

func summaryKey(slug, version string) string { return slug + "\x00" + version }

// read reads article slug from archive, keeping its summary.
func (s *summaries) read(archive content.Archive, slug string) (content.Article, error) {
	a, e, err := archive.Article(slug)
	if err != nil {
		return content.Article{}, errArticle(slug, err)
	}
	s.m.Store(summaryKey(slug, e.Version), summary{cards: cards(&a), modified: modified(&a)})
	return a, nil
}

// of is e's summary, read from archive when it is not known.
func (s *summaries) of(archive content.Archive, e content.Entry) (summary, error) {
	if v, ok := s.m.Load(summaryKey(e.Slug, e.Version)); ok {
		return v.(summary), nil
	}
	if _, err := s.read(archive, e.Slug); err != nil {
		return summary{}, err
	}
	v, _ := s.m.Load(summaryKey(e.Slug, e.Version))
	sum, _ := v.(summary)
	return sum, nil
}
