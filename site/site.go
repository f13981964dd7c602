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
	// Archive holds the site's articles, listed in site order (the
	// newest first, as the front page lists them) and read when a page
	// needs one.
	Archive content.Archive
	// Articles, when there is no Archive, are the articles in site
	// order, already read (Memory).
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
	// Publisher is the newsroom that publishes the site: its name and
	// the address of its logo (absolute, or a path on the site), for the
	// front page, feeds, link previews and structured data. Empty, it is
	// Gloss, with Gloss's icon.
	Publisher Publisher
}

// Publisher is the newsroom a site is published by.
type Publisher struct {
	Name string
	// Logo is an image's address: absolute (https://…) or a path on the
	// site ("/web/icon-512.png").
	Logo string
}

// PreviewScript is the URL path of the live preview's script, which the
// server serves when pages load it.
const PreviewScript = "/_gloss/preview.js"

// Site is the whole published site, built once from its content and
// configuration: every output with its paths, type, cache policy and
// headers. The server looks outputs up; the export writes them. A site
// never changes: WithArticles makes the next one.
type Site struct {
	build   *build
	archive content.Archive
	// entries are the articles in site order.
	entries []*entry
	// cards are the archive's shared cards, by id in cardsByID.
	cards     []*card
	cardsByID map[string]*card
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
	if cfg.Archive == nil {
		cfg.Archive = Memory(cfg.Articles)
	}
	b, err := newBuild(cfg)
	if err != nil {
		return nil, err
	}
	s, err := b.site(cfg.Archive)
	if err != nil {
		return nil, err
	}
	if _, err := s.entries[0].page.Body(); err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	return s, nil
}

// WithArticles is the site with articles in place of its own archive,
// sharing everything else: no asset is read again, and an article that
// did not change keeps its key, so what was made of it stays good. The
// shared cards are those the articles show (Memory).
func (s *Site) WithArticles(articles []content.Article) (*Site, error) {
	return s.build.site(Memory(articles))
}

// Refresh is the site as its archive is now: after an edit, its entries
// listed again (an archive lists an edited article with a new version).
func (s *Site) Refresh() (*Site, error) {
	return s.build.site(s.archive)
}

// Article reads the article a page or an oEmbed document is of.
func (s *Site) Article(o *Output) (content.Article, error) {
	return s.build.sums.read(s.archive, o.Slug)
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

// Entries are the site's articles as its archive lists them, in site
// order.
func (s *Site) Entries() []content.Entry {
	es := make([]content.Entry, len(s.entries))
	for i, e := range s.entries {
		es[i] = e.Entry
	}
	return es
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

// site makes the site of archive's articles, as it lists them now, on
// this build.
func (b *build) site(archive content.Archive) (*Site, error) {
	entries := archive.Entries()
	if len(entries) == 0 {
		return nil, errors.New("site: no articles")
	}
	s := &Site{build: b, archive: archive, paths: make(map[string]*Output, len(b.outputs)+3*len(entries)+3*len(archive.Cards()))}
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
	s.entries = make([]*entry, len(entries))
	for i, ce := range entries {
		e := b.entry(ce, archive)
		s.entries[i] = e
		for _, o := range e.outputs(b, archive) {
			if err := add(o); err != nil {
				return nil, fmt.Errorf("%w (article %s)", err, ce.Slug)
			}
		}
	}
	// The site's own pages (front, cards, the context feed) speak its
	// language.
	lang := siteLang(entries)
	s.cards, s.cardsByID = cardsOf(s.entries, archive.Cards(), lang)
	for _, c := range s.cards {
		for _, o := range b.cardOutputs(c) {
			if err := add(o); err != nil {
				return nil, fmt.Errorf("%w (card %s)", err, c.ID)
			}
		}
	}
	for _, o := range b.frontOutputs(s.entries, s.cardsByID, archive, lang) {
		if err := add(o); err != nil {
			return nil, err
		}
	}
	for _, o := range b.feedOutputs(s.entries, archive) {
		if err := add(o); err != nil {
			return nil, err
		}
	}
	if o := b.contextFeed(s.entries, s.cards, lang); o != nil {
		if err := add(o); err != nil {
			return nil, err
		}
	}
	for _, o := range b.sitemapOutputs(s.entries, s.cards, b.robots) {
		if err := add(o); err != nil {
			return nil, err
		}
	}
	if b.embed {
		demo, err := b.demoOutput(archive, entries[0].Slug)
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
	publisher Publisher
	sums      summaries
	wasm      *Output
	robots    *Output
	outputs   []*Output
}

// siteLang is the language of the site's own pages (the front page, the
// cards' pages, the context feed and go-app's loader): its newest
// article's, English when that names none.
func siteLang(entries []content.Entry) string {
	if len(entries) > 0 && entries[0].Lang != "" {
		return entries[0].Lang
	}
	return "en"
}
