//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gloss/gloss/export"
	"github.com/gloss/gloss/internal/e2e/catalog"
	"github.com/gloss/gloss/server"
)

// The exported site is the server's, byte for byte, path for path, given
// the same origin: every file the export writes is what the server sends
// at its URL, with the same type, and the server serves nothing the
// export lacks (the export checks every route of the site). The shared
// cards' pages, images and feed are among them.
func TestTheExportIsTheServersSite(t *testing.T) {
	web := testWeb(t)
	articles := catalog.Articles()
	const origin = "https://gloss.example"
	out := filepath.Join(t.TempDir(), "site")
	res, err := export.Export(export.Options{Out: out, Origin: origin, Articles: articles, Web: os.DirFS(web)})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{Origin: origin, Articles: articles, Web: os.DirFS(web)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Version != srv.Version() {
		t.Fatalf("export version %s, server version %s", res.Version, srv.Version())
	}
	n, shared := 0, 0
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, out+string(filepath.Separator)))
		switch rel {
		case "_headers", "nginx-gloss.conf", ".nojekyll":
			return nil // the host's configuration, not the site
		}
		urlPath, coding := "/"+rel, ""
		for ext, c := range map[string]string{".br": "br", ".gz": "gzip"} {
			if strings.HasSuffix(rel, ".wasm"+ext) {
				urlPath, coding = strings.TrimSuffix(urlPath, ext), c
			}
		}
		urlPath = strings.TrimSuffix(strings.TrimSuffix(urlPath, "index.html"), ".html")
		req := httptest.NewRequest(http.MethodGet, urlPath, nil)
		req.Header.Set("Accept-Encoding", coding)
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		exported, _ := os.ReadFile(p)
		if rec.Code != http.StatusOK || rec.Header().Get("Content-Encoding") != coding || !bytes.Equal(rec.Body.Bytes(), exported) {
			t.Errorf("%s: the server answers %s (%d, %q coding, %d bytes) otherwise (%d bytes exported)",
				rel, urlPath, rec.Code, rec.Header().Get("Content-Encoding"), rec.Body.Len(), len(exported))
		}
		n++
		if strings.HasPrefix(rel, "c/") || strings.HasPrefix(rel, "og/c/") || rel == "feed-context.xml" {
			shared++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Fatalf("compared only %d files", n)
	}
	// The shared cards' pages (two files each), preview images and the
	// context feed are among them.
	if shared < 2*len(catalog.SharedCards())+len(catalog.SharedCards())+1 {
		t.Errorf("compared only %d files of the shared cards", shared)
	}
}

// testWeb is a web folder as `make build` leaves it, with a stand-in for
// the wasm and its gzip copy.
func testWeb(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../web")); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"app.wasm", "app.wasm.br", "app.wasm.gz", "dom.go", "web.go"} {
		os.Remove(filepath.Join(dir, f))
	}
	wasm := append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("gloss wasm "), 500)...)
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(wasm)
	zw.Close()
	for name, b := range map[string][]byte{"app.wasm": wasm, "app.wasm.gz": gz.Bytes()} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
