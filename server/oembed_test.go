package server

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gloss/gloss/articles"
	"github.com/gloss/gloss/site"
)

func newTestServer(t *testing.T, cfg Config) *Server {
	t.Helper()
	cfg.Articles = articles.All()
	cfg.Web = fstest.MapFS{"app.wasm": {Data: []byte("\x00asm")}, "embed.js": {Data: []byte("void 0")}}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func get(s *Server, host, target string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.Host = host
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}

func oembedURL(page string, extra ...string) string {
	q := "url=" + url.QueryEscape(page) + "&format=json"
	for _, e := range extra {
		q += "&" + e
	}
	return "/oembed?" + q
}

func TestOembed(t *testing.T) {
	seed := articles.All()[0]
	local := "http://localhost:8000"
	tests := []struct {
		name   string
		origin string // Config.Origin
		host   string // the request's Host
		target string
		status int
		width  int
		// want are substrings of the snippet.
		want []string
	}{
		{
			name: "article URL", host: "localhost:8000",
			target: oembedURL(local + "/a/" + seed.Slug),
			status: 200, width: site.OEmbedWidth,
			want: []string{`href="http://localhost:8000/a/` + seed.Slug + `"`, `src="http://localhost:8000/web/embed.js"`},
		},
		{name: "root URL is the first article", host: "localhost:8000", target: oembedURL(local + "/"), status: 200, width: site.OEmbedWidth},
		{name: "root without a slash", host: "localhost:8000", target: oembedURL(local), status: 200, width: site.OEmbedWidth},
		{name: "trailing slash", host: "localhost:8000", target: oembedURL(local + "/a/" + seed.Slug + "/"), status: 200, width: site.OEmbedWidth},
		{name: "query and fragment ignored", host: "localhost:8000", target: oembedURL(local + "/a/" + seed.Slug + "?utm_source=x#istanbul"), status: 200, width: site.OEmbedWidth},
		{name: "format defaults to json", host: "localhost:8000", target: "/oembed?url=" + url.QueryEscape(local+"/"), status: 200, width: site.OEmbedWidth},
		{name: "maxwidth narrows", host: "localhost:8000", target: oembedURL(local+"/", "maxwidth=320"), status: 200, width: 320},
		{name: "maxwidth wider than needed", host: "localhost:8000", target: oembedURL(local+"/", "maxwidth=2000"), status: 200, width: site.OEmbedWidth},
		{name: "host is case-insensitive", host: "LOCALHOST:8000", target: oembedURL("http://Localhost:8000/"), status: 200, width: site.OEmbedWidth},
		{
			name: "configured origin", origin: "https://gloss.example", host: "10.0.0.5:8000",
			target: oembedURL("https://gloss.example/a/" + seed.Slug), status: 200, width: site.OEmbedWidth,
			want: []string{`href="https://gloss.example/a/` + seed.Slug + `"`, `src="https://gloss.example/web/embed.js"`},
		},
		{
			name: "configured origin, http URL of it", origin: "https://gloss.example", host: "gloss.example",
			target: oembedURL("http://gloss.example/"), status: 200, width: site.OEmbedWidth,
			want: []string{`href="https://gloss.example/a/`},
		},
		{name: "configured origin, other host", origin: "https://gloss.example", host: "evil.example", target: oembedURL("https://evil.example/"), status: 404},

		{name: "foreign host", host: "localhost:8000", target: oembedURL("http://example.com/a/" + seed.Slug), status: 404},
		{name: "other port", host: "localhost:8000", target: oembedURL("http://localhost:9000/"), status: 404},
		{name: "unknown article", host: "localhost:8000", target: oembedURL(local + "/a/no-such-article"), status: 404},
		{name: "unknown path", host: "localhost:8000", target: oembedURL(local + "/web/gloss.css"), status: 404},
		{name: "not http", host: "localhost:8000", target: oembedURL("ftp://localhost:8000/"), status: 404},
		{name: "user info", host: "localhost:8000", target: oembedURL("http://user@localhost:8000/"), status: 404},
		{name: "relative URL", host: "localhost:8000", target: oembedURL("/a/" + seed.Slug), status: 404},
		{name: "spoofed Host with markup", host: `a"><script>`, target: oembedURL(`http://a"><script>/`), status: 404},

		{name: "xml", host: "localhost:8000", target: "/oembed?format=xml&url=" + url.QueryEscape(local+"/"), status: 501},
		{name: "other format", host: "localhost:8000", target: "/oembed?format=yaml&url=" + url.QueryEscape(local+"/"), status: 501},

		{name: "no url", host: "localhost:8000", target: "/oembed?format=json", status: 400},
		{name: "empty url", host: "localhost:8000", target: "/oembed?url=&format=json", status: 400},
		{name: "two urls", host: "localhost:8000", target: oembedURL(local+"/", "url=x"), status: 400},
		{name: "bad escape", host: "localhost:8000", target: "/oembed?url=%zz&format=json", status: 400},
		{name: "unparsable url", host: "localhost:8000", target: oembedURL("http://[::1"), status: 400},
		{name: "maxwidth not a number", host: "localhost:8000", target: oembedURL(local+"/", "maxwidth=wide"), status: 400},
		{name: "maxwidth zero", host: "localhost:8000", target: oembedURL(local+"/", "maxwidth=0"), status: 400},
		{name: "maxheight negative", host: "localhost:8000", target: oembedURL(local+"/", "maxheight=-5"), status: 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t, Config{Origin: tt.origin})
			rec := get(s, tt.host, tt.target)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if tt.status != 200 {
				return
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			var doc map[string]any
			if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			for _, k := range []string{"version", "type", "provider_name", "provider_url", "title", "html", "width", "height"} {
				if _, ok := doc[k]; !ok {
					t.Errorf("no %q in %s", k, rec.Body)
				}
			}
			if doc["version"] != "1.0" || doc["type"] != "rich" || doc["provider_name"] != "Gloss" || doc["title"] != seed.Title {
				t.Errorf("document %s", rec.Body)
			}
			if w := int(doc["width"].(float64)); w != tt.width {
				t.Errorf("width %d, want %d", w, tt.width)
			}
			if h := doc["height"].(float64); h < 300 {
				t.Errorf("height %v: too small for the article", h)
			}
			snippet := doc["html"].(string)
			if !strings.HasPrefix(snippet, `<blockquote class="gloss-embed" data-theme="auto" data-height="`) ||
				!strings.HasSuffix(snippet, `/web/embed.js"></script>`) {
				t.Errorf("snippet %q", snippet)
			}
			for _, w := range tt.want {
				if !strings.Contains(snippet, w) {
					t.Errorf("snippet %q lacks %q", snippet, w)
				}
			}
		})
	}
}

