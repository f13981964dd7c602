package export

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	glosssite "github.com/gloss/gloss/site"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/e2e/catalog"
)

// testArticles are the shipped articles and the fixtures, the hostile
// one included: its title and slug test the escaping of every URL.
var testArticles = catalog.Articles()

// fakeWeb writes a web folder as `make build` leaves it, with a stand-in
// for the wasm that names every article (as the real one, which has them
// compiled in, does), its gzip copy and, when the brotli tool is there,
// its brotli copy.
func fakeWeb(t *testing.T, articles []content.Article) string {
	t.Helper()
	dir := t.TempDir()
	src, err := filepath.Abs("../web")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"icon-32.png", "icon-192.png", "icon-512.png", "icon-maskable-512.png", "icon.svg", "robots.txt"} {
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, f), b)
	}
	// The scripts' and the style sheet's sources, which the export bundles.
	for _, d := range []string{"js", "css"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(src, d))); err != nil {
			t.Fatal(err)
		}
	}
	wasm := []byte("\x00asm\x01\x00\x00\x00")
	for _, a := range articles {
		wasm = append(wasm, a.Slug...)
	}
	wasm = append(wasm, bytes.Repeat([]byte("gloss wasm "), 5000)...)
	write(t, filepath.Join(dir, "app.wasm"), wasm)
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(wasm)
	zw.Close()
	write(t, filepath.Join(dir, "app.wasm.gz"), gz.Bytes())
	if tool, err := exec.LookPath("brotli"); err == nil {
		if out, err := exec.Command(tool, "-k", "-q", "5", filepath.Join(dir, "app.wasm")).CombinedOutput(); err != nil {
			t.Fatalf("brotli: %v\n%s", err, out)
		}
	}
	return dir
}

