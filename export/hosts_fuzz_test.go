package export

import (
	"bytes"

	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"

	"github.com/gloss/gloss/content"
	"github.com/gloss/gloss/internal/goapp"
)

// FuzzHostConfig feeds what an operator gives gloss export, the base
// path and the frame ancestors, to the writers of _headers and of the
// nginx snippet. Either the export refuses them with an error, or both
// files have the structure they have for a plain base: no header, rule,
// directive or block more or less, every base-derived path where it
// belongs, and no control character, nginx variable or CSP directive
// that the operator's text brought in.
func FuzzHostConfig(f *testing.F) {
	for _, c := range [][2]string{
		{"/", ""}, {"/gloss/", "https://news.example https://*.example.org"}, {"gloss", "'self'"},
		{"/x\t{\treturn\t302\thttps://evil.example/;}\tlocation\t/y/", ""},
		{"/a\n  X-Evil: 1\n/", ""}, {"/a\r/", "a\rX-Evil: 1"}, {"/a;b{c}/", "*"},
		{"/a/", "https://a.example; script-src *"}, {"/a/", "$http_cookie"}, {"/a/", `a" always; add_header X 1;#`},
		{"/caf\u00e9/", "https://xn--caf-dma.example"},
	} {
		f.Add(c[0], c[1])
	}
	// The structure to compare with: a site's at a plain base.
	ref := fuzzSite(f, "/x/", "https://ref.example")
	refHeaders, refNginx := headersShape(f, ref, string(ref.headers())), nginxShape(f, ref, string(ref.nginx()))
	f.Fuzz(func(t *testing.T, base, ancestors string) {
		s, err := plan(fuzzOptions(base, ancestors))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "export: ") {
				t.Errorf("unclear error %q", err)
			}
			return
		}
		headers, nginx := string(s.headers()), string(s.nginx())
		if got := headersShape(t, s, headers); !slices.Equal(got, refHeaders) {
			t.Errorf("base %q, ancestors %q: _headers has the structure\n%q\nwant\n%q\n%s", base, ancestors, got, refHeaders, headers)
		}
		if got := nginxShape(t, s, nginx); !slices.Equal(got, refNginx) {
			t.Errorf("base %q, ancestors %q: the nginx snippet has the structure\n%q\nwant\n%q\n%s", base, ancestors, got, refNginx, nginx)
		}
	})
}

// fuzzOptions export a site with every kind of rule: the oEmbed
// documents and the demo page (embed.js and an origin), and the wasm's
// brotli copy.
func fuzzOptions(base, ancestors string) Options {
	wasm := []byte("\x00asm fuzz-article")
	var br bytes.Buffer
	bw := brotli.NewWriter(&br)
	bw.Write(wasm)
	bw.Close()
	web := fstest.MapFS{
		"app.wasm":    {Data: wasm},
		"app.wasm.br": {Data: br.Bytes()},
		"embed.js":    {Data: []byte("void 0")},
		"gloss.css":   {Data: []byte("p{}")},
	}
	return Options{Out: "unused", Base: base, FrameAncestors: ancestors, Version: "v1", Origin: "https://fuzz.example",
		Articles: []content.Article{{Slug: "fuzz-article"}}, Web: web}
}

func fuzzSite(tb testing.TB, base, ancestors string) *writer {
	w, err := plan(fuzzOptions(base, ancestors))
	if err != nil {
		tb.Fatal(err)
	}
	return w
}

// checkText fails on a control character other than a line end: a CR
// or a form feed may end a line for some reader of the file.
func checkText(t testing.TB, name, text string) {
	t.Helper()
	if i := strings.IndexFunc(text, func(r rune) bool {
		return r < 0x20 && r != '\n' || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\u0085'
	}); i >= 0 {
		t.Errorf("%s: control character %q at byte %d", name, text[i], i)
	}
}

var headerNames = []string{"X-Content-Type-Options", "Referrer-Policy", "Content-Security-Policy", "Cache-Control",
	"Content-Type", "Access-Control-Allow-Origin", goapp.WasmLengthHeader}

// headersShape returns the structure of a _headers file: "rule" for each
// URL pattern line and the name of each header line. It fails on a line
// that is neither, a pattern that is not below the base, and a CSP whose
// frame-ancestors are followed by another directive.
func headersShape(t testing.TB, s *writer, text string) []string {
	t.Helper()
	checkText(t, "_headers", text)
	var shape []string
	for i, line := range strings.Split(text, "\n") {
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "  "):
			name, value, ok := strings.Cut(line[2:], ": ")
			if !ok || !slices.Contains(headerNames, name) {
				t.Errorf("_headers line %d: %q is not a header Gloss sets", i+1, line)
			}
			if _, fa, ok := strings.Cut(value, "frame-ancestors "); ok && strings.Contains(fa, ";") {
				t.Errorf("_headers line %d: a directive after frame-ancestors: %q", i+1, line)
			}
			shape = append(shape, name)
		default:
			if !strings.HasPrefix(line, s.site.Base()) || strings.ContainsAny(line, " \t") {
				t.Errorf("_headers line %d: %q is not a URL pattern below %q", i+1, line, s.site.Base())
			}
			shape = append(shape, "rule")
		}
	}
	return shape
}