func TestOembedMaxheight(t *testing.T) {
	s := newTestServer(t, Config{})
	rec := get(s, "localhost:8000", oembedURL("http://localhost:8000/", "maxheight=200"))
	var doc site.OEmbed
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Height != 200 {
		t.Errorf("height %d with maxheight=200", doc.Height)
	}
}

func TestOembedSnippetIsEscaped(t *testing.T) {
	a := articles.All()[0]
	a.Title = `Tom & "Jerry" <script>alert(1)</script>`
	a.Slug = `x"><img src=x onerror=alert(1)>`
	got := site.Snippet("https://gloss.example", "/", a)
	for _, bad := range []string{"<script>alert", "<img", `"Jerry"`, `x">`} {
		if strings.Contains(got, bad) {
			t.Errorf("snippet %q contains %q", got, bad)
		}
	}
	if !strings.Contains(got, "Tom &amp; &#34;Jerry&#34; &lt;script&gt;") {
		t.Errorf("snippet %q: title not escaped as expected", got)
	}
	link := site.OEmbedLink(`https://gloss.example/oembed?format=json&url=x"y`, `a"b`)
	if strings.Contains(link, `x"y`) || strings.Contains(link, `a"b`) || !strings.Contains(link, "format=json&amp;url=") {
		t.Errorf("link %q not escaped", link)
	}
}