func write(t *testing.T, p string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func exportTo(t *testing.T, out string, o Options) *Result {
	t.Helper()
	if o.Articles == nil {
		o.Articles = testArticles
	}
	o.Out = out
	start := time.Now()
	res, err := Export(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("exported %d files, %d bytes in %s", res.Files, res.Bytes, time.Since(start).Round(time.Millisecond))
	return res
}

func read(t *testing.T, dir, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var (
	rootRelative = regexp.MustCompile(`(?:href|src|action|content)="(/[^"]*)"|["'\x60](/[^"'\x60\s]*)["'\x60]`)
	cdnURL       = regexp.MustCompile(`https://cdn\.example(/[^"'\s<>\\)]*)?`)
)

// scanSite checks every text file of an exported site on its own terms,
// not with the export's own checker: nothing names this machine, and
// every URL of the site is under base.
func scanSite(t *testing.T, dir, base string) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.IndexByte(b, 0) >= 0 || strings.HasSuffix(p, ".png") {
			return nil // binary
		}
		n++
		rel, _ := filepath.Rel(dir, p)
		text := string(b)
		for _, bad := range []string{"localhost", "127.0.0.1", "example.com"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s refers to %s", rel, bad)
			}
		}
		for _, m := range rootRelative.FindAllStringSubmatch(text, -1) {
			u := m[1] + m[2]
			if strings.HasPrefix(u, "//") || (u == "/" && strings.HasSuffix(rel, ".js")) {
				continue
			}
			if !strings.HasPrefix(u, base) && u+"/" != base {
				t.Errorf("%s refers to %s, outside %s", rel, u, base)
			}
		}
		for _, m := range cdnURL.FindAllStringSubmatch(text, -1) {
			if !strings.HasPrefix(m[1], base) {
				t.Errorf("%s refers to %s, outside %s", rel, m[0], base)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Fatalf("scanned only %d text files", n)
	}
}

func TestExportUnderASubPath(t *testing.T) {
	web := fakeWeb(t, testArticles)
	out := filepath.Join(t.TempDir(), "site")
	res := exportTo(t, out, Options{Base: "/gloss", Origin: "https://cdn.example/", Web: os.DirFS(web)})
	scanSite(t, out, "/gloss/")

	hasEmbed := fileExists(filepath.Join(web, "js", "embed.js"))
	for i, a := range testArticles {
		rel := "a/" + a.Slug
		page := read(t, out, rel+".html")
		if !bytes.Equal(page, read(t, out, rel+"/index.html")) {
			t.Errorf("%s.html and %s/index.html differ", rel, rel)
		}
		if front := read(t, out, "index.html"); i < 20 && !bytes.Contains(front, []byte(`href="/gloss/a/`+url.PathEscape(a.Slug)+`"`)) {
			t.Errorf("the front page, index.html, does not link %s", a.Slug)
		}
		want := `<meta content="https://cdn.example/gloss/a/` + a.Slug + `" property="og:url">`
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("%s: no %s", rel, want)
		}
		if !hasEmbed {
			continue
		}
		link := `href="https://cdn.example/gloss/oembed/` + a.Slug + `.json"`
		if !bytes.Contains(page, []byte(link)) || !bytes.Contains(page, []byte(`type="application/json+oembed"`)) {
			t.Errorf("%s: no oEmbed discovery link %s", rel, link)
		}
		var doc glosssite.OEmbed
		if err := json.Unmarshal(read(t, out, "oembed/"+a.Slug+".json"), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Type != "rich" || doc.Version != "1.0" || doc.Title != a.Title ||
			!strings.Contains(doc.HTML, "https://cdn.example/gloss/web/embed.js") ||
			!strings.Contains(doc.HTML, "https://cdn.example/gloss/a/") {
			t.Errorf("oembed/%s.json: %+v", a.Slug, doc)
		}
	}
	if hasEmbed {
		demo := read(t, out, "demo/embed/index.html")
		if !bytes.Contains(demo, []byte(`https://cdn.example/gloss/web/embed.js`)) {
			t.Error("the demo page's snippet does not load the export's embed.js")
		}
	}

	// go-app is told the prefix, so the wasm's routes match the pages.
	appJS := string(read(t, out, "app.js"))
	for _, want := range []string{`GOAPP_ROOT_PREFIX:"/gloss"`, `GOAPP_STATIC_RESOURCES_URL:"/gloss"`, `"` + res.Wasm + `"`, `"/gloss/app-worker.js"`} {
		if !strings.Contains(appJS, want) {
			t.Errorf("app.js lacks %s", want)
		}
	}
	if !strings.HasPrefix(res.Wasm, "/gloss/web/app-") || !strings.HasSuffix(res.Wasm, ".wasm") {
		t.Errorf("wasm at %s", res.Wasm)
	}
	for _, ext := range []string{"", ".gz"} {
		if !fileExists(filepath.Join(out, strings.TrimPrefix(res.Wasm, "/gloss/")+ext)) {
			t.Errorf("no %s%s", res.Wasm, ext)
		}
	}

	// The worker precaches the app shell under the base, and no article:
	// a reader's cache holds the articles they read, not the archive.
	worker := string(read(t, out, "app-worker.js"))
	if !strings.Contains(worker, `"`+res.Wasm+`"`) {
		t.Errorf("the service worker does not precache the wasm %s", res.Wasm)
	}
	for _, a := range testArticles {
		if strings.Contains(worker, `"/gloss/a/`+a.Slug+`"`) {
			t.Errorf("the service worker precaches the article /gloss/a/%s", a.Slug)
		}
	}

	headers := string(read(t, out, "_headers"))
	for _, want := range []string{
		"/gloss/*\n  X-Content-Type-Options: nosniff\n",
		"/gloss/a/*\n  Cache-Control: no-cache\n  Content-Security-Policy: ",
		"/gloss/c/*\n  Cache-Control: no-cache\n  Content-Security-Policy: ",
		"/gloss/app-worker.js\n  Cache-Control: no-cache\n",
		"/gloss/feed.xml\n  Cache-Control: no-cache\n  Content-Type: application/atom+xml\n",
		"/gloss/feed.json\n  Cache-Control: no-cache\n  Content-Type: application/feed+json\n",
		res.Wasm + "\n  Content-Type: application/wasm\n  Cache-Control: public, max-age=31536000, immutable\n  X-Gloss-Wasm-Length: ",
	} {
		if !strings.Contains(headers, want) {
			t.Errorf("_headers lacks %q", want)
		}
	}
	// One rule for every preview image: a host reads a few rules, and an
	// archive has as many images as articles and cards.
	if !strings.Contains(headers, "/gloss/og/*\n  Cache-Control: no-cache\n") || strings.Count(headers, "/gloss/og/") != 1 {
		t.Error("_headers does not cover the preview images with one rule og/*")
	}
	if strings.Count(headers, "immutable") != 1 {
		t.Error("_headers marks more than the wasm immutable")
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// An export of the same content writes the same bytes, and replaces the
// previous export in place.
func TestExportIsDeterministicAndReplacesThePrevious(t *testing.T) {
	web := fakeWeb(t, testArticles)
	out := filepath.Join(t.TempDir(), "site")
	exportTo(t, out, Options{Base: "/x/", Web: os.DirFS(web)})
	first := snapshot(t, out)
	write(t, filepath.Join(out, "stale.html"), []byte("left from before"))
	exportTo(t, out, Options{Base: "/x/", Web: os.DirFS(web)})
	second := snapshot(t, out)
	if _, ok := second["stale.html"]; ok {
		t.Error("a file of the previous export survived")
	}
	if len(first) != len(second) {
		t.Fatalf("%d files, then %d", len(first), len(second))
	}
	for f, b := range first {
		if !bytes.Equal(b, second[f]) {
			t.Errorf("%s differs between two exports", f)
		}
	}
}

func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := make(map[string][]byte)
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			m[rel], _ = os.ReadFile(p)
		}
		return err
	})
	return m
}

