package site

import (
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"sort"
	"time"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/goapp"
)

// Config says what site to build.
type Config struct {
	// Articles are the site's articles in site order, the newest first:
	// it is also the page at the base.
	Articles []content.Article
	// Web holds the static assets (styles, scripts, icons) and the built
	// app.wasm with its .br and .gz copies.
	Web fs.FS
	// Version names the build: it keys the service worker's cache and
	// the pages. Empty means a hash of Web's contents (Fingerprint), the
	// same on every replica and restart.
	Version string
	// Origin is the site's public origin, as "https://gloss.example":
	// og:url, the canonical link and the oEmbed documents need absolute
	// URLs. Empty means unknown: they are left out.
	Origin string
	// Base is the URL path the site is served under: "/" (the default)
	// or "/sub/path/".
	Base string
	// FrameAncestors are the origins allowed to frame the embed view, as
	// in a CSP frame-ancestors list. Empty means any site.
	FrameAncestors string
	// Preview makes every page load the live preview's script, at
	// PreviewScript: for `gloss serve -content`, never published.
	Preview bool
	// Now is the clock the news sitemap counts its two days on; nil
	// means the time.
	Now func() time.Time
}

// PreviewScript is the URL path of the live preview's script, which the
// server serves when pages load it.
const PreviewScript = "/_gloss/preview.js"

// Site is the whole published site, built once from its content and
// configuration: every output with its paths, type, cache policy and
// headers. The server looks outputs up; the export writes them. A site
// never changes: WithArticles makes the next one.
type Site struct {
	build *build
	// entries are the articles in site order.
	entries []*entry
	// paths are every output by each of its paths.
	paths map[string]*Output
	// outputs are the outputs in a fixed order: the build's, then each
	// article's.
	outputs []*Output
}

// Build builds the site cfg describes. It renders the first page, so a
// broken build fails here and not in a reader's browser; the others are
// rendered when asked for.
func Build(cfg Config) (*Site, error) {
	b, err := newBuild(cfg)
	if err != nil {
		return nil, err
	}
	s, err := b.site(cfg.Articles, nil)
	if err != nil {
		return nil, err
	}
	if _, err := s.entries[0].page.Body(); err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	return s, nil
}

// WithArticles is the site with articles in place of its own, sharing
// everything else: no asset is read again, and an article that did not
// change keeps its key, so what was made of it stays good.
func (s *Site) WithArticles(articles []content.Article) (*Site, error) {
	return s.build.site(articles, s)
}

// Lookup finds the output served at URL path p.
func (s *Site) Lookup(p string) (*Output, bool) {
	o, ok := s.paths[p]
	return o, ok
}

// Outputs are every output of the site, each once.
func (s *Site) Outputs() iter.Seq[*Output] {
	return func(yield func(*Output) bool) {
		for _, o := range s.outputs {
			if !yield(o) {
				return
			}
		}
	}
}

// Paths are every URL path the site serves, sorted.
func (s *Site) Paths() []string {
	ps := make([]string, 0, len(s.paths))
	for p := range s.paths {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return ps
}

// Articles are the site's articles, in site order.
func (s *Site) Articles() []content.Article {
	as := make([]content.Article, len(s.entries))
	for i, e := range s.entries {
		as[i] = e.article
	}
	return as
}

// Changed reports whether a page of s differs from prev's: an article
// added, removed, moved or edited.
func (s *Site) Changed(prev *Site) bool {
	if prev == nil || len(prev.entries) != len(s.entries) {
		return true
	}
	for i, e := range s.entries {
		p := prev.entries[i]
		if e.same == p || e.same != nil && e.same == p.same {
			continue
		}
		if e.article.Slug != p.article.Slug || e.key() != p.key() {
			return true
		}
	}
	return false
}

// Edited are the pages of articles that are not the same values as in
// the site WithArticles made this one from: those an edit touched.
func (s *Site) Edited() []*Output {
	var out []*Output
	for _, e := range s.entries {
		if e.same == nil {
			out = append(out, e.page)
		}
	}
	return out
}

// Version names the build.
func (s *Site) Version() string { return s.build.version }

// Origin is the site's public origin, "" when unknown.
func (s *Site) Origin() string { return s.build.origin }

// Base is the URL path the site is under, as "/" or "/sub/path/".
func (s *Site) Base() string { return s.build.base }

// Embeddable reports whether the site has the embed script, and so the
// demo publisher page and the oEmbed documents.
func (s *Site) Embeddable() bool { return s.build.embed }

// Ancestors are who may frame the embed view: a CSP source list.
func (s *Site) Ancestors() string { return s.build.ancestors }

// Wasm is the wasm's output.
func (s *Site) Wasm() *Output { return s.build.wasm }

// site makes the site of articles on this build, keeping the keys of
// prev's articles that did not change.
func (b *build) site(articles []content.Article, prev *Site) (*Site, error) {
	if len(articles) == 0 {
		return nil, errors.New("site: no articles")
	}
	s := &Site{build: b, paths: make(map[string]*Output, len(b.outputs)+3*len(articles))}
	old := make(map[string]*entry)
	if prev != nil {
		for _, e := range prev.entries {
			old[e.article.Slug] = e
		}
	}
	add := func(o *Output) error {
		for _, p := range o.Paths {
			if _, dup := s.paths[p]; dup {
				return fmt.Errorf("site: two outputs at %s", p)
			}
			s.paths[p] = o
		}
		s.outputs = append(s.outputs, o)
		return nil
	}
	for _, o := range b.outputs {
		if err := add(o); err != nil {
			return nil, err
		}
	}
	s.entries = make([]*entry, len(articles))
	for i, a := range articles {
		e := b.entry(a, i == 0, old[a.Slug])
		s.entries[i] = e
		for _, o := range e.outputs(b) {
			if err := add(o); err != nil {
				return nil, fmt.Errorf("%w (article %s)", err, a.Slug)
			}
		}
	}
	for _, o := range b.feedOutputs(s.entries) {
		if err := add(o); err != nil {
			return nil, err
		}
	}
	for _, o := range b.sitemapOutputs(s.entries, b.robots) {
		if err := add(o); err != nil {
			return nil, err
		}
	}
	if b.embed {
		demo, err := b.demoOutput(&s.entries[0].article)
		if err != nil {
			return nil, err
		}
		if err := add(demo); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// build is what a site's versions share: the configuration, the
// assets, go-app's files, the wasm.
type build struct {
	cfg       Config
	base      string
	origin    string
	version   string
	ancestors string
	embed     bool
	goapp     *goapp.Adapter
	res       goapp.Resources
	wasm      *Output
	robots    *Output
	outputs   []*Output
}