func TestOembedHrefs(t *testing.T) {
	for _, tt := range []struct {
		name       string
		href       site.OEmbedHref
		base, want string
	}{
		{"endpoint", site.EndpointHref, "/", "https://g.example/oembed?format=json&url=https%3A%2F%2Fg.example%2Fa%2Fseed"},
		{"endpoint under a base", site.EndpointHref, "/sub/path/", "https://g.example/sub/path/oembed?format=json&url=https%3A%2F%2Fg.example%2Fsub%2Fpath%2Fa%2Fseed"},
		{"file", site.FileHref, "/", "https://g.example/oembed/seed.json"},
		{"file under a base without slashes", site.FileHref, "sub", "https://g.example/sub/oembed/seed.json"},
	} {
		if got := tt.href("https://g.example", tt.base, "seed"); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := site.ArticleURL("https://g.example", "/sub/", "seed"); got != "https://g.example/sub/a/seed" {
		t.Errorf("ArticleURL %q", got)
	}
}

func TestOembedDiscoveryLinkInEveryPage(t *testing.T) {
	seed := articles.All()[0]
	for _, tt := range []struct {
		name, origin, host, want string
	}{
		{"from the Host", "", "127.0.0.1:8000", site.EndpointHref("http://127.0.0.1:8000", "/", seed.Slug)},
		{"configured", "https://gloss.example/", "10.1.2.3", site.FileHref("https://gloss.example", "/", seed.Slug)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t, Config{Origin: tt.origin})
			for _, path := range []string{"/", "/a/" + seed.Slug, "/a/" + seed.Slug + "/"} {
				rec := get(s, tt.host, path)
				body := rec.Body.String()
				link := site.OEmbedLink(tt.want, seed.Title)
				if i := strings.Index(body, link+"\n"); rec.Code != 200 || i < 0 || i > strings.Index(body, "</head>") {
					t.Errorf("%s: status %d, no %s before </head>", path, rec.Code, link)
				}
				// The document it names is served.
				if u, _ := url.Parse(tt.want); u.Path != "/oembed" {
					if doc := get(s, tt.host, u.Path); doc.Code != 200 || !strings.Contains(doc.Body.String(), `"type":"rich"`) || doc.Header().Get("Access-Control-Allow-Origin") != "*" {
						t.Errorf("%s: %d %v %s", u.Path, doc.Code, doc.Header(), doc.Body)
					}
				}
				// The gzip copy has it too.
				req := httptest.NewRequest("GET", path, nil)
				req.Host = tt.host
				req.Header.Set("Accept-Encoding", "gzip")
				zrec := httptest.NewRecorder()
				s.ServeHTTP(zrec, req)
				zr, err := gzip.NewReader(zrec.Body)
				if err != nil {
					t.Fatalf("%s: not gzip: %v", path, err)
				}
				plain, _ := io.ReadAll(zr)
				if string(plain) != body {
					t.Errorf("%s: the gzip body differs from the identity one", path)
				}
				if zrec.Header().Get("ETag") == rec.Header().Get("ETag") {
					t.Errorf("%s: the gzip and identity bodies share the ETag %s", path, rec.Header().Get("ETag"))
				}
			}
		})
	}
	// Without an origin, a Host that is not a loopback address, or not a
	// host name at all, gets the page without absolute links: a client
	// cannot make the server name a host it made up.
	s := newTestServer(t, Config{})
	for _, host := range []string{"a'b", "evil.example", "10.1.2.3:8000"} {
		body := get(s, host, "/").Body.String()
		if strings.Contains(body, "json+oembed") || strings.Contains(body, "og:url") || !strings.Contains(body, "</html>") {
			t.Errorf("Host %q: the page carries an oEmbed link or og:url, or is missing", host)
		}
		if !strings.Contains(body, `<link href="/a/`+seed.Slug+`" rel="canonical">`) {
			t.Errorf("Host %q: no relative canonical link", host)
		}
	}
}

func TestNormalizeOrigin(t *testing.T) {
	for in, want := range map[string]string{
		"https://gloss.example":      "https://gloss.example",
		"https://Gloss.Example/":     "https://gloss.example",
		"https://gloss.example:443":  "https://gloss.example",
		"http://localhost:8000":      "http://localhost:8000",
		"http://[::1]:8000":          "http://[::1]:8000",
		"gloss.example":              "",
		"ftp://gloss.example":        "",
		"https://gloss.example/sub/": "",
		"https://u@gloss.example":    "",
		"https://gloss.example?x=1":  "",
		"https://gloss.example:0":    "",
		"https://a b.example":        "",
	} {
		got, err := site.NormalizeOrigin(in)
		if (err != nil) != (want == "") || got != want {
			t.Errorf("site.NormalizeOrigin(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := New(Config{Articles: articles.All(), Web: fstest.MapFS{"app.wasm": {}}, Origin: "gloss.example"}); err == nil {
		t.Error("New accepted a bad Origin")
	}
}

func TestFrameAncestors(t *testing.T) {
	for _, tt := range []struct {
		name, config, target, want string
	}{
		{"app view, only itself", "", "/", "frame-ancestors 'self'"},
		{"embed view, anyone", "", "/?embed=1", "frame-ancestors *"},
		{"embed view of an article", "", "/a/" + articles.All()[0].Slug + "?embed=1&theme=dark", "frame-ancestors *"},
		{"embed=0 is the app view", "", "/?embed=0", "frame-ancestors 'self'"},
		{"configured publishers", "https://a.example https://b.example", "/?embed=1", "frame-ancestors https://a.example https://b.example"},
		{"configured, app view still itself", "https://a.example", "/", "frame-ancestors 'self'"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t, Config{FrameAncestors: tt.config})
			csp := get(s, "localhost", tt.target).Header().Get("Content-Security-Policy")
			if !strings.HasSuffix(csp, "; "+tt.want) {
				t.Errorf("CSP %q, want it to end with %q", csp, tt.want)
			}
		})
	}
}

func TestDemoPage(t *testing.T) {
	s := newTestServer(t, Config{})
	rec := get(s, "localhost:8000", "/demo/embed")
	body := rec.Body.String()
	if rec.Code != 200 || !strings.Contains(body, site.Snippet("http://localhost:8000", "/", articles.All()[0])) {
		t.Fatalf("status %d; the demo lacks the snippet", rec.Code)
	}
	// The CSP allows the page's own style element, as sent.
	style := body[strings.Index(body, "<style>")+len("<style>") : strings.Index(body, "</style>")]
	sum := sha256.Sum256([]byte(style))
	csp := rec.Header().Get("Content-Security-Policy")
	if want := "style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp, want) || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("demo CSP %q, want %s", csp, want)
	}
}
