package server

import (
	"errors"
	"fmt"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/site"
)

// SetArticles replaces the content the server serves with articles (in
// site order, the newest first). What was made of articles that did not
// change is kept, and pages are rendered when asked for, so an edit
// costs the pages it touches. On an error the server keeps serving what
// it served before.
func (s *Server) SetArticles(articles []content.Article) error {
	_, err := s.setArticles(articles)
	return err
}

// setArticles is SetArticles, reporting whether any page changed.
func (s *Server) setArticles(articles []content.Article) (changed bool, err error) {
	if len(articles) == 0 {
		return false, errors.New("server: no articles to serve")
	}
	return s.replace(func(prev *site.Site) (*site.Site, error) { return prev.WithArticles(articles) })
}

// eagerEdits is how many of an edit's pages replace renders before it
// serves the edit: an editor's save of an article is one page.
const eagerEdits = 16

// replace serves the site next makes of the one served now, reporting
// whether any page changed.
func (s *Server) replace(next func(*site.Site) (*site.Site, error)) (changed bool, err error) {
	s.setMu.Lock()
	defer s.setMu.Unlock()
	prev := s.site.Load()
	st, err := next(prev)
	if err != nil {
		return false, fmt.Errorf("server: %w", err)
	}
	// The pages an edit changed are rendered now, so that one that
	// cannot be is reported to the editor and the server keeps what it
	// served; the rest are rendered when asked for. An edit of a shared
	// card changes the page of every article that shows it, 2,000 of
	// them in the bench's archive, about 6 s of rendering and
	// compressing: past the first few, they wait to be asked for, as a
	// page of an article nobody edited does.
	for i, o := range st.Edited(prev) {
		if i == eagerEdits {
			break
		}
		if _, err := s.encoded(o); err != nil {
			return false, fmt.Errorf("server: %w", err)
		}
	}
	s.site.Store(st)
	return st.Changed(prev), nil
}
