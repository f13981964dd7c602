//go:build !wasm

package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gloss/gloss/internal/fixtures"
)

// buildGloss builds the gloss binary as `make bin` does, with the assets
// and the wasm of web/ embedded.
func buildGloss(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat("../../web/app.wasm"); err != nil {
		t.Fatal("web/app.wasm is missing: run `make build` first (make test does)")
	}
	bin := filepath.Join(t.TempDir(), "gloss")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

var servingURL = regexp.MustCompile(`msg=serving url=(http://\S+)`)

// startGloss runs bin serve with args from an empty folder, and returns
// the URL it serves and its stderr.
func startGloss(t *testing.T, bin string, args ...string) (string, *syncBuffer) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"serve", "-addr", "127.0.0.1:0"}, args...)...)
	cmd.Dir = t.TempDir()
	stderr := &syncBuffer{}
	pr, pw := io.Pipe()
	cmd.Stderr = pw
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
		pw.Close()
	})
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			stderr.Write(append(sc.Bytes(), '\n'))
			if m := servingURL.FindStringSubmatch(sc.Text()); m != nil {
				urlc <- m[1]
			}
		}
	}()
	select {
	case u := <-urlc:
		return u, stderr
	case <-time.After(30 * time.Second):
		t.Fatalf("gloss did not start:\n%s", stderr)
		return "", nil
	}
}

func getBody(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 {
		t.Fatalf("GET %s: %s", url, res.Status)
	}
	return string(b)
}

// eventually polls cond for a bounded time.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("not within 10 s: %s", what)
}

// The one binary, started from another folder, serves the articles built
// into it, and serves a content folder as data: edits show without a
// restart, a broken file is reported as file:line while the last good
// page is still served, and fixing it recovers.
func TestTheBinaryServesAContentFolderLive(t *testing.T) {
	bin := buildGloss(t)

	url, _ := startGloss(t, bin)
	if page := getBody(t, url+"/"); !strings.Contains(page, "Putin") {
		t.Fatal("the built-in articles are not served from another folder")
	}

	dir := t.TempDir()
	if err := os.CopyFS(dir, fixtures.FS()); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "dist")
	cmd := exec.Command(bin, "export", "-content", dir, "-out", out)
	cmd.Dir = t.TempDir()
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gloss export -content: %v\n%s", err, b)
	}
	if b, err := os.ReadFile(filepath.Join(out, "a", "riverside-library.html")); err != nil || !strings.Contains(string(b), "Visitor numbers were already falling") {
		t.Fatalf("the export of the folder lacks its article: %v", err)
	}

	url, stderr := startGloss(t, bin, "-content", dir)
	page := url + "/a/riverside-library"
	if !strings.Contains(getBody(t, page), "Visitor numbers were already falling") {
		t.Fatal("the folder's article is not served")
	}
	note := filepath.Join(dir, "riverside-library", "notes", "visitors.md")
	good, _ := os.ReadFile(note)
	edited := strings.Replace(string(good), "Visitor numbers were already falling", "Visits had been falling", 1)
	os.WriteFile(note, []byte(edited), 0o644)
	eventually(t, "the edit is served", func() bool { return strings.Contains(getBody(t, page), "Visits had been falling") })

	os.WriteFile(note, []byte(strings.Replace(edited, "kind: correction", "kind: correction\nkindd: typo", 1)), 0o644)
	eventually(t, "the problem is printed as file:line", func() bool {
		return strings.Contains(stderr.String(), filepath.Join("riverside-library", "notes", "visitors.md")+`:4: unknown field "kindd"`)
	})
	if !strings.Contains(getBody(t, page), "Visits had been falling") {
		t.Error("a broken note took the last good page down")
	}
	os.WriteFile(note, good, 0o644)
	eventually(t, "the fixed file is served", func() bool { return strings.Contains(getBody(t, page), "Visitor numbers were already falling") })
}