// nginxVar matches the variables the snippet uses on purpose.
var nginxVar = regexp.MustCompile(`\$(gloss_frame_ancestors|arg_embed|uri|http_accept_encoding)\b`)

// nginxShape returns the structure of an nginx snippet: each directive's
// name with its nesting and number of arguments, "{" and "}". It fails on
// a location that is not at or below the base, and on an nginx variable
// the snippet does not use on purpose.
func nginxShape(t testing.TB, s *writer, text string) []string {
	t.Helper()
	checkText(t, nginxFile, text)
	var shape, words []string
	depth := 0
	for _, tok := range nginxTokens(t, text) {
		switch tok {
		case ";", "{":
			if len(words) == 0 {
				t.Errorf("nginx: %q with no directive", tok)
				continue
			}
			if words[0] == "location" {
				if p := words[len(words)-1]; !strings.HasPrefix(p, s.site.Base()) {
					t.Errorf("nginx: location %q is not below the base %q", p, s.site.Base())
				}
			}
			shape = append(shape, strings.Repeat("  ", depth)+words[0]+"/"+string(rune('0'+len(words)-1))+tok)
			if tok == "{" {
				depth++
			}
			words = words[:0]
		case "}":
			depth--
			shape = append(shape, strings.Repeat("  ", depth)+"}")
		default:
			if strings.Contains(nginxVar.ReplaceAllString(tok, ""), "$") {
				t.Errorf("nginx: an unexpected variable in %q", tok)
			}
			words = append(words, tok)
		}
	}
	if depth != 0 || len(words) != 0 {
		t.Errorf("nginx: unbalanced blocks or an unfinished directive %q", words)
	}
	return shape
}

// nginxTokens splits an nginx configuration as nginx reads it: words,
// quoted strings (unquoted here), ";", "{" and "}", with "#" comments
// dropped.
func nginxTokens(t testing.TB, text string) []string {
	var toks []string
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '#':
			for i < len(text) && text[i] != '\n' {
				i++
			}
		case c == ';' || c == '{' || c == '}':
			toks = append(toks, string(c))
			i++
		case c == '"' || c == '\'':
			var b strings.Builder
			j := i + 1
			for ; j < len(text) && text[j] != c; j++ {
				if text[j] == '\\' && j+1 < len(text) {
					j++
				}
				b.WriteByte(text[j])
			}
			if j >= len(text) {
				t.Errorf("nginx: unterminated quote at byte %d", i)
				return toks
			}
			toks = append(toks, b.String())
			i = j + 1
		default:
			j := i
			for j < len(text) && !strings.ContainsRune(" \t\n\r;{}", rune(text[j])) {
				j++
			}
			toks = append(toks, text[i:j])
			i = j
		}
	}
	return toks
}

// FuzzCheckScanners holds the checker's scanners of a page to the
// regular expressions they replaced (slower by far over a large export):
// the same URLs found, the same name of this machine.
func FuzzCheckScanners(f *testing.F) {
	for _, s := range []string{
		`<a href="/a/x">x</a> <img src="/web/i.png" alt=""> <form action="/f"><video poster="/p.png"><object data="/d">`,
		`<p data-src="/no" xhref="/no">`, `<link href="" rel="x">`, "<a\thref=\"/tab\">", `http://LocalHost:8000/ and [::1]`,
		`<meta content="a=&#34;b&#34;" name="x"><a href="/y">`, `0.0.0.0 127.0.0.1`, "http://localho\u017ft/", "\u212aLOCALHOST",
	} {
		f.Add(s)
	}
	href := regexp.MustCompile(`\s(?:href|src|action|poster|data)="([^"]*)"`)
	local := regexp.MustCompile(`(?i)localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0`)
	f.Fuzz(func(t *testing.T, page string) {
		var want []string
		for _, m := range href.FindAllStringSubmatch(page, -1) {
			want = append(want, m[1])
		}
		if got := htmlRefs([]byte(page)); !slices.Equal(got, want) {
			t.Errorf("htmlRefs(%q) = %q, the expression found %q", page, got, want)
		}
		if got, want := localRef([]byte(page)) != "", local.MatchString(page); got != want {
			t.Errorf("localRef(%q) found a name: %v, the expression: %v", page, got, want)
		}
	})
}
