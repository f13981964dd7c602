package site

import (
	"sync"

	"github.com/gloss/gloss/content"
)

// summary is what the front page shows of an article beyond its entry:
// its number of cards, and the last "as of" date of its own notes' "since
// publication" (a shared card's changes are the archive's to tell: see
// sharedChanged). It is
// kept, a few bytes an article, by slug and version, whenever an article
// is read (for its page, say), so that the front page reads only the
// articles nobody has asked for since they last changed: an export reads
// each article once.
type summary struct {
	cards    int
	modified content.Date
}

// summaries are the summaries of the articles read, by slug and version,
// and the last few articles read whole: an article's page, its oEmbed
// document and its preview image are made one after another (an export
// makes them in that order) from one reading of it.
type summaries struct {
	m sync.Map

	mu     sync.Mutex
	recent [recentArticles]recentArticle
	next   int
}

// recentArticles is how many articles read whole are kept: a few per core.
const recentArticles = 16

type recentArticle struct {
	key string
	a   content.Article
}

func summaryKey(slug, version string) string { return slug + "\x00" + version }

// read reads article slug from archive, keeping its summary.
func (s *summaries) read(archive content.Archive, slug string) (content.Article, error) {
	a, e, err := archive.Article(slug)
	if err != nil {
		return content.Article{}, errArticle(slug, err)
	}
	key := summaryKey(slug, e.Version)
	s.m.Store(key, summary{cards: cards(&a), modified: ownModified(&a)})
	s.mu.Lock()
	s.recent[s.next] = recentArticle{key, a}
	s.next = (s.next + 1) % recentArticles
	s.mu.Unlock()
	return a, nil
}

// readEntry is read for an article whose entry is known: one read a
// moment ago, at the same version, is not read again.
func (s *summaries) readEntry(archive content.Archive, e content.Entry) (content.Article, error) {
	if e.Version == "" {
		return s.read(archive, e.Slug)
	}
	key := summaryKey(e.Slug, e.Version)
	s.mu.Lock()
	for _, r := range s.recent {
		if r.key == key {
			s.mu.Unlock()
			return r.a, nil
		}
	}
	s.mu.Unlock()
	return s.read(archive, e.Slug)
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
