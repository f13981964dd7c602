package export

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gloss/gloss/internal/browsertest"
	glosssite "github.com/gloss/gloss/site"
)

const nginxBin = browsertest.NginxBin

// TestNginxServesTheExport runs Debian's nginx with the shipped snippet,
// as a child process on a loopback port, and checks what it sends: the
// wasm with its type and the copy the browser accepts, every page at
// both of its paths, and the headers the server sends.
func TestNginxServesTheExport(t *testing.T) {
	if _, err := os.Stat(nginxBin); err != nil {
		t.Fatalf("this test runs nginx and found none at %s.\n  Install it with: apt-get install -y nginx-light", nginxBin)
	}
	web := fakeWeb(t, testArticles)
	tmp := t.TempDir()
	root := filepath.Join(tmp, "www")
	site := filepath.Join(root, "gloss")
	res := exportTo(t, site, Options{Base: "/gloss/", Origin: "https://cdn.example", Web: os.DirFS(web)})
	url := startNginx(t, tmp, root, filepath.Join(site, nginxFile))

	client := &http.Client{
		// Ask for encodings explicitly, and read bodies as sent.
		Transport: &http.Transport{DisableCompression: true},
	}
	get := func(path string, header ...string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest("GET", url+path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}

	raw := read(t, web, "app.wasm")
	copies := []struct {
		accept, encoding, file string
	}{
		{"gzip, deflate, br, zstd", "br", "app.wasm.br"},
		{"gzip, deflate", "gzip", "app.wasm.gz"},
		{"", "", "app.wasm"},
		{"identity", "", "app.wasm"},
	}
	if !fileExists(filepath.Join(web, "app.wasm.br")) {
		t.Log("no brotli tool: checking the gzip copy only (apt-get install -y brotli)")
		copies[0].encoding, copies[0].file = "gzip", "app.wasm.gz"
	}
	for _, c := range copies {
		resp, body := get(res.Wasm, "Accept-Encoding", c.accept)
		h := resp.Header
		if resp.StatusCode != 200 {
			t.Errorf("wasm, Accept-Encoding %q: %s", c.accept, resp.Status)
			continue
		}
		if got := h.Get("Content-Type"); got != "application/wasm" {
			t.Errorf("wasm, Accept-Encoding %q: Content-Type %q", c.accept, got)
		}
		if got := h.Get("Content-Encoding"); got != c.encoding {
			t.Errorf("wasm, Accept-Encoding %q: Content-Encoding %q, want %q", c.accept, got, c.encoding)
		}
		if !bytes.Equal(body, read(t, web, c.file)) {
			t.Errorf("wasm, Accept-Encoding %q: the body is not %s", c.accept, c.file)
		}
		if got := h.Get("X-Gloss-Wasm-Length"); got != fmt.Sprint(len(raw)) {
			t.Errorf("wasm: X-Gloss-Wasm-Length %q, want %d", got, len(raw))
		}
		if !strings.Contains(h.Get("Vary"), "Accept-Encoding") || h.Get("Cache-Control") != cacheForever ||
			h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("wasm, Accept-Encoding %q: headers %v", c.accept, h)
		}
	}
	// The compressed copies are not URLs of their own.
	if resp, _ := get(res.Wasm+".br", "Accept-Encoding", "br"); resp.StatusCode != 404 {
		t.Errorf("GET %s.br: %s, want 404", res.Wasm, resp.Status)
	}

	// Every page at /a/x and /a/x/ with no redirect, no-cache, framed by
	// this site only but in the embed view.
	paths := []string{"/gloss/", "/gloss/index.html", "/gloss/demo/embed"}
	for _, a := range testArticles {
		p := "/gloss" + glosssite.ArticlePath(a.Slug)
		paths = append(paths, p, p+"/")
	}
	for _, p := range paths {
		resp, body := get(p)
		h := resp.Header
		if resp.StatusCode != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
			t.Errorf("GET %s: %s, %s", p, resp.Status, h.Get("Content-Type"))
			continue
		}
		if !bytes.HasPrefix(body, []byte("<!")) {
			t.Errorf("GET %s: not a page", p)
		}
		if h.Get("Cache-Control") != "no-cache" || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: headers %v", p, h)
		}
		if p == "/gloss/demo/embed" {
			if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "style-src 'sha256-") {
				t.Errorf("demo page CSP %q", csp)
			}
			continue
		}
		if csp := h.Get("Content-Security-Policy"); !strings.HasSuffix(csp, "frame-ancestors 'self'") || !strings.Contains(csp, "'wasm-unsafe-eval'") {
			t.Errorf("GET %s: CSP %q", p, csp)
		}
	}
	resp, _ := get("/gloss/a/" + testArticles[0].Slug + "?embed=1")
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.HasSuffix(csp, "frame-ancestors *") {
		t.Errorf("embed view CSP %q", csp)
	}

	for p, want := range map[string]string{
		"/gloss/manifest.webmanifest":                     "application/manifest+json",
		"/gloss/app-worker.js":                            "application/javascript",
		"/gloss/web/gloss.css":                            "text/css",
		"/gloss/oembed/" + testArticles[0].Slug + ".json": "application/json",
		// Feed readers and validators go by the type, not the name.
		"/gloss/feed.xml":         "application/atom+xml",
		"/gloss/feed-context.xml": "application/atom+xml",
		"/gloss/feed.json":        "application/feed+json",
		"/gloss/sitemap.xml":      "application/xml",
	} {
		resp, _ := get(p)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != want || resp.Header.Get("Cache-Control") != "no-cache" {
			t.Errorf("GET %s: %s, %s, Cache-Control %q", p, resp.Status, resp.Header.Get("Content-Type"), resp.Header.Get("Cache-Control"))
		}
	}
	// The static assets a page loads allow any origin (a sandboxed embed
	// view's is opaque); pages, the worker and the manifest do not.
	for p, want := range map[string]string{
		"/gloss/web/gloss.css": "*", "/gloss/app.js": "*", "/gloss/wasm_exec.js": "*", "/gloss/app.css": "*", res.Wasm: "*",
		"/gloss/a/" + testArticles[0].Slug + "?embed=1": "", "/gloss/app-worker.js": "", "/gloss/manifest.webmanifest": "",
	} {
		if resp, _ := get(p); resp.StatusCode != 200 || resp.Header.Get("Access-Control-Allow-Origin") != want {
			t.Errorf("GET %s: %s, Access-Control-Allow-Origin %q, want %q", p, resp.Status, resp.Header.Get("Access-Control-Allow-Origin"), want)
		}
	}
	for _, p := range []string{"/gloss/_headers", "/gloss/nginx-gloss.conf", "/gloss/a/", "/gloss/nothing"} {
		if resp, _ := get(p); resp.StatusCode != 404 {
			t.Errorf("GET %s: %s, want 404", p, resp.Status)
		}
	}
}

// startNginx runs nginx in the foreground, as this user, with its
// configuration, pid and logs in dir, serving root with the snippet
// included (internal/browsertest, as the bench runs it), and returns its
// URL.
func startNginx(t *testing.T, dir, root, snippet string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	n := browsertest.Nginx{Dir: dir, Root: root, Snippet: snippet, Listen: addr}
	check, err := n.Command(nginxBin, "-t")
	if err != nil {
		t.Fatal(err)
	}
	if out, err := check.CombinedOutput(); err != nil {
		t.Fatalf("nginx rejects the snippet: %v\n%s", err, out)
	}
	cmd, err := n.Command(nginxBin)
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-done
		if t.Failed() {
			log, _ := os.ReadFile(n.ErrorLog())
			t.Logf("nginx error log:\n%s%s", log, stderr.String())
		}
	})
	for deadline := time.Now().Add(10 * time.Second); ; {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
			return "http://" + addr
		}
		select {
		case <-done:
			t.Fatalf("nginx exited: %s", stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("nginx did not listen on %s: %s", addr, stderr.String())
		}
	}
}
