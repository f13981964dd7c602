package server

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"sync"

	ui "github.com/gloss/gloss/app"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/site"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// snapshot is the content a server serves at one moment: its
// pre-rendered pages. SetArticles replaces it whole, so a request
// sees either the old content or the new, never a mix.
type snapshot struct {
	// pages are by path: "/" and each article's path, with and without
	// its trailing slash.
	pages map[string]*page
}

// page is one article's pre-rendered page, the same at each of its paths.
type page struct {
	article content.Article
	*encoded
}

// renderMu serialises rendering: go-app keeps its routes in one
// process-wide router, which a page registers its article in just before
// it is rendered. setMu serialises SetArticles.
var renderMu sync.Mutex

// SetArticles replaces the content the server serves with articles (in
// site order, the newest first). Pages of articles that did not change are
// reused, so an edit costs one page's rendering. On an error the server
// keeps serving what it served before.
func (s *Server) SetArticles(articles []content.Article) error {
	_, err := s.setArticles(articles)
	return err
}

// setArticles is SetArticles, reporting whether any page changed.
func (s *Server) setArticles(articles []content.Article) (changed bool, err error) {
	if len(articles) == 0 {
		return false, errors.New("server: no articles to serve")
	}
	s.setMu.Lock()
	defer s.setMu.Unlock()
	next := &snapshot{pages: make(map[string]*page)}
	rendered := make(map[string]*page, len(articles))
	pages := make([]*page, len(articles))
	keys := make([]string, len(articles))
	var missing []int
	for i, a := range articles {
		key, err := pageKey(a)
		if err != nil {
			return false, err
		}
		keys[i] = key
		if pages[i] = s.rendered[key]; pages[i] == nil {
			missing = append(missing, i)
		}
	}
	// Pages to build are built on every core: go-app's rendering is
	// serialised (renderMu), their compression is not.
	errs := make([]error, len(articles))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), len(missing)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				pages[i], errs[i] = s.renderPage(articles[i])
			}
		}()
	}
	for _, i := range missing {
		work <- i
	}
	close(work)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return false, fmt.Errorf("server: %w", err)
	}
	changed = len(missing) > 0
	for i, a := range articles {
		rendered[keys[i]] = pages[i]
		for _, path := range site.Paths(a, i == 0) {
			next.pages[path] = pages[i]
		}
	}
	changed = changed || len(rendered) != len(s.rendered)
	s.rendered = rendered
	s.content.Store(next)
	return changed, nil
}

// pageKey names what a page depends on besides the build: its article.
// (The newest article is also served at "/", with the same bytes.)
func pageKey(a content.Article) (string, error) {
	b, err := json.Marshal(a)
	if err != nil {
		return "", fmt.Errorf("server: article %s: %w", a.Slug, err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// renderPage pre-renders article a's page as the server serves it.
func (s *Server) renderPage(a content.Article) (*page, error) {
	pg, err := BuildPage(s.app, a, s.cfg.Origin, "/", EndpointHref, s.cfg.Preview)
	if err != nil {
		return nil, err
	}
	return &page{article: a, encoded: encode(pg.HTML, brotliPage)}, nil
}

// BuildPage pre-renders article a's page, the same at each of its paths,
// with h: go-app's page around the prompts, the article printed after
// them, and the head links for the site at origin ("" when unknown) and
// base. oembed names the article's oEmbed document, nil for none; preview
// adds the live preview's script. The server and the static export both
// build their pages with it. Callers hold no lock: BuildPage serialises
// go-app's rendering itself.
func BuildPage(h http.Handler, a content.Article, origin, base string, oembed OEmbedHref, preview bool) (Page, error) {
	path := site.ArticlePath(a.Slug)
	article := []byte(app.HTMLString(ui.Page(a)))
	renderMu.Lock()
	ui.Route([]string{path}, ui.Prompts{Lang: a.Lang, Title: a.Title, Description: a.Description})
	pg, err := Render(h, path, article)
	renderMu.Unlock()
	if err != nil {
		return Page{}, err
	}
	head := HeadLinks(origin, base, a, oembed)
	if preview {
		head = append(head, `<script defer src="`+previewScript+`"></script>`+"\n"...)
	}
	html, err := site.WithHead(pg.HTML, head)
	if err != nil {
		return Page{}, fmt.Errorf("page %s: %w", a.Slug, err)
	}
	return Page{HTML: html}, nil
}

// HeadLinks are the tags that name a page's article: the canonical link
// (relative without an origin: / and /a/<slug> are one article), and,
// with an origin, og:url and the oEmbed discovery link, which need
// absolute URLs. oembed names the article's oEmbed document.
func HeadLinks(origin, base string, a content.Article, oembed OEmbedHref) []byte {
	tags := `<link ` + Attr("href", ArticleURL(origin, base, a.Slug)) + ` rel="canonical">` + "\n"
	if origin != "" && oembed != nil {
		tags += originLinks(origin, base, a, oembed)
	}
	return []byte(tags)
}

// originLinks are og:url and the oEmbed discovery link of a's page.
func originLinks(origin, base string, a content.Article, oembed OEmbedHref) string {
	return `<meta ` + Attr("content", ArticleURL(origin, base, a.Slug)) + ` property="og:url">` + "\n" +
		OEmbedLink(oembed(origin, base, a.Slug), a.Title) + "\n"
}