// Export refuses, and writes nothing, where the site would break.
func TestExportFailsLoudly(t *testing.T) {
	good := fakeWeb(t, testArticles)
	cases := []struct {
		name  string
		setup func(t *testing.T, web, out string) Options
		want  string
	}{
		{"no wasm", func(t *testing.T, web, out string) Options {
			os.Remove(filepath.Join(web, "app.wasm"))
			return Options{}
		}, "build the wasm first"},
		{"not a wasm", func(t *testing.T, web, out string) Options {
			write(t, filepath.Join(web, "app.wasm"), []byte("404 page not found"))
			return Options{}
		}, "not a WebAssembly module"},
		{"stale gzip copy", func(t *testing.T, web, out string) Options {
			var gz bytes.Buffer
			zw := gzip.NewWriter(&gz)
			zw.Write([]byte("\x00asm old build"))
			zw.Close()
			write(t, filepath.Join(web, "app.wasm.gz"), gz.Bytes())
			return Options{}
		}, "app.wasm.gz is not app.wasm compressed"},
		{"out holds something else", func(t *testing.T, web, out string) Options {
			write(t, filepath.Join(out, "thesis.tex"), []byte("years of work"))
			return Options{}
		}, "holds no previous export"},
		{"base with ..", func(t *testing.T, web, out string) Options { return Options{Base: "/a/../../b/"} }, "no . or .. segments"},
		{"origin with a path", func(t *testing.T, web, out string) Options { return Options{Origin: "https://cdn.example/gloss"} }, "put a path in -base"},
		{"origin on this machine", func(t *testing.T, web, out string) Options { return Options{Origin: "http://localhost:8000"} }, "names this machine"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			web := t.TempDir()
			if err := os.CopyFS(web, os.DirFS(good)); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "site")
			o := c.setup(t, web, out)
			o.Out, o.Web = out, os.DirFS(web)
			if o.Articles == nil {
				o.Articles = testArticles
			}
			_, err := Export(o)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one saying %q", err, c.want)
			}
			if c.name != "out holds something else" && fileExists(out) {
				t.Error("a failed export left its folder")
			}
		})
	}
}

// A route without its file, and a missing asset are each reported.
func TestBrokenSitesAreCaught(t *testing.T) {
	web := fakeWeb(t, testArticles)
	o := Options{Out: "unused", Base: "/gloss/", Articles: testArticles, Web: os.DirFS(web)}
	out := filepath.Join(t.TempDir(), "site")
	exportTo(t, out, o)
	if err := Check(out, "/gloss/", ""); err != nil {
		t.Fatalf("a fresh export fails its check: %v", err)
	}
	os.Remove(filepath.Join(out, "web", "gloss.css"))
	if err := Check(out, "/gloss/", ""); err == nil || !strings.Contains(err.Error(), "/gloss/web/gloss.css?v=") {
		t.Errorf("missing gloss.css: %v", err)
	}
	w, err := plan(o)
	if err != nil {
		t.Fatal(err)
	}
	w.dir = out
	os.Remove(filepath.Join(out, "a", testArticles[1].Slug+".html"))
	os.Remove(filepath.Join(out, "a", testArticles[1].Slug, "index.html"))
	if err := w.checkRoutes(); err == nil || !strings.Contains(err.Error(), "was not exported") {
		t.Errorf("a missing route: %v", err)
	}
}

// An export into the previous one changes only the files whose content
// changed: the others keep their modification times, so that a sync to a
// CDN (rsync, aws s3 sync) uploads what the edit changed.
func TestExportChangesOnlyWhatChanged(t *testing.T) {
	web := fakeWeb(t, testArticles)
	out := filepath.Join(t.TempDir(), "site")
	o := Options{Origin: "https://cdn.example", Web: os.DirFS(web)}
	first := exportTo(t, out, o)
	if first.Changed != first.Files {
		t.Errorf("a first export changed %d of %d files", first.Changed, first.Files)
	}
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.Chtimes(p, old, old)
		}
		return err
	})
	edited := append([]content.Article(nil), testArticles...)
	last := len(edited) - 1
	edited[last].Title += " (updated)"
	o.Articles = edited
	second := exportTo(t, out, o)
	slug := edited[last].Slug
	// Its page twice, its oEmbed document and link preview image, the
	// front page and the feeds that list it, and the pages of the shared
	// cards it shows (twice each) and the context feed, which name it.
	changed := map[string]bool{"a/" + slug + ".html": true, "a/" + slug + "/index.html": true, "oembed/" + slug + ".json": true,
		"index.html": true, "feed.xml": true, "feed.json": true, "og/" + slug + ".png": true}
	for _, id := range edited[last].CardIDs() {
		changed["c/"+id+".html"], changed["c/"+id+"/index.html"], changed["feed-context.xml"] = true, true, true
	}
	if len(changed) != 12 {
		t.Fatalf("the edited article %s shows %v: the test wants two shared cards", slug, edited[last].CardIDs())
	}
	n := 0
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		info, _ := d.Info()
		if kept := info.ModTime().Equal(old); kept == changed[filepath.ToSlash(rel)] {
			t.Errorf("%s: modification time kept %v, but changed %v", rel, kept, changed[filepath.ToSlash(rel)])
		}
		n++
		return nil
	})
	if second.Changed != len(changed) || n != second.Files {
		t.Errorf("the edit changed %d files (want %d) of %d (%d found)", second.Changed, len(changed), second.Files, n)
	}
}
