package site

import (
	"fmt"

	ui "github.com/gloss/gloss/app"
	"github.com/gloss/gloss/app/i18n"
	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/escape"
	"github.com/gloss/gloss/internal/goapp"
)

// renderPage prints article a's page for readers at origin (the site's,
// or the one PageFor is given): go-app's shell around the prompts (the
// wasm's root) and the article (package app's Page), with the head links
// that name the article.
func (b *build) renderPage(a *content.Article, origin string) ([]byte, error) {
	head, err := b.headLinks(origin, a)
	if err != nil {
		return nil, err
	}
	page, err := b.goapp.Render(goapp.Page{
		Lang:        a.Lang,
		Dir:         i18n.Dir(a.Lang),
		Title:       a.Title,
		Description: a.Description,
		Type:        "article",
		Head:        head,
		Root:        &ui.Prompts{Lang: a.Lang},
		Main:        ui.Page(*a, b.cardHref),
		Loading:     i18n.For(a.Lang).Loading,
	})
	if err != nil {
		return nil, fmt.Errorf("page %s: %w", a.Slug, err)
	}
	return page, nil
}

// headLinks are the tags that name a's page for readers at origin: the
// canonical link (on the site's origin; relative without one: the base
// and /a/<slug> are one article), and, with an origin, og:url and the
// discovery link of the article's oEmbed document, which need absolute
// URLs. A preview adds its script.
func (b *build) headLinks(origin string, a *content.Article) ([]byte, error) {
	tags := `<link ` + escape.Attr("href", ArticleURL(b.origin, b.base, a.Slug)) + ` rel="canonical">` + "\n"
	if origin != "" {
		tags += `<meta ` + escape.Attr("content", ArticleURL(origin, b.base, a.Slug)) + ` property="og:url">` + "\n"
		if b.embed {
			// The site's own documents are files; for any other
			// origin, the server's endpoint answers.
			href := FileHref
			if origin != b.origin {
				href = EndpointHref
			}
			tags += OEmbedLink(href(origin, b.base, a.Slug), a.Title) + "\n"
		}
	}
	tags += b.metaTags(a)
	ld, err := b.newsArticle(a)
	if err != nil {
		return nil, err
	}
	tags += ld + b.feedLinks(a.Lang)
	if b.cfg.Preview {
		tags += `<script defer src="` + PreviewScript + `"></script>` + "\n"
	}
	return []byte(tags), nil
}

// PageFor is page o as served to a reader at origin when the site has
// no origin of its own: an article's page with og:url and the oEmbed
// link for that origin, which the server's oEmbed endpoint answers; the
// demo page with a snippet a publisher can copy. A newsroom's preview
// and the tests reach the server so.
func (s *Site) PageFor(o *Output, origin string) ([]byte, error) {
	switch {
	case s.build.origin != "" || origin == "":
		return o.Body()
	case o.Kind == KindPage:
		a, err := s.Article(o)
		if err != nil {
			return nil, err
		}
		return s.build.renderPage(&a, origin)
	case o.Kind == KindDemo:
		a, err := s.build.sums.read(s.archive, s.entries[0].Slug)
		if err != nil {
			return nil, err
		}
		page, _, err := DemoPage(origin, s.build.base, a)
		return page, err
	}
	return o.Body()
}

// oembedOutput is the static oEmbed document of e's article.
func (b *build) oembedOutput(e *entry, archive content.Archive) *Output {
	href := FileHref(b.origin, b.base, e.Slug)
	o := &Output{
		Paths:   []string{href[len(b.origin):]},
		Kind:    KindOEmbed,
		Type:    "application/json",
		Cache:   CacheRevalidate,
		Headers: []Header{{"Access-Control-Allow-Origin", "*"}},
		Slug:    e.Slug,
		entry:   e,
		render: func() ([]byte, error) {
			a, err := b.sums.readEntry(archive, e.Entry)
			if err != nil {
				return nil, err
			}
			return OEmbedJSON(b.origin, b.base, a, 0, 0)
		},
	}
	return o
}
