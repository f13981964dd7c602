package server

import (
	"compress/gzip"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/goapp"
	"golang.org/x/net/html"
)

var testArticle = content.Article{
	Slug: "one", Title: "One", Lang: "en", Date: content.Date{Year: 2024, Month: 1, Day: 2},
	Body: []content.Block{{Text: []content.Inline{{Text: "Hello, "}, {Text: "world", Note: "w"}, {Text: "."}}}},
	Notes: []content.Note{{ID: "w", Kind: content.KindContext, Title: "World", Anchor: "world",
		Body:    []content.Block{{Text: []content.Inline{{Text: "The planet."}}}},
		Sources: []content.Source{{Title: "S", URL: "https://example.org/"}}}},
}

func testServer(t testing.TB, cfg Config) *Server {
	t.Helper()
	if cfg.Articles == nil {
		cfg.Articles = []content.Article{testArticle}
	}
	if cfg.Web == nil {
		cfg.Web = fstest.MapFS{
			"app.wasm":    {Data: []byte("\x00asm raw bytes")},
			"app.wasm.br": {Data: []byte("br")},
			"app.wasm.gz": {Data: []byte("gz")},
			"gloss.css":   {Data: []byte("body{}")},
		}
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func fetch(s http.Handler, path string, header ...string) *http.Response {
	r := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w.Result()
}

func TestPagesArePrerenderedAndCompressed(t *testing.T) {
	s := testServer(t, Config{})
	for _, path := range []string{"/", "/a/one", "/a/one/", "/?utm_source=x"} {
		res := fetch(s, path, "Accept-Encoding", "gzip")
		if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("%s: %d %v", path, res.StatusCode, res.Header)
		}
		zr, err := gzip.NewReader(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(zr)
		if !strings.Contains(string(body), `Hello, <label class="gloss-phrase`) || !strings.Contains(string(body), `popover="auto"`) {
			t.Errorf("%s: article or card missing from the page", path)
		}
		if strings.Contains(string(body), "user-scalable=0") {
			t.Errorf("%s: zoom is disabled", path)
		}
	}
	res := fetch(s, "/")
	etag := res.Header.Get("ETag")
	if res.Header.Get("Content-Encoding") != "" || etag == "" {
		t.Errorf("plain request: %v", res.Header)
	}
	if res := fetch(s, "/", "If-None-Match", etag); res.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation: %d, want 304", res.StatusCode)
	}
}

func TestWasmIsNegotiated(t *testing.T) {
	s := testServer(t, Config{})
	for _, tc := range []struct{ accept, enc, body string }{
		{"br, gzip", "br", "br"},
		{"gzip;q=1, br;q=0", "gzip", "gz"},
		{"", "", "\x00asm raw bytes"},
		{"identity", "", "\x00asm raw bytes"},
	} {
		res := fetch(s, s.site.Load().Wasm().Path(), "Accept-Encoding", tc.accept)
		body, _ := io.ReadAll(res.Body)
		if res.Header.Get("Content-Encoding") != tc.enc || string(body) != tc.body {
			t.Errorf("Accept-Encoding %q: encoding %q body %q", tc.accept, res.Header.Get("Content-Encoding"), body)
		}
		if res.Header.Get("Content-Type") != "application/wasm" || res.Header.Get(goapp.WasmLengthHeader) != "14" ||
			!strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("Accept-Encoding %q: headers %v", tc.accept, res.Header)
		}
	}
}

func TestSecurityHeadersAndFraming(t *testing.T) {
	s := testServer(t, Config{FrameAncestors: "https://news.example"})
	res := fetch(s, "/")
	csp := res.Header.Get("Content-Security-Policy")
	if res.Header.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(csp, "'wasm-unsafe-eval'") ||
		!strings.Contains(csp, "frame-ancestors 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("app view headers: %v", res.Header)
	}
	if csp := fetch(s, "/?embed=1").Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors https://news.example") {
		t.Errorf("embed view CSP: %s", csp)
	}
	if csp := fetch(testServer(t, Config{}), "/?embed=1").Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors *") {
		t.Errorf("embed view CSP without a list: %s", csp)
	}
}

func TestBadRequestsChangeNothing(t *testing.T) {
	s := testServer(t, Config{})
	for path, want := range map[string]int{
		"/nope":                 404,
		"/a/unknown":            404,
		"/web/":                 404,
		"/web/missing.css":      404,
		"/web/../server.go":     404,
		"/?embed=%zz":           200,
		"/a/one?x=<script>":     200,
		"/web/gloss.css?v=1":    200,
		"/manifest.webmanifest": 200,
	} {
		if res := fetch(s, path); res.StatusCode != want {
			t.Errorf("%s: %d, want %d", path, res.StatusCode, want)
		}
	}
	r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader("x"))
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST /: %d", w.Code)
	}
}

func TestStartingWithoutAWasmSaysHowToBuildIt(t *testing.T) {
	_, err := New(Config{Articles: []content.Article{testArticle}, Web: fstest.MapFS{}})
	if err == nil || !strings.Contains(err.Error(), "make build") {
		t.Fatalf("err = %v", err)
	}
}

// The tab's icon is a small PNG: Chromium fetches it again on every
// change of address, each card a reader opens or closes, and decodes it
// on the page's main thread, in the tasks that follow the reader's click:
// at CPU 4× an SVG icon took 30 ms (a document of its own), the 192 px
// PNG 10.6 ms, the 32 px one 0.7–1.4 ms.
func TestTheTabIconIsASmallPNG(t *testing.T) {
	s := testServer(t, Config{})
	body, _ := io.ReadAll(fetch(s, "/").Body)
	doc, err := html.Parse(strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	var icons []string
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.Data != "link" {
			continue
		}
		var rel, href string
		for _, a := range n.Attr {
			switch a.Key {
			case "rel":
				rel = a.Val
			case "href":
				href = a.Val
			}
		}
		if slices.Contains(strings.Fields(rel), "icon") {
			icons = append(icons, href)
		}
	}
	if len(icons) == 0 {
		t.Fatal(`the page names no icon (<link rel="icon">)`)
	}
	for _, href := range icons {
		if !strings.HasSuffix(strings.SplitN(href, "?", 2)[0], ".png") {
			t.Errorf(`the page's icon is %s, want a PNG`, href)
			continue
		}
		// The file the server sends from web/ (this test's server has
		// only stand-ins there).
		f, err := os.Open(filepath.Join("..", filepath.FromSlash(strings.TrimPrefix(href, "/"))))
		if err != nil {
			t.Errorf("the page's icon %s: %v", href, err)
			continue
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil {
			t.Errorf("the page's icon %s: %v", href, err)
		} else if cfg.Width > 48 || cfg.Height > 48 {
			t.Errorf("the page's icon %s is %d × %d px, want at most 48", href, cfg.Width, cfg.Height)
		}
	}
}
