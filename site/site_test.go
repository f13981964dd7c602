package site

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/e2e/catalog"
)

func testWeb() fstest.MapFS {
	return fstest.MapFS{
		"app.wasm":   {Data: []byte("\x00asm test")},
		"gloss.css":  {Data: []byte("p { color: red }")},
		"gloss.js":   {Data: []byte("var a = 1;")},
		"embed.js":   {Data: []byte("void 0")},
		"icon.png":   {Data: []byte("\x89PNG")},
		"robots.txt": {Data: []byte("User-agent: *\nAllow: /\n")},
	}
}

func buildSite(t *testing.T, cfg Config) *Site {
	t.Helper()
	if cfg.Articles == nil {
		cfg.Articles = catalog.Articles()
	}
	if cfg.Web == nil {
		cfg.Web = testWeb()
	}
	s, err := Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The site is every output at every path a reader, a CMS or a host asks
// for, each once, with the type and cache policy it is served with.
func TestTheSiteHasEveryOutput(t *testing.T) {
	as := catalog.Articles()
	s := buildSite(t, Config{Origin: "https://gloss.example", Base: "/news/"})
	want := map[string]Kind{
		"/news/":                     KindFront,
		"/news/manifest.webmanifest": KindAsset,
		"/news/app.js":               KindAsset,
		"/news/app-worker.js":        KindWorker,
		"/news/wasm_exec.js":         KindAsset,
		"/news/app.css":              KindAsset,
		"/news/web/gloss.css":        KindAsset,
		"/news/web/icon.png":         KindAsset,
		"/news/demo/embed":           KindDemo,
		"/news/demo/embed/":          KindDemo,
		s.Wasm().Path():              KindWasm,
	}
	for _, a := range as {
		want["/news/a/"+a.Slug] = KindPage
		want["/news/a/"+a.Slug+"/"] = KindPage
		want["/news/oembed/"+a.Slug+".json"] = KindOEmbed
	}
	for p, kind := range want {
		o, ok := s.Lookup(p)
		if !ok {
			t.Errorf("%s: not an output", p)
			continue
		}
		if o.Kind != kind {
			t.Errorf("%s: kind %d, want %d", p, o.Kind, kind)
		}
	}
	if !strings.HasPrefix(s.Wasm().Path(), "/news/web/app-") || s.Wasm().Cache != CacheForever {
		t.Errorf("the wasm is at %s, cached %q", s.Wasm().Path(), s.Wasm().Cache)
	}
	if _, ok := s.Lookup("/news/a/nope"); ok {
		t.Error("an unknown article is an output")
	}
	n := 0
	for o := range s.Outputs() {
		n += len(o.Paths)
		if o.Type == "" || o.Cache == "" {
			t.Errorf("%s: type %q, cache %q", o.Path(), o.Type, o.Cache)
		}
	}
	if n != len(s.Paths()) {
		t.Errorf("%d paths over the outputs, %d in the site: a path is served by two", n, len(s.Paths()))
	}
}

// The oEmbed documents and the demo page need the embed script, and the
// documents an origin: without them, they are not outputs.
func TestEmbeddingNeedsTheScriptAndAnOrigin(t *testing.T) {
	slug := catalog.Articles()[0].Slug
	web := testWeb()
	if s := buildSite(t, Config{}); s.Embeddable() == false {
		t.Error("a site with embed.js is not embeddable")
	} else if _, ok := s.Lookup("/oembed/" + slug + ".json"); ok {
		t.Error("an oEmbed document without an origin")
	}
	delete(web, "embed.js")
	s := buildSite(t, Config{Web: web, Origin: "https://gloss.example"})
	for _, p := range []string{"/oembed/" + slug + ".json", "/demo/embed"} {
		if _, ok := s.Lookup(p); ok {
			t.Errorf("%s without embed.js", p)
		}
	}
	s = buildSite(t, Config{Origin: "https://gloss.example"})
	o, _ := s.Lookup("/oembed/" + slug + ".json")
	body, err := o.Body()
	if err != nil {
		t.Fatal(err)
	}
	var doc OEmbed
	if err := json.Unmarshal(body, &doc); err != nil || doc.Type != "rich" || !strings.Contains(doc.HTML, "https://gloss.example/a/"+slug) {
		t.Errorf("oEmbed document %s: %v", body, err)
	}
}

// A page is rendered when asked for, not when the site is built: a site
// of any size is built at once. An edit touches what it edits.
func TestPagesAreMadeWhenAskedForAndKeptAcrossEdits(t *testing.T) {
	as := catalog.Articles()
	s := buildSite(t, Config{})
	next, err := s.WithArticles(as)
	if err != nil {
		t.Fatal(err)
	}
	if next.Changed(s) || len(next.Edited(s)) != 0 {
		t.Errorf("the same articles again: changed %v, %d edited", next.Changed(s), len(next.Edited(s)))
	}
	edited := append([]content.Article(nil), as...)
	edited[2].Title += " (updated)"
	after, err := next.WithArticles(edited)
	if err != nil {
		t.Fatal(err)
	}
	if ed := after.Edited(next); !after.Changed(next) || len(ed) != 1 || ed[0].Slug != as[2].Slug {
		t.Errorf("one article edited: changed %v, edited %d", after.Changed(next), len(ed))
	}
	before, _ := next.Lookup("/a/" + as[2].Slug)
	now, _ := after.Lookup("/a/" + as[2].Slug)
	if before.Key() == now.Key() {
		t.Error("the edited page kept its key")
	}
	b1, _ := next.Lookup("/a/" + as[1].Slug)
	b2, _ := after.Lookup("/a/" + as[1].Slug)
	if b1.Key() != b2.Key() {
		t.Error("a page the edit did not touch changed its key")
	}
	body, err := now.Body()
	if err != nil || !strings.Contains(string(body), "(updated)") {
		t.Errorf("the edited page: %v", err)
	}
	// The same content read again (another value) has the same key.
	copied := append([]content.Article(nil), as...)
	copied[1].Body = append([]content.Block(nil), as[1].Body...)
	again, _ := s.WithArticles(copied)
	if c, _ := again.Lookup("/a/" + as[1].Slug); c.Key() != b1.Key() || again.Changed(s) {
		t.Error("the same content, read again, is taken for an edit")
	}
	// A page is read from the archive when it is asked for: one the
	// archive no longer holds fails then, naming it.
	gone := &lost{Archive: Memory(as), slug: as[3].Slug}
	st := buildSite(t, Config{Archive: gone})
	o, _ := st.Lookup("/a/" + as[3].Slug)
	if _, err := o.Body(); err == nil || !strings.Contains(err.Error(), as[3].Slug) {
		t.Errorf("a page whose article cannot be read: %v", err)
	}
}

// lost is an archive that lists an article it cannot read.
type lost struct {
	content.Archive
	slug string
}

func (l *lost) Article(slug string) (content.Article, content.Entry, error) {
	if slug == l.slug {
		return content.Article{}, content.Entry{}, content.ErrNotFound
	}
	return l.Archive.Article(slug)
}

// What the operator configures is checked when the site is built.
func TestBadConfigurationIsRefused(t *testing.T) {
	for _, cfg := range []Config{
		{Base: "/a/../b/"},
		{Origin: "ftp://x"},
		{FrameAncestors: "https://a.example; script-src *"},
		{Web: fstest.MapFS{}},
		{Articles: []content.Article{}},
	} {
		if cfg.Articles == nil {
			cfg.Articles = catalog.Articles()
		}
		if cfg.Web == nil {
			cfg.Web = testWeb()
		}
		if _, err := Build(cfg); err == nil || !strings.HasPrefix(err.Error(), "site: ") {
			t.Errorf("%+v: %v", cfg, err)
		}
	}
}

// An article's page, oEmbed document and preview image, made one after
// another, read the article once; an edited version is read again.
func TestAnArticleIsReadOnceForItsOutputs(t *testing.T) {
	as := catalog.Articles()
	c := &counting{Archive: Memory(as)}
	s := buildSite(t, Config{Archive: c, Origin: "https://gloss.example"})
	slug := as[1].Slug
	for _, p := range []string{"/a/" + slug, "/oembed/" + slug + ".json", "/og/" + slug + ".png"} {
		o, _ := s.Lookup(p)
		if _, err := o.Body(); err != nil {
			t.Fatal(err)
		}
	}
	if c.reads[slug] != 1 {
		t.Errorf("%s read %d times for its page, document and image", slug, c.reads[slug])
	}
	edited := append([]content.Article(nil), as...)
	edited[1].Title += " (updated)"
	c.Archive = Memory(edited)
	next, _ := s.Refresh()
	o, _ := next.Lookup("/a/" + slug)
	if b, _ := o.Body(); !strings.Contains(string(b), "(updated)") || c.reads[slug] != 2 {
		t.Errorf("the edited version: read %d times, page updated %v", c.reads[slug], strings.Contains(string(b), "(updated)"))
	}
}

// counting is an archive that counts its readings, by slug.
type counting struct {
	content.Archive
	reads map[string]int
}

func (c *counting) Article(slug string) (content.Article, content.Entry, error) {
	if c.reads == nil {
		c.reads = map[string]int{}
	}
	c.reads[slug]++
	return c.Archive.Article(slug)
}
